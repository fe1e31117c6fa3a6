// What Cloud9's managedCredentialsStatus values mean (Cloud9 API reference, Environment), as data:
// whether AMTC is on, off, on its way off, or failed to go off, and who did it. The shells word it.

export type ManagedCredentialsAction = 'ENABLE' | 'DISABLE';

export type ManagedPhase = 'enabled' | 'disabled' | 'pending' | 'failed' | 'unknown';

/** Who caused the status: the owner, a collaborator (shared environments), or Cloud9 itself. */
export type ManagedBy = 'owner' | 'collaborator' | 'create' | 'default' | null;

export interface ManagedStatusInfo {
  value: string | null;
  phase: ManagedPhase;
  by: ManagedBy;
}

export const MANAGED_STATUS_VALUES = [
  'ENABLED_ON_CREATE',
  'ENABLED_BY_OWNER',
  'DISABLED_BY_DEFAULT',
  'DISABLED_BY_OWNER',
  'DISABLED_BY_COLLABORATOR',
  'PENDING_REMOVAL_BY_COLLABORATOR',
  'PENDING_START_REMOVAL_BY_COLLABORATOR',
  'PENDING_REMOVAL_BY_OWNER',
  'PENDING_START_REMOVAL_BY_OWNER',
  'FAILED_REMOVAL_BY_COLLABORATOR',
  'FAILED_REMOVAL_BY_OWNER',
] as const;

export function classifyManagedStatus(value: string | null | undefined): ManagedStatusInfo {
  const v = value ?? null;
  const by: ManagedBy = !v ? null : v.endsWith('_COLLABORATOR') ? 'collaborator' : v.endsWith('_OWNER') ? 'owner' : v.endsWith('_ON_CREATE') ? 'create' : v.endsWith('_DEFAULT') ? 'default' : null;
  const phase: ManagedPhase = !v ? 'unknown'
    : v.startsWith('ENABLED_') ? 'enabled'
    : v.startsWith('DISABLED_') ? 'disabled'
    : v.startsWith('PENDING_') ? 'pending'
    : v.startsWith('FAILED_') ? 'failed'
    : 'unknown';
  return { value: v, phase, by };
}

/** The status an action waits for: ENABLE ends at enabled; DISABLE at disabled or a failed removal. */
export function hasSettled(info: ManagedStatusInfo, action: ManagedCredentialsAction): boolean {
  return action === 'ENABLE' ? info.phase === 'enabled' : info.phase === 'disabled' || info.phase === 'failed';
}
