// The data the credential chain returns (SPEC §7): which source the AWS CLI 2.9.19 will use for a
// profile, whether it works, until when, and who said so. Types only; resolution is in chain.ts.
import type { CliValue } from '../ini/cliView';
import type { FileKind, ProfileMap } from '../ini/profiles';
import type { Env } from './resolve';

/** botocore's provider METHOD names, exactly as `aws configure list` prints them (SPEC §7). */
export type ChainSourceKind =
  | 'env'
  | 'assume-role'
  | 'assume-role-with-web-identity'
  | 'sso'
  | 'shared-credentials-file'
  | 'custom-process'
  | 'config-file'
  | 'ec2-credentials-file'
  | 'boto-config'
  | 'container-role'
  | 'iam-role';

export const CHAIN_ORDER: readonly ChainSourceKind[] = [
  'env', 'assume-role', 'assume-role-with-web-identity', 'sso', 'shared-credentials-file', 'custom-process',
  'config-file', 'ec2-credentials-file', 'boto-config', 'container-role', 'iam-role',
];

/** `ok`: known to work until expiresAt; `fails`: the CLI's next call fails; `unchecked`: only a call would tell. */
export type Works = 'ok' | 'fails' | 'unchecked';

/** Why a source fails, or why the chain is broken or empty. One code per situation of notes/credential-chain.md. */
export type ChainProblemCode =
  // the chain as a whole
  | 'no-credentials' // every provider passed: "Unable to locate credentials" (exit 253)
  | 'profile-not-found' // the named profile does not exist (env keys do not save it)
  | 'cli-cannot-parse' // a file the CLI rejects before any provider runs
  | 'imds-bad-endpoint' // AWS_EC2_METADATA_SERVICE_ENDPOINT is not a URL, or lacks the trailing '/' 2.9.19 needs
  | 'imds-bad-endpoint-mode' // an endpoint mode other than ipv4/ipv6: every command fails
  | 'imds-bad-setting' // metadata_service_timeout / _num_attempts not an integer
  // keys (env, files)
  | 'partial-keys' // a key id without its secret
  | 'expired' // credentials whose expiry has passed (env AWS_CREDENTIAL_EXPIRATION, caches, IMDS)
  | 'amtc-expired' // managed keys Cloud9 no longer refreshes (the stale-AMTC trap)
  // assume role
  | 'source-profile-missing'
  | 'source-profile-cycle'
  | 'source-profile-no-credentials'
  | 'source-both' // source_profile and credential_source
  | 'source-neither'
  | 'credential-source-invalid'
  | 'credential-source-empty' // Ec2InstanceMetadata / Environment / EcsContainer gave nothing
  | 'amtc-assume-role' // the role would be assumed with AMTC keys: sts:AssumeRole is not on AMTC's list
  // web identity
  | 'web-identity-token-missing'
  | 'web-identity-role-missing'
  // sso
  | 'sso-token-missing'
  | 'sso-token-expired'
  | 'sso-region-missing'
  | 'sso-session-missing' // sso_session names a section that does not exist
  | 'sso-config-incomplete' // sso_start_url / sso_account_id / sso_role_name missing
  | 'sso-config-conflict' // a profile value differs from its sso-session's
  | 'cache-unreadable' // a token or role cache the CLI would read is corrupt, huge or not JSON
  // the older sources
  | 'file-missing' // AWS_CREDENTIAL_FILE names a file that does not exist (the CLI stops)
  // container endpoint
  | 'container-bad-host'
  | 'container-unreachable'
  | 'container-error' // non-200 (401 without the token, 5xx) or an answer without keys
  | 'container-timeout'
  // instance metadata (as probe problems, also under ChainResult.imds)
  | 'imds-disabled'
  | 'imds-no-role'
  | 'imds-timeout'
  | 'imds-unreachable'
  | 'imds-bad-json'
  | 'imds-error-code'
  | 'imds-token-rejected';

export interface ChainSource {
  /** The provider that answers, or null when the chain ends with nothing or is broken before any source. */
  kind: ChainSourceKind | null;
  works: Works;
  problem: ChainProblemCode | null;
  /** Epoch ms when the credentials (or the SSO session) end, where known. */
  expiresAt: number | null;
  /** Who said so: a file path, an endpoint URL, or an environment variable name. */
  from: string | null;
  /** The profile whose settings chose this source (null for env and the post-profile providers). */
  profile: string | null;
  /** File and 0-based line of the setting that decides, for "open the file at the line". */
  file: FileKind | null;
  line: number | null;
  /** Masked key id, for sources that hold keys (never the full id). */
  keyId: string | null;
  /**
   * A machine-readable detail: for a problem, the profile, setting or HTTP status it concerns; for an
   * unchecked source, what only a call would tell: 'sts' (a role to assume), 'mfa' (it prompts for a
   * code), 'portal' (SSO role credentials), 'refresh' (the SSO token must be refreshed), 'not-run'
   * (credential_process), 'checking' (an endpoint not asked yet); 'amtc' for AMTC-managed keys.
   */
  detail: string | null;
  /** For assume-role: what the role is assumed with (the source profile's source or the credential_source). */
  via: ChainSource | null;
  /** SSO: the session token's expiry, shown even when the role credentials come from the cache. */
  sessionExpiresAt: number | null;
  /** The SSO profile or session name that `aws sso login --profile P` needs. */
  signInProfile: string | null;
}

