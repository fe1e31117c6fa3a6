// botocore's ProfileProviderBuilder.providers for one profile, in order: web identity, SSO, the
// credentials file, credential_process, the config file. Each returns the source it gives, or
// undefined when it passes to the next. Nothing is run and nothing is called: files only.
import { ProfileEntry, stringValue } from '../ini/profiles';
import type { ChainSource } from './chainTypes';
import { ChainContext, fails, hasInFile, lineOf, masked, pathOf, source } from './chainContext';
import { roleCachePath } from './cacheFiles';
import { ssoSource } from './ssoSource';

export function profileProviders(ctx: ChainContext, name: string, disableEnv: boolean): ChainSource | undefined {
  const entry = ctx.input.profiles.get(name);
  return (
    webIdentity(ctx, name, entry, disableEnv) ??
    ssoSource(ctx, name, entry) ??
    staticKeys(ctx, name, entry, 'credentials') ??
    customProcess(ctx, name, entry) ??
    staticKeys(ctx, name, entry, 'config')
  );
}

/** AssumeRoleWithWebIdentityProvider: the env vars (unless --profile) before the profile's keys. */
function webIdentity(ctx: ChainContext, name: string, entry: ProfileEntry | undefined, disableEnv: boolean): ChainSource | undefined {
  const env = ctx.input.env;
  const get = (key: string, envName: string): { value: string | undefined; fromEnv: boolean } => {
    if (!disableEnv && env[envName] !== undefined) return { value: env[envName], fromEnv: true };
    return { value: stringValue(entry, key), fromEnv: false };
  };
  const token = get('web_identity_token_file', 'AWS_WEB_IDENTITY_TOKEN_FILE');
  if (!token.value) return undefined;
  const at = token.fromEnv ? null : lineOf(entry, 'web_identity_token_file');
  const base: Partial<ChainSource> = {
    profile: token.fromEnv ? null : name,
    from: token.fromEnv ? 'AWS_WEB_IDENTITY_TOKEN_FILE' : at ? pathOf(ctx.input, at.file) : null,
    file: at?.file ?? null,
    line: at?.line ?? null,
  };
  const role = get('role_arn', 'AWS_ROLE_ARN').value;
  if (!role) return fails('assume-role-with-web-identity', 'web-identity-role-missing', base);
  const session = get('role_session_name', 'AWS_ROLE_SESSION_NAME').value;
  const cachePath = roleCachePath(ctx.input.home, session !== undefined ? { RoleArn: role, RoleSessionName: session } : { RoleArn: role });
  const cached = ctx.cachedRole(cachePath);
  if (cached.fresh && cached.cache.state === 'usable') {
    return source('assume-role-with-web-identity', { ...base, works: 'ok', expiresAt: cached.cache.expiresAt, from: cachePath, keyId: masked(cached.cache.keyId) });
  }
  if (cached.cache.state === 'unusable') return fails('assume-role-with-web-identity', 'cache-unreadable', { ...base, from: cachePath, detail: cached.cache.why });
  // The token file is opened only when STS is called; a missing one fails that call.
  const file = ctx.read(token.value);
  if (!('text' in file)) return fails('assume-role-with-web-identity', 'web-identity-token-missing', { ...base, from: token.value });
  return source('assume-role-with-web-identity', { ...base, detail: 'sts' });
}

/**
 * SharedCredentialProvider (credentials file) and ConfigProvider (config file): fires when that
 * file's section of the profile has aws_access_key_id; a missing secret is a PartialCredentialsError.
 */
function staticKeys(ctx: ChainContext, name: string, entry: ProfileEntry | undefined, file: 'credentials' | 'config'): ChainSource | undefined {
  if (!hasInFile(entry, file, 'aws_access_key_id')) return undefined;
  const kind = file === 'credentials' ? 'shared-credentials-file' : 'config-file';
  const at = lineOf(entry, 'aws_access_key_id', file);
  const keyId = entry?.values.get('aws_access_key_id');
  const base: Partial<ChainSource> = {
    profile: name,
    from: pathOf(ctx.input, file),
    file,
    line: at?.line ?? null,
    keyId: masked(typeof keyId === 'string' ? keyId : null),
  };
  if (!hasInFile(entry, file, 'aws_secret_access_key')) return fails(kind, 'partial-keys', { ...base, detail: 'aws_secret_access_key' });
  const amtc = ctx.input.amtc;
  if (file === 'credentials' && name === 'default' && amtc) {
    ctx.changesAt(amtc.expiresAt);
    if (ctx.now >= amtc.expiresAt) return fails(kind, 'amtc-expired', { ...base, expiresAt: amtc.expiresAt, detail: 'amtc' });
    return source(kind, { ...base, works: 'ok', expiresAt: amtc.expiresAt, detail: 'amtc' });
  }
  return source(kind, base);
}

/** ProcessProvider: the CLI would run the program; AMTC Guard never does, so it stays unchecked. */
function customProcess(ctx: ChainContext, name: string, entry: ProfileEntry | undefined): ChainSource | undefined {
  if (stringValue(entry, 'credential_process') === undefined) return undefined;
  const at = lineOf(entry, 'credential_process');
  return source('custom-process', { profile: name, from: at ? pathOf(ctx.input, at.file) : null, file: at?.file ?? null, line: at?.line ?? null, detail: 'not-run' });
}

/** True when this entry is the AMTC-managed [default] of a credentials file with the AMTC header. */
export function isAmtcSource(ctx: ChainContext, s: ChainSource | null): boolean {
  return !!s && !!ctx.input.amtc && s.kind === 'shared-credentials-file' && s.profile === 'default';
}
