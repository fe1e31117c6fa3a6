// The extension's words for the credential chain (SPEC §7): a name for each source kind, what is
// unknown about a source nobody has called, and one sentence per problem that says what is wrong and
// what to do. Japanese comes from l10n/bundle.l10n.ja.json (a test fails on a missing translation).
import * as vscode from 'vscode';
import type { ChainProblemCode, ChainSource, ChainSourceKind, ImdsProblemCode } from '../core/credentials/chainTypes';

export function chainKindLabel(kind: ChainSourceKind): string {
  const labels: Record<ChainSourceKind, () => string> = {
    env: () => vscode.l10n.t('environment variables'),
    'assume-role': () => vscode.l10n.t('assumed role'),
    'assume-role-with-web-identity': () => vscode.l10n.t('web identity role'),
    sso: () => vscode.l10n.t('IAM Identity Center (SSO)'),
    'shared-credentials-file': () => vscode.l10n.t('keys in the credentials file'),
    'custom-process': () => vscode.l10n.t('credential process'),
    'config-file': () => vscode.l10n.t('keys in the config file'),
    'ec2-credentials-file': () => vscode.l10n.t('old EC2 credentials file'),
    'boto-config': () => vscode.l10n.t('boto config keys'),
    'container-role': () => vscode.l10n.t('container role'),
    'iam-role': () => vscode.l10n.t('instance role'),
  };
  return labels[kind]();
}

/** What only a call would tell about a source that was not (or cannot be) checked from files. */
export function uncheckedText(detail: string | null): string {
  switch (detail) {
    case 'sts': return vscode.l10n.t('Only a call to STS would tell whether the role can be assumed (Verify).');
    case 'mfa': return vscode.l10n.t('The AWS CLI will ask for an MFA code.');
    case 'portal': return vscode.l10n.t('The SSO session is valid; only a call would tell whether the role credentials are.');
    case 'refresh': return vscode.l10n.t('The SSO session ends within 15 minutes; the AWS CLI will try to refresh it.');
    case 'not-run': return vscode.l10n.t('AMTC Guard never runs the credential_process program, so it cannot tell whether it works.');
    case 'checking': return vscode.l10n.t('Checking…');
    default: return vscode.l10n.t('Only a call would tell whether these credentials work (Verify).');
  }
}

function imdsText(code: ImdsProblemCode): string {
  const words: Record<ImdsProblemCode, () => string> = {
    disabled: () => vscode.l10n.t('The instance metadata service is disabled (AWS_EC2_METADATA_DISABLED).'),
    'no-role': () => vscode.l10n.t('No instance role is attached to this instance.'),
    timeout: () => vscode.l10n.t('The instance metadata service does not answer in time.'),
    unreachable: () => vscode.l10n.t('The instance metadata service cannot be reached.'),
    'bad-json': () => vscode.l10n.t('The instance metadata service answered something that is not credentials.'),
    'error-code': () => vscode.l10n.t('The instance role cannot be used (the metadata service answered an error).'),
    'token-rejected': () => vscode.l10n.t('The instance metadata service refused the session token request.'),
    'bad-endpoint': () => vscode.l10n.t('The instance metadata endpoint is not usable.'),
  };
  return words[code]();
}

