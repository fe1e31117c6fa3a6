import { settleStatus } from '../core/amtc/settleStatus';
import { CredentialState, CredentialStatus, ProblemCode } from '../core/amtc/state';
import { readStable } from '../core/files/read';
import { cloud9EnvironmentId } from '../core/aws/cloud9Call';
import { behindDeadKeys, managedKeysAreDead, withStaleKeys } from '../core/amtc/staleKeys';
import { parseArgs } from './args';
import { CliContext } from './context';
import { statusJson, statusLines } from './renderStatus';

/** The status with the whole chain settled: caches read, IMDS or the container endpoint asked if reached. */
export async function readStatus(ctx: CliContext, profileFlag?: string): Promise<CredentialStatus> {
  const [credentials, config] = await Promise.all([readStable(ctx.paths.credentialsFile), readStable(ctx.paths.configFile)]);
  return settleStatus({
    env: ctx.env,
    credentials,
    config,
    now: ctx.now(),
    lifetimeMs: ctx.lifetimeMs,
    chain: { home: ctx.home, ...(profileFlag !== undefined ? { profileFlag } : {}) },
  });
}

/**
 * SPEC §6: exit 1 whenever the CLI's next call would fail, or the managed credentials are about to
 * (Cloud9 no longer refreshes a modified file). Every state and problem is decided here, so a new one
 * does not compile until someone says which it is.
 */
export const STATE_FAILS: Readonly<Record<CredentialState, boolean>> = {
  // missing: unless another source of the chain answers (an instance role, SSO, a process)
  expired: true, modified: true, missing: true, managed: false, overridden: false, unmanaged: false,
};
export const PROBLEM_FAILS: Readonly<Record<ProblemCode, boolean>> = {
  'cli-cannot-parse': true, // every aws command fails until the file is fixed
  'profile-not-found': true, // "The config profile (x) could not be found" on every call
  'file-unreadable': true, // the CLI cannot use what it cannot read
  'file-modified': false, // decided by the state (modified, expired) when the managed file is the one in use
  'refresh-overdue': false, // still valid until expiresAt; the state turns expired then
  'awaiting-refresh': false, // likewise: expired is decided by the state
  'insecure-permissions': false, // works; a warning
  'stale-managed-keys': true, // the CLI signs with the dead managed keys
};

export function exitCodeFor(s: CredentialStatus): number {
  if (s.source.works === 'fails' || s.problems.some((p) => PROBLEM_FAILS[p.code])) return 1;
  if (s.state === 'missing' && s.source.kind !== null) return 0;
  return STATE_FAILS[s.state] ? 1 : 0;
}

export async function statusCommand(argv: string[], ctx: CliContext): Promise<number> {
  const { flags } = parseArgs(argv, { json: 'boolean', profile: 'string' });
  const read = await readStatus(ctx, typeof flags.profile === 'string' ? flags.profile : undefined);
  // Dead managed keys on a Cloud9 host: say what they hide (the instance role, asked on IMDS with the CLI's own timeouts).
  const s = managedKeysAreDead(read) && cloud9EnvironmentId(ctx.env) ? withStaleKeys(read, await behindDeadKeys({ env: ctx.env, paths: ctx.paths })) : read;
  if (flags.json) ctx.out(JSON.stringify(statusJson(s)));
  else ctx.out(statusLines(s, ctx.messages, ctx.now()).join('\n'));
  return exitCodeFor(s);
}
