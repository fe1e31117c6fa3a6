// Which files and which profile the AWS CLI uses, from the environment it would run in
// (botocore: config_file, credentials_file and profile variables; create_credential_resolver).
import * as path from 'node:path';
import { FileKind, ProfileEntry, stringValue } from '../ini/profiles';

export type Env = Readonly<Record<string, string | undefined>>;

export interface FilePaths {
  credentialsFile: string;
  configFile: string;
}

/** Python's os.path.expandvars then expanduser, as botocore applies them to both paths. */
export function expandPath(p: string, env: Env, home: string): string {
  const vars = p.replace(/\$(\w+)|\$\{([^}]*)\}/g, (whole, a: string | undefined, b: string | undefined) => {
    const v = env[(a ?? b)!];
    return v === undefined ? whole : v;
  });
  if (vars === '~' || vars.startsWith('~/')) return home + vars.slice(1);
  return vars;
}

export function homeDir(env: Env, fallback: string): string {
  return env.HOME || fallback;
}

export function resolvePaths(env: Env, home: string, overrides: Partial<FilePaths> = {}): FilePaths {
  const pick = (override: string | undefined, envName: string, def: string): string => {
    const raw = override || env[envName] || def;
    return path.resolve(home, expandPath(raw, env, home));
  };
  return {
    credentialsFile: pick(overrides.credentialsFile, 'AWS_SHARED_CREDENTIALS_FILE', '~/.aws/credentials'),
    configFile: pick(overrides.configFile, 'AWS_CONFIG_FILE', '~/.aws/config'),
  };
}

export type ProfileChoice = '--profile' | 'env-keys' | 'AWS_PROFILE' | 'AWS_DEFAULT_PROFILE' | 'default';

export interface ActiveProfile {
  /** The profile the CLI reads, or undefined when environment keys take over. */
  name: string;
  from: ProfileChoice;
}

/** Precedence: --profile (which drops env keys) > env keys > AWS_PROFILE > AWS_DEFAULT_PROFILE > default. */
export function activeProfile(env: Env, profileFlag?: string): ActiveProfile {
  if (profileFlag !== undefined) return { name: profileFlag, from: '--profile' };
  if (env.AWS_ACCESS_KEY_ID) return { name: profileFromEnv(env).name, from: 'env-keys' };
  return profileFromEnv(env);
}

// A variable that is set but empty still names a profile (""), which the CLI then cannot find;
// verified with CLI v2: AWS_PROFILE= aws configure list → "The config profile () could not be found".
function profileFromEnv(env: Env): ActiveProfile {
  if (env.AWS_PROFILE !== undefined) return { name: env.AWS_PROFILE, from: 'AWS_PROFILE' };
  if (env.AWS_DEFAULT_PROFILE !== undefined) return { name: env.AWS_DEFAULT_PROFILE, from: 'AWS_DEFAULT_PROFILE' };
  return { name: 'default', from: 'default' };
}

/** The profile providers of the chain (chainTypes.ts ChainSourceKind names them all). */
export type SourceKind =
  | 'assume-role'
  | 'assume-role-with-web-identity'
  | 'sso'
  | 'shared-credentials-file'
  | 'custom-process'
  | 'config-file';

export interface CredentialSource {
  kind: SourceKind;
  /** The file the keys or settings come from. */
  file: FileKind;
  /** Access key id, for sources that hold keys (callers mask it before showing). */
  accessKeyId?: string;
}

/**
 * The first provider of botocore's chain (after env keys) that this profile satisfies:
 * assume-role, web identity, SSO, credentials-file keys, credential_process, config-file keys.
 */
export function credentialSource(entry: ProfileEntry | undefined): CredentialSource | undefined {
  if (!entry) return undefined;
  const has = (k: string): boolean => stringValue(entry, k) !== undefined;
  const fileOf = (k: string): FileKind => entry.origin.get(k) ?? 'config';
  // role_arn with web_identity_token_file is web identity; SSO needs sso_account_id or sso_role_name.
  if (has('web_identity_token_file')) return { kind: 'assume-role-with-web-identity', file: fileOf('web_identity_token_file') };
  if (has('role_arn')) return { kind: 'assume-role', file: fileOf('role_arn') };
  if (has('sso_account_id') || has('sso_role_name')) return { kind: 'sso', file: fileOf(has('sso_account_id') ? 'sso_account_id' : 'sso_role_name') };
  const keyId = stringValue(entry, 'aws_access_key_id');
  const keyFile = entry.origin.get('aws_access_key_id');
  if (keyId !== undefined && keyFile === 'credentials') return { kind: 'shared-credentials-file', file: 'credentials', accessKeyId: keyId };
  if (has('credential_process')) return { kind: 'custom-process', file: fileOf('credential_process') };
  if (keyId !== undefined) return { kind: 'config-file', file: 'config', accessKeyId: keyId };
  return undefined;
}