/** One sentence: why the source fails (or why the chain found nothing) and what to do. */
export function chainProblemText(s: ChainSource): string {
  const d = s.detail ?? '';
  const from = s.from ?? '';
  const signIn = s.signInProfile ?? '';
  const words: Record<ChainProblemCode, () => string> = {
    'no-credentials': () => vscode.l10n.t('The AWS CLI finds no credentials in any source; add a profile or attach an instance role.'),
    'profile-not-found': () => vscode.l10n.t('The profile "{0}" is not defined in either file, so every aws command with it fails.', d),
    'cli-cannot-parse': () => vscode.l10n.t('The AWS CLI cannot parse a credentials or config file; fix the line the status shows.'),
    'imds-bad-endpoint': () => vscode.l10n.t('The instance metadata endpoint "{0}" is not usable (AWS CLI 2.9.19 needs a URL ending in "/").', d),
    'imds-bad-endpoint-mode': () => vscode.l10n.t('The instance metadata endpoint mode "{0}" is invalid (use ipv4 or ipv6); every aws command fails until it is fixed.', d),
    'imds-bad-setting': () => vscode.l10n.t('{0} must be a whole number; every aws command fails until it is fixed.', d),
    'partial-keys': () => vscode.l10n.t('{0} is missing next to the access key id; add it or remove the key id.', d),
    expired: () => vscode.l10n.t('These credentials have expired; get new ones.'),
    'amtc-expired': () => vscode.l10n.t('The keys Cloud9 managed are dead and still in the credentials file, hiding every other source; move the file aside or turn AMTC back on.'),
    'source-profile-missing': () => vscode.l10n.t('The source_profile "{0}" does not exist; fix the name or add that profile.', d),
    'source-profile-cycle': () => vscode.l10n.t('The source_profile settings form a loop ({0}); break it.', d),
    'source-profile-no-credentials': () => vscode.l10n.t('The source profile "{0}" has no credentials; give it keys or another source.', d),
    'source-both': () => vscode.l10n.t('The profile has both source_profile and credential_source; keep one.'),
    'source-neither': () => vscode.l10n.t('The profile has role_arn but neither source_profile nor credential_source; add one.'),
    'credential-source-invalid': () => vscode.l10n.t('The credential_source "{0}" is not valid; use Ec2InstanceMetadata, Environment or EcsContainer (exact case).', d),
    'credential-source-empty': () => vscode.l10n.t('The credential_source {0} gives no credentials here.', d),
    'amtc-assume-role': () => vscode.l10n.t("The role would be assumed with Cloud9's managed credentials, which cannot call sts:AssumeRole; use your own keys or the instance role as its source."),
    'web-identity-token-missing': () => vscode.l10n.t('The web identity token file {0} does not exist.', from),
    'web-identity-role-missing': () => vscode.l10n.t('Web identity is configured without a role ARN; set role_arn or AWS_ROLE_ARN.'),
    'sso-token-missing': () => vscode.l10n.t('You are not signed in to IAM Identity Center for the profile "{0}"; sign in again.', signIn),
    'sso-token-expired': () => vscode.l10n.t('The IAM Identity Center session for the profile "{0}" has ended; sign in again.', signIn),
    'sso-region-missing': () => vscode.l10n.t('The SSO profile has no sso_region; add it.'),
    'sso-session-missing': () => vscode.l10n.t('The sso-session "{0}" the profile names does not exist; add it or fix the name.', d),
    'sso-config-incomplete': () => vscode.l10n.t('The SSO profile is missing {0}; add it.', d),
    'sso-config-conflict': () => vscode.l10n.t('{0} differs between the profile and its sso-session; keep one value.', d),
    'cache-unreadable': () => vscode.l10n.t('The AWS CLI cache file {0} is damaged; delete it and sign in or run the command again.', from),
    'file-missing': () => vscode.l10n.t('AWS_CREDENTIAL_FILE names {0}, which does not exist; unset it or create the file.', from),
    'container-bad-host': () => vscode.l10n.t('The container credentials URL uses the host "{0}", which the AWS CLI refuses (allowed: 169.254.170.2, localhost, 127.0.0.1).', d),
    'container-unreachable': () => vscode.l10n.t('The container credentials endpoint cannot be reached, and the AWS CLI does not fall back to the instance role.'),
    'container-error': () => vscode.l10n.t('The container credentials endpoint answered an error ({0}); check AWS_CONTAINER_AUTHORIZATION_TOKEN.', d),
    'container-timeout': () => vscode.l10n.t('The container credentials endpoint does not answer in time.'),
    'imds-disabled': () => imdsText('disabled'),
    'imds-no-role': () => imdsText('no-role'),
    'imds-timeout': () => imdsText('timeout'),
    'imds-unreachable': () => imdsText('unreachable'),
    'imds-bad-json': () => imdsText('bad-json'),
    'imds-error-code': () => imdsText('error-code'),
    'imds-token-rejected': () => imdsText('token-rejected'),
  };
  return words[s.problem ?? 'no-credentials']();
}

/** A short word for the item when the source fails. */
export function failingWord(s: ChainSource): string {
  switch (s.problem) {
    case 'sso-token-missing': return vscode.l10n.t('signed out');
    case 'sso-token-expired':
    case 'expired':
    case 'amtc-expired': return vscode.l10n.t('expired');
    default: return vscode.l10n.t('not working');
  }
}

/** A time left for the item: 52m, 3h 10m, 2d 4h. */
export function shortDuration(ms: number): string {
  const m = Math.max(0, Math.ceil(ms / 60_000));
  if (m < 60) return vscode.l10n.t('{0}m', m);
  if (m < 1440) return m % 60 ? vscode.l10n.t('{0}h {1}m', Math.floor(m / 60), m % 60) : vscode.l10n.t('{0}h', m / 60);
  return vscode.l10n.t('{0}d {1}h', Math.floor(m / 1440), Math.floor((m % 1440) / 60));
}

/** Why a source needs attention now, in one sentence (sourceAttention decides whether it does). */
export function attentionText(s: ChainSource, now: number, endsAt: number | null): string {
  if (s.works === 'fails' || endsAt === null) return chainProblemText(s);
  const minutes = Math.max(0, Math.ceil((endsAt - now) / 60_000));
  return s.kind === 'sso'
    ? vscode.l10n.t('The IAM Identity Center session for the profile "{0}" ends in {1} min; sign in again to keep working.', s.signInProfile ?? s.profile ?? '', minutes)
    : vscode.l10n.t('The credentials the AWS CLI uses end in {0} min.', minutes);
}