/** The knobs an IMDS probe uses, as botocore resolves them (env var, then the profile's config key). */
export interface ImdsSettings {
  disabled: boolean;
  /** Base URL, exactly as configured (2.9.19 appends paths to it without a '/'). */
  baseUrl: string;
  timeoutMs: number;
  attempts: number;
}

export type ImdsProblemCode = 'disabled' | 'no-role' | 'timeout' | 'unreachable' | 'bad-json' | 'error-code' | 'token-rejected' | 'bad-endpoint';

export type ImdsAnswer =
  | { ok: true; roleName: string; accessKeyId: string; expiresAt: number | null; from: string; tokenUsed: boolean }
  | { ok: false; problem: ImdsProblemCode; from: string; detail?: string };

export interface ContainerSettings {
  /** The URL the CLI would GET, or null when the host rule refuses it (problem container-bad-host). */
  url: string;
  authorization: string | null;
}

export type ContainerAnswer =
  | { ok: true; accessKeyId: string; expiresAt: number | null; from: string }
  | { ok: false; problem: 'container-unreachable' | 'container-error' | 'container-timeout'; from: string; detail?: string };

/** What the chain needs from the machine's endpoints before it can finish (asked only when reached). */
export interface ChainProbes {
  imds?: ImdsSettings;
  container?: ContainerSettings;
}

/** A cache file as the resolver sees it: its parsed JSON, or why it could not be used. */
export type CacheRead = { json: unknown } | { missing: true } | { error: 'too-large' | 'not-json' | 'unreadable' };

/** A file the chain reads besides the two config files (caches, token files, ~/.boto): text or why not. */
export type ChainFileRead = { text: string } | { missing: true } | { error: 'too-large' | 'unreadable' };

/**
 * Reads a file the resolver needs; `undefined` means "not read yet": the resolver then lists the path
 * in ChainResult.unread and answers `unchecked` until a second run with the file.
 */
export type ChainReader = (path: string) => ChainFileRead | undefined;

/** What the machine's endpoints answered, once asked (see ChainResult.pending). */
export interface ProbeAnswers {
  imds?: ImdsAnswer;
  container?: ContainerAnswer;
}

export interface ChainResult {
  source: ChainSource;
  /** The profile the CLI reads (--profile, AWS_PROFILE, AWS_DEFAULT_PROFILE, default). */
  profile: string;
  /** Every extra file the answer depends on (caches, token files, boto config): watch them. */
  files: string[];
  /** Files the reader has not supplied yet. */
  unread: string[];
  /** Endpoints the chain reached and has no answer for; source.works is 'unchecked' until they answer. */
  pending: ChainProbes | null;
  /** Epoch ms when the answer changes on its own (an expiry, a 15-minute cache window); null if never. */
  nextChangeAt: number | null;
}

/** Everything the pure resolver (chain.ts resolveChain) needs; built by state.ts from files it already parsed. */
export interface ChainInput {
  env: Env;
  home: string;
  now: number;
  /** `--profile NAME`: names the profile and drops env keys, as the CLI's --profile does. */
  profileFlag?: string;
  profiles: ProfileMap;
  /** The values of `[sso-session NAME]` in the config file. */
  ssoSession: (name: string) => ReadonlyMap<string, CliValue> | undefined;
  credentialsFile: string;
  configFile: string;
  /** A file the CLI rejects ("Unable to parse config file"): the chain is broken before any source. */
  unparsable: FileKind | null;
  /** The credentials file carries the AMTC header: its [default] keys live until expiresAt. */
  amtc: { expiresAt: number } | null;
  /** Where boto config is looked for without BOTO_CONFIG (default /etc/boto.cfg, ~/.boto); tests pin it. */
  botoDefaults?: string[];
}

/** The I/O a settled answer needs (check.ts settleChain); each part injectable for tests. */
export interface ChainIo {
  /** Reads a cache or token file (bounded size); default: node:fs. */
  readFile?: (path: string) => Promise<ChainFileRead>;
  /** false: never ask IMDS or the container endpoint (result.pending says what would be asked). */
  probe?: boolean;
  transport?: import('./httpProbe').ProbeTransport;
  /** Told every endpoint answer the settle collected (a monitor keeps them for its next first paint). */
  answered?: (answers: ProbeAnswers) => void;
}
