// SPEC §4: was a failed command denied by AWS managed temporary credentials, and why?
// Returns codes and fields only; the shells turn them into words.
import { AwsError } from '../terminal/errors';
import { actionPrefix, operationName, parseCommandLine } from '../terminal/commandLine';
import { amtcAllows } from './allowList';
import { serviceOfOperation } from './operationServices';
import { CredentialState, CredentialStatus, fallbackProfiles, hasProblem } from './state';
import type { ChainSource } from '../credentials/chainTypes';

/** `source-fails`: not AMTC; the credential source the command used fails (an SSO session ended, a broken role chain…). */
export type Reason = 'none' | 'not-amtc' | 'unsupported-action' | 'role-name' | 'expired' | 'token-rejected' | 'source-fails';

/** Why a failure is not AMTC's doing (for the explanation). */
export type NotAmtcBecause = 'profile-on-line' | 'env-profile' | 'env-keys' | 'state' | 'not-a-token-error';

export type FixCode = 'run-with-profile' | 'add-fallback-profile' | 'why' | 'mute-action' | 'show-status' | 'repair' | 'reload-ide' | 'sign-in';

export interface Verdict {
  error: { code: string; operation: string | null; message: string } | null;
  /** service:Operation, when known. */
  action: string | null;
  reason: Reason;
  amtc: boolean;
  roleName: string | null;
  because: NotAmtcBecause | null;
  /**
   * The rule is only likely: the service was inferred from the operation name, or the role name is
   * unknown (an error pasted without its command line). Then `alsoPossible` lists the rarer causes.
   */
  likely: boolean;
  alsoPossible: Reason[];
  fixes: FixCode[];
  /**
   * What the verdict rests on: 'output', the AWS error the output showed; 'exit-code', the exit code and
   * command line only, because the terminal delivered no output; 'exit-code-no-error', the same because
   * the output had no AWS error in it (the error output was thrown away, e.g. `2>/dev/null`).
   */
  evidence: Evidence;
  /** For `source-fails`: the source that failed, as the credential chain reported it (key ids masked). */
  source: ChainSource | null;
}

export type Evidence = 'output' | 'exit-code' | 'exit-code-no-error';

export interface VerdictInput {
  error: AwsError | undefined;
  commandLine?: string;
  /** undefined when the shell did not report one. */
  exitCode?: number;
  state?: CredentialState;
  /** The state has the file-modified problem (offers Repair with an expired verdict). */
  fileModified?: boolean;
  /** Profiles that hold their own keys, for "run again with profile X". */
  fallbackProfiles?: readonly string[];
  /** The output could not be read: judge from the exit code and the command line (see judgeExitCode). */
  outputMissing?: boolean;
  /** The credential source of the status the command ran with (the chain's answer for its profile). */
  source?: ChainSource;
  /**
   * An earlier command in the terminal changed a credential variable in a way that could not be
   * followed (core/terminal/shellEnv): the state is the one without it, so an AMTC reason is only likely.
   */
  environmentUnknown?: boolean;
}

const DENIAL_CODES = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure', 'InvalidToken']);
const EXPIRED_CODES = new Set(['ExpiredToken', 'ExpiredTokenException']);
const AMTC_STATES = new Set<CredentialState | undefined>(['managed', 'modified', 'expired', undefined]);
/** The AWS CLI v2's exit code for an error answer from the service (253: no credentials, 255: other errors). */
const CLI_SERVICE_ERROR_EXIT = 254;

export function judge(input: VerdictInput): Verdict {
  const e = input.error;
  const line = parseCommandLine(input.commandLine ?? '');
  const cmd = line.relevant;
  const roleName = cmd?.roleName ?? null;
  let inferred = false;
  const verdict = (reason: Reason, action: string | null = null, because: NotAmtcBecause | null = null): Verdict => {
    // Without the command line the service may be a guess from the operation name, and the role name is unknown.
    const guess = (reason === 'unsupported-action' && inferred) || (reason === 'role-name' && (inferred || !cmd));
    const amtc = reason !== 'none' && reason !== 'not-amtc' && reason !== 'source-fails';
    const unsure = !!input.environmentUnknown && amtc;
    return {
      error: e ? { code: e.code, operation: e.operation, message: e.message } : null,
      action,
      reason,
      amtc,
      roleName,
      because,
      likely: guess || unsure,
      alsoPossible: [...(guess ? ['token-rejected' as const] : []), ...(unsure ? ['not-amtc' as const] : [])],
      fixes: fixesFor(reason, input),
      evidence: e ? 'output' : input.outputMissing ? 'exit-code' : 'exit-code-no-error',
      source: reason === 'source-fails' ? input.source ?? null : null,
    };
  };
  if (input.exitCode === 0) return verdict('none');
  const fromSource = judgeSource(input, line);
  if (fromSource) return verdict(fromSource.reason, fromSource.action);
  // No AWS error to read, whether the terminal passed on no output or the output had none: the exit code and line decide.
  if (!e) return judgeExitCode(input, line, verdict);
  const found = actionOf(e, cmd?.service, cmd?.operationWord);
  const action = found.action;
  inferred = found.inferred;
  const profile = line.anyProfile;
  const envProfile = cmd?.env.AWS_PROFILE ?? cmd?.env.AWS_DEFAULT_PROFILE;
  if (profile !== undefined && profile !== 'default') return verdict('not-amtc', action, 'profile-on-line');
  if (envProfile !== undefined && envProfile !== 'default') return verdict('not-amtc', action, 'env-profile');
  if (cmd?.env.AWS_ACCESS_KEY_ID) return verdict('not-amtc', action, 'env-keys');
  if (!AMTC_STATES.has(input.state)) return verdict('not-amtc', action, 'state');
  if (EXPIRED_CODES.has(e.code)) return verdict('expired', action);
  if (!DENIAL_CODES.has(e.code)) return verdict('not-amtc', action, 'not-a-token-error');
  if (action) {
    const [service, operation] = action.split(':') as [string, string];
    const decision = amtcAllows(service, operation, roleName ?? undefined);
    if (decision !== 'allowed') return verdict(decision, action);
  }
  if (input.state === 'expired') return verdict('expired', action);
  return verdict('token-rejected', action);
}

