// The CLI's words for the credential chain (SPEC §7): a word for each source kind, how it works, and
// one sentence per problem that says what is wrong and what to do. sourceMessages.ja.ts has the same
// shape in Japanese (the type makes a missing translation a compile error).
import type { ChainProblemCode, ChainSource, ChainSourceKind, ImdsProblemCode, Works } from '../core/credentials/chainTypes';

/** The chain's problems that are an IMDS answer: the same sentence as that answer, in either language. */
const IMDS_CHAIN_PROBLEMS = {
  'imds-disabled': 'disabled', 'imds-no-role': 'no-role', 'imds-timeout': 'timeout', 'imds-unreachable': 'unreachable',
  'imds-bad-json': 'bad-json', 'imds-error-code': 'error-code', 'imds-token-rejected': 'token-rejected',
} as const satisfies Partial<Record<ChainProblemCode, ImdsProblemCode>>;

export function imdsChainProblems(imds: Readonly<Record<ImdsProblemCode, string>>): Record<keyof typeof IMDS_CHAIN_PROBLEMS, string> {
  return Object.fromEntries(Object.entries(IMDS_CHAIN_PROBLEMS).map(([problem, answer]) => [problem, imds[answer]])) as Record<keyof typeof IMDS_CHAIN_PROBLEMS, string>;
}

