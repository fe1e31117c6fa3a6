// Problem `stale-managed-keys` (SPEC §8): Cloud9's managed keys are dead (expired, or Cloud9 says
// AMTC is off) yet the AWS CLI still uses them, and something works behind them — the instance role
// on IMDS, or a source of the config file's own [default]. Asked only in that situation.
import type { Env, FilePaths, SourceKind } from '../credentials/resolve';
import { readStable } from '../files/read';
import type { ManagedStatusInfo } from './managedStatus';
import { CredentialStatus, hasProblem } from './state';
import { behindTheFile } from './roleBehind';
import type { UseRoleInput } from './useInstanceRole';

/** What sits behind the dead keys: the instance role (with its time left) or a config-file source. */
export type BehindDeadKeys = { kind: 'iam-role'; roleName: string; expiresAt: number | null } | { kind: SourceKind };

/** The managed keys are in use by [default] and dead: worth asking what is behind them. */
export function managedKeysAreDead(s: CredentialStatus | undefined, cloud9?: ManagedStatusInfo): boolean {
  if (!s?.amtc || s.profileFrom === 'env-keys' || s.activeProfile !== 'default' || s.source?.kind !== 'shared-credentials-file') return false;
  return s.state === 'expired' || cloud9?.phase === 'disabled' || cloud9?.phase === 'pending' || cloud9?.phase === 'failed';
}

export async function behindDeadKeys(input: Pick<UseRoleInput, 'probe'> & { env: Env; paths: FilePaths }): Promise<BehindDeadKeys | null> {
  const config = await readStable(input.paths.configFile);
  const { role, behind } = await behindTheFile(input, config.text);
  if (behind) return { kind: behind };
  return role.ok ? { kind: 'iam-role', roleName: role.roleName, expiresAt: role.expiresAt } : null;
}

/** The status with the problem added (detail: what is behind, 'iam-role' or a source kind). */
export function withStaleKeys(s: CredentialStatus, behind: BehindDeadKeys | null): CredentialStatus {
  if (!behind || hasProblem(s, 'stale-managed-keys')) return s;
  return { ...s, problems: [...s.problems, { code: 'stale-managed-keys', file: 'credentials', detail: behind.kind }] };
}