/**
 * Without an AWS error in the output (none delivered, or none in it: `2>/dev/null`), only an `aws`
 * command that got an error answer from the service (exit 254) can be judged: under AMTC, an action
 * that AMTC never allows was denied by AMTC; with expired AMTC credentials any such call fails.
 * Anything else stays 'none' (the error is not known).
 */
function judgeExitCode(input: VerdictInput, line: ReturnType<typeof parseCommandLine>, verdict: (reason: Reason, action?: string | null) => Verdict): Verdict {
  const cmd = line.relevant;
  if (cmd?.program !== 'aws' || input.exitCode !== CLI_SERVICE_ERROR_EXIT || !cmd.service || !cmd.operationWord) return verdict('none');
  const envProfile = cmd.env.AWS_PROFILE ?? cmd.env.AWS_DEFAULT_PROFILE;
  const otherProfile = [line.anyProfile, envProfile].some((p) => p !== undefined && p !== 'default');
  if (otherProfile || cmd.env.AWS_ACCESS_KEY_ID || !AMTC_STATES.has(input.state)) return verdict('none');
  const action = `${actionPrefix(cmd.service)}:${operationName(cmd.operationWord)}`;
  if (input.state === 'expired') return verdict('expired', action);
  const decision = amtcAllows(actionPrefix(cmd.service), operationName(cmd.operationWord), cmd.roleName);
  return decision === 'allowed' ? verdict('none', action) : verdict(decision, action);
}

/**
 * The chain decides before the error text when the command used the status' own credentials (no
 * other profile or keys on its line): a role assumed with AMTC keys is AMTC's sts:AssumeRole rule;
 * a source that fails (an SSO session that ended, a source_profile that is missing) is that
 * source's fault, whatever the error says, and never AMTC's.
 */
function judgeSource(input: VerdictInput, line: ReturnType<typeof parseCommandLine>): { reason: Reason; action: string | null } | null {
  const src = input.source;
  const cmd = line.relevant;
  if (!src || (!input.error && cmd?.program !== 'aws')) return null;
  const envProfile = cmd?.env.AWS_PROFILE ?? cmd?.env.AWS_DEFAULT_PROFILE;
  if (line.anyProfile !== undefined || envProfile !== undefined || cmd?.env.AWS_ACCESS_KEY_ID) return null;
  if (src.problem === 'amtc-assume-role') return { reason: 'unsupported-action', action: 'sts:AssumeRole' };
  if (src.works === 'fails' && src.kind !== null && src.detail !== 'amtc' && !AMTC_STATES.has(input.state)) return { reason: 'source-fails', action: null };
  return null;
}

function actionOf(e: AwsError, serviceWord: string | undefined, operationWord: string | undefined): { action: string | null; inferred: boolean } {
  const operation = e.operation ?? (operationWord ? operationName(operationWord) : undefined);
  const known = e.service ?? serviceWord;
  const service = known ?? (operation ? serviceOfOperation(operation, e.code) : undefined);
  if (!service || !operation) return { action: null, inferred: false };
  return { action: `${actionPrefix(service)}:${operation}`, inferred: !known };
}

/** A notification (or the shell hook's line) is worth it: AMTC denied the call, or the source the command used fails. */
export function worthTelling(v: Verdict): boolean {
  return v.amtc || v.reason === 'source-fails';
}

/** What a verdict needs from the credential status (the same for the terminal, the editor and the CLI). */
export function statusContext(s: CredentialStatus | undefined): Pick<VerdictInput, 'state' | 'fileModified' | 'fallbackProfiles' | 'source'> {
  return { state: s?.state, fileModified: hasProblem(s, 'file-modified'), fallbackProfiles: fallbackProfiles(s), ...(s ? { source: s.source } : {}) };
}

/** The fixes, best first; a notification shows at most three, so a profile that exists is offered instead of adding one. */
function fixesFor(reason: Reason, input: VerdictInput): FixCode[] {
  const useOrAdd: FixCode = input.fallbackProfiles?.length ? 'run-with-profile' : 'add-fallback-profile';
  switch (reason) {
    case 'unsupported-action':
    case 'role-name':
      return [useOrAdd, 'why', 'mute-action'];
    case 'expired':
      return ['show-status', ...(input.fileModified ? ['repair' as const] : []), 'reload-ide'];
    case 'token-rejected':
      return [useOrAdd, 'why'];
    case 'source-fails':
      return input.source?.kind === 'sso' && input.source.signInProfile ? ['sign-in', 'show-status'] : ['show-status'];
    default:
      return [];
  }
}