export const sourceEn = {
  kind: {
    env: 'environment keys',
    'assume-role': 'assumed role',
    'assume-role-with-web-identity': 'web identity role',
    sso: 'IAM Identity Center (SSO)',
    'shared-credentials-file': 'keys in the credentials file',
    'custom-process': 'credential process',
    'config-file': 'keys in the config file',
    'ec2-credentials-file': 'old EC2 credentials file',
    'boto-config': 'boto config keys',
    'container-role': 'container role',
    'iam-role': 'instance role',
  } satisfies Record<ChainSourceKind, string>,
  /** Short words for the shell prompt. */
  promptKind: {
    env: 'env',
    'assume-role': 'role',
    'assume-role-with-web-identity': 'webid',
    sso: 'sso',
    'shared-credentials-file': 'keys',
    'custom-process': 'process',
    'config-file': 'keys',
    'ec2-credentials-file': 'ec2file',
    'boto-config': 'boto',
    'container-role': 'container',
    'iam-role': 'instance',
  } satisfies Record<ChainSourceKind, string>,
  none: 'no credentials',
  works: { ok: 'works', fails: 'fails', unchecked: 'not checked' } satisfies Record<Works, string>,
  label: 'source',
  left: (t: string) => `${t} left`,
  sessionUntil: (t: string) => `SSO session until ${t}`,
  unchecked: (detail: string | null): string => {
    switch (detail) {
      case 'sts': return 'only a call to STS would tell (amtc-guard verify)';
      case 'mfa': return 'the AWS CLI will ask for an MFA code';
      case 'portal': return 'the SSO session is valid; only a call would tell whether the role credentials are';
      case 'refresh': return 'the SSO session ends within 15 minutes; the AWS CLI will try to refresh it';
      case 'not-run': return 'the credential_process program is never run by AMTC Guard';
      case 'checking': return 'checking…';
      default: return 'only a call would tell (amtc-guard verify)';
    }
  },
  /** Why the instance metadata service gave nothing. */
  imds: {
    disabled: 'the instance metadata service is disabled (AWS_EC2_METADATA_DISABLED)',
    'no-role': 'no instance role is attached',
    timeout: 'the instance metadata service does not answer in time',
    unreachable: 'the instance metadata service cannot be reached',
    'bad-json': 'the instance metadata service answered something that is not credentials',
    'error-code': 'the instance role cannot be used',
    'token-rejected': 'the instance metadata service refused the session token request',
    'bad-endpoint': 'the instance metadata endpoint is not usable',
  } satisfies Record<ImdsProblemCode, string>,
  problem(s: ChainSource): string {
    const d = s.detail ?? '';
    const imds = (k: ImdsProblemCode): string => this.imds[k];
    const msg: Record<ChainProblemCode, string> = {
      'no-credentials': `the AWS CLI finds no credentials${s.detail ? ` (${imds(d as ImdsProblemCode)})` : ''}; add a profile or attach an instance role`,
      'profile-not-found': `profile "${d}" is not defined in either file; every aws command with it fails`,
      'cli-cannot-parse': 'the AWS CLI cannot parse a credentials or config file; fix the line amtc-guard status shows',
      'imds-bad-endpoint': `the instance metadata endpoint "${d}" is not usable (AWS CLI 2.9.19 needs a URL ending in "/")`,
      'imds-bad-endpoint-mode': `the instance metadata endpoint mode "${d}" is invalid (use ipv4 or ipv6); every aws command fails until it is fixed`,
      'imds-bad-setting': `${d} must be a whole number; every aws command fails until it is fixed`,
      'partial-keys': `${d} is missing next to the access key id; add it or remove the key id`,
      expired: 'these credentials have expired; get new ones',
      'amtc-expired': 'the keys Cloud9 managed are dead and still in the credentials file, hiding every other source; remove [default] from it (or turn AMTC back on)',
      'source-profile-missing': `source_profile "${d}" does not exist; fix the name or add that profile`,
      'source-profile-cycle': `the source_profile settings form a loop (${d}); break it`,
      'source-profile-no-credentials': `source profile "${d}" has no credentials; give it keys or another source`,
      'source-both': 'the profile has both source_profile and credential_source; keep one',
      'source-neither': 'the profile has role_arn but neither source_profile nor credential_source; add one',
      'credential-source-invalid': `credential_source "${d}" is not valid; use Ec2InstanceMetadata, Environment or EcsContainer (exact case)`,
      'credential-source-empty': `credential_source ${d} gives no credentials here`,
      'amtc-assume-role': 'the role would be assumed with Cloud9\'s managed credentials, which cannot call sts:AssumeRole; use your own keys or the instance role as its source',
      'web-identity-token-missing': `the web identity token file ${s.from ?? ''} does not exist`,
      'web-identity-role-missing': 'web identity is configured without a role ARN; set role_arn or AWS_ROLE_ARN',
      'sso-token-missing': `you are not signed in to IAM Identity Center; sign in again: aws sso login --profile ${s.signInProfile ?? ''}`,
      'sso-token-expired': `the IAM Identity Center session has expired; sign in again: aws sso login --profile ${s.signInProfile ?? ''}`,
      'sso-region-missing': 'the SSO profile has no sso_region; add it',
      'sso-session-missing': `the sso-session "${d}" the profile names does not exist; add [sso-session ${d}] or fix the name`,
      'sso-config-incomplete': `the SSO profile is missing ${d}; add it`,
      'sso-config-conflict': `${d} differs between the profile and its sso-session; keep one value`,
      'cache-unreadable': `the AWS CLI cache file ${s.from ?? ''} is damaged; delete it and sign in or run the command again`,
      'file-missing': `AWS_CREDENTIAL_FILE names ${s.from ?? ''}, which does not exist; unset it or create the file`,
      'container-bad-host': `the container credentials URL uses host "${d}", which AWS CLI 2.9.19 refuses (allowed: 169.254.170.2, localhost, 127.0.0.1)`,
      'container-unreachable': 'the container credentials endpoint cannot be reached; every aws command fails (it does not fall back to the instance role)',
      'container-error': `the container credentials endpoint answered an error (${d}); check AWS_CONTAINER_AUTHORIZATION_TOKEN`,
      'container-timeout': 'the container credentials endpoint does not answer in time',
      ...imdsChainProblems(this.imds),
    };
    return msg[s.problem ?? 'no-credentials'];
  },
};

export type SourceMessages = typeof sourceEn;
