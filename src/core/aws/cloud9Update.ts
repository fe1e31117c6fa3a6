// Turns AMTC off or on: one cloud9:UpdateEnvironment call with managedCredentialsAction (allowed
// under AMTC; only the owner may do it), then DescribeEnvironments until managedCredentialsStatus
// settles. Bounded: a few calls spaced by a growing delay, never more than followMs in all.
import { classifyManagedStatus, hasSettled, ManagedCredentialsAction, ManagedStatusInfo } from '../amtc/managedStatus';
import { cloud9Call, Cloud9CallOptions, ENVIRONMENT_ID } from './cloud9Call';
import { describeManagedCredentials } from './cloud9Status';
import type { SdkModule } from './verify';

export type UpdateProblem = 'invalid-environment-id' | 'not-owner' | 'not-found' | 'token-rejected' | 'no-credentials' | 'no-network' | 'other';

export type UpdateOutcome =
  | {
      ok: true;
      /** The last status Cloud9 reported, and whether it is the one the action waits for. */
      status: ManagedStatusInfo;
      settled: boolean;
      /** Set when a DescribeEnvironments call failed while following (e.g. the old keys stopped working). */
      followCode?: string;
    }
  | { ok: false; problem: UpdateProblem; code: string };

export interface UpdateOptions extends Cloud9CallOptions {
  environmentId: string;
  action: ManagedCredentialsAction;
  /** How long to follow the status at most (default 90 s). */
  followMs?: number;
  onStatus?: (s: ManagedStatusInfo) => void;
  /** Waits between status calls (injected by tests; default a timer). */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const DELAYS_MS = [1000, 2000, 3000, 5000, 8000, 10_000];

export async function setManagedCredentials(sdk: SdkModule, o: UpdateOptions): Promise<UpdateOutcome> {
  if (!ENVIRONMENT_ID.test(o.environmentId)) return { ok: false, problem: 'invalid-environment-id', code: 'ValidationException' };
  const r = await cloud9Call(sdk, o, 'UpdateEnvironment', { environmentId: o.environmentId, managedCredentialsAction: o.action });
  if (!r.ok) return { ok: false, problem: classifyUpdateError(r.code), code: r.code };
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((res) => setTimeout(res, ms)));
  const now = o.now ?? Date.now;
  const until = now() + (o.followMs ?? 90_000);
  let last = classifyManagedStatus(null);
  for (let i = 0; ; i++) {
    const d = await describeManagedCredentials(sdk, o);
    if (!d.ok) return { ok: true, status: last, settled: false, followCode: d.code };
    last = classifyManagedStatus(d.managedCredentialsStatus);
    o.onStatus?.(last);
    if (hasSettled(last, o.action)) return { ok: true, status: last, settled: true };
    const delay = DELAYS_MS[Math.min(i, DELAYS_MS.length - 1)]!;
    if (now() + delay > until) return { ok: true, status: last, settled: false };
    await sleep(delay);
  }
}

export function classifyUpdateError(code: string): UpdateProblem {
  if (code === 'AccessDeniedException' || code === 'ForbiddenException') return 'not-owner';
  if (code === 'NotFoundException' || code === 'BadRequestException' || code === 'ValidationException') return 'not-found';
  if (/^(UnrecognizedClient|InvalidClientTokenId|ExpiredToken|InvalidSignature|IncompleteSignature)/.test(code)) return 'token-rejected';
  if (code === 'CredentialsProviderError' || code === 'ProviderError') return 'no-credentials';
  if (/TimeoutError|AbortError|TypeError|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|FetchError/.test(code)) return 'no-network';
  return 'other';
}
