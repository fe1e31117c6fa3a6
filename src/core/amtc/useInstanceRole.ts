// "Use the instance role" (SPEC §8): when Cloud9's managed [default] keys sit in the credentials
// file, the AWS CLI never reaches the instance role behind them. This checks that a role answers on
// IMDS and that the file is Cloud9's, then moves the file aside (a 0600 copy next to the backups)
// and can put it back. Data only: the shells word it and ask.
import type { ImdsAnswer, ImdsSettings } from '../credentials/chainTypes';
import type { Env, FilePaths, SourceKind } from '../credentials/resolve';
import { readStable } from '../files/read';
import { moveAside, MoveOutcome, restoreAside, RestoreOutcome } from '../files/moveAside';
import { computeStatus, CredentialState, hasProblem } from './state';
import { behindTheFile } from './roleBehind';

export type UseRoleRefusal = 'no-file' | 'not-managed' | 'unreadable' | 'imds-settings' | 'no-role';

export interface UseRolePlan {
  file: string;
  /** 'modified': the file holds more than Cloud9 wrote; moving it hides that too, so ask first. */
  shape: 'cloud9' | 'modified';
  state: CredentialState;
  /** The managed keys still work (AMTC on): Cloud9 will write the file again. */
  keysLive: boolean;
  role: Extract<ImdsAnswer, { ok: true }>;
  /** What the config file gives [default] once the file is gone (it comes before the instance role), if anything. */
  behind: SourceKind | null;
  /** The exact bytes checked; the move happens only while the file still holds them. */
  bytes: Buffer;
}

export type UseRoleCheck = { ok: true; plan: UseRolePlan } | { ok: false; problem: UseRoleRefusal; detail?: string };

export interface UseRoleInput {
  env: Env;
  paths: FilePaths;
  now: number;
  lifetimeMs: number;
  /** Injected by tests; default the IMDS probe with the CLI's own knobs and timeouts. */
  probe?: (s: ImdsSettings) => Promise<ImdsAnswer>;
}

export async function planUseInstanceRole(input: UseRoleInput): Promise<UseRoleCheck> {
  const [credentials, config] = await Promise.all([readStable(input.paths.credentialsFile), readStable(input.paths.configFile)]);
  if (!credentials.exists && !credentials.error) return { ok: false, problem: 'no-file' };
  if (credentials.text === undefined || (config.exists && config.text === undefined)) return { ok: false, problem: 'unreadable', detail: credentials.error ?? config.error };
  const status = computeStatus({ env: input.env, credentials, config, now: input.now, lifetimeMs: input.lifetimeMs });
  if (!status.amtc) return { ok: false, problem: 'not-managed' };
  const { role, behind } = await behindTheFile(input, config.text);
  if (!role.ok) return { ok: false, problem: role.problem === 'imds-settings' ? 'imds-settings' : 'no-role', detail: role.detail };
  return {
    ok: true,
    plan: {
      file: input.paths.credentialsFile,
      shape: hasProblem(status, 'file-modified') ? 'modified' : 'cloud9',
      state: status.state,
      keysLive: status.state === 'managed' || status.state === 'modified',
      role,
      behind,
      bytes: Buffer.from(credentials.text, 'utf8'),
    },
  };
}

export function useInstanceRole(plan: UseRolePlan, home: string, hooks: { beforeRename?: () => Promise<void> | void; now?: () => Date } = {}): Promise<MoveOutcome> {
  return moveAside({ file: plan.file, home, expect: plan.bytes, ...hooks });
}

export function undoUseInstanceRole(paths: FilePaths): Promise<RestoreOutcome> {
  return restoreAside(paths.credentialsFile);
}
