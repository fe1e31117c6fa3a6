// AssumeRoleProvider of CLI 2.9.19: role_arn (without web_identity_token_file), exactly one of
// source_profile / credential_source, cycles, the role cache (used while > 15 minutes are left).
// STS is never called; a role assumed with AMTC keys fails (sts:AssumeRole is not on AMTC's list).
import { ProfileEntry, stringValue } from '../ini/profiles';
import type { ChainSource } from './chainTypes';
import { ChainContext, fails, failsOnUse, lineOf, masked, pathOf, source } from './chainContext';
import { roleCachePath, CacheArgs } from './cacheFiles';
import { isAmtcSource, profileProviders } from './profileSources';
import { credentialSourceProvider, isCanonicalSource } from './postProfile';

export function hasRoleVars(entry: ProfileEntry | undefined): boolean {
  return !!entry && entry.values.has('role_arn') && !entry.values.has('web_identity_token_file');
}

function hasStaticKeys(entry: ProfileEntry | undefined): boolean {
  return !!entry && (entry.values.has('aws_access_key_id') || entry.values.has('aws_secret_access_key'));
}


export function assumeRole(ctx: ChainContext, name: string, visited: string[]): ChainSource {
  const entry = ctx.input.profiles.get(name)!;
  const at = lineOf(entry, 'role_arn');
  const base: Partial<ChainSource> = { profile: name, from: at ? pathOf(ctx.input, at.file) : null, file: at?.file ?? null, line: at?.line ?? null };
  const sourceProfile = stringValue(entry, 'source_profile');
  const credentialSource = stringValue(entry, 'credential_source');
  if (sourceProfile !== undefined && credentialSource !== undefined) return fails('assume-role', 'source-both', base);
  if (sourceProfile === undefined && credentialSource === undefined) return fails('assume-role', 'source-neither', base);

  let via: ChainSource | undefined;
  if (credentialSource !== undefined) {
    if (!isCanonicalSource(credentialSource)) return fails('assume-role', 'credential-source-invalid', { ...base, detail: credentialSource });
    via = credentialSourceProvider(ctx, credentialSource);
    if (!via) return fails('assume-role', 'credential-source-empty', { ...base, detail: credentialSource });
  } else {
    const src = sourceProfile!;
    const srcEntry = ctx.input.profiles.get(src);
    if (!srcEntry) return fails('assume-role', 'source-profile-missing', { ...base, detail: src });
    if (visited.includes(src) && (src !== name || !hasStaticKeys(srcEntry))) {
      return fails('assume-role', 'source-profile-cycle', { ...base, detail: [...visited, src].join(' → ') });
    }
    visited.push(src);
    if (hasStaticKeys(srcEntry) || !hasRoleVars(srcEntry)) {
      via = profileProviders(ctx, src, true);
      if (!via) return fails('assume-role', 'source-profile-no-credentials', { ...base, detail: src });
    } else via = assumeRole(ctx, src, visited);
  }
  // A source that fails while loading stops the chain, whatever the cache holds.
  if (via.works === 'fails' && !failsOnUse(via.problem!)) return fails('assume-role', via.problem!, { ...base, via, detail: via.detail });

  const args: CacheArgs = { RoleArn: stringValue(entry, 'role_arn') ?? '' };
  const extra: [string, string][] = [['role_session_name', 'RoleSessionName'], ['external_id', 'ExternalId'], ['mfa_serial', 'SerialNumber']];
  for (const [key, arg] of extra) {
    const v = stringValue(entry, key);
    if (v !== undefined) args[arg] = v;
  }
  const duration = stringValue(entry, 'duration_seconds');
  if (duration !== undefined && /^\s*[+-]?\d+\s*$/.test(duration)) args.DurationSeconds = Number.parseInt(duration, 10);
  const cachePath = roleCachePath(ctx.input.home, args);
  const cached = ctx.cachedRole(cachePath);
  if (cached.cache.state === 'usable' && cached.fresh) {
    return source('assume-role', { ...base, via, works: 'ok', expiresAt: cached.cache.expiresAt, from: cachePath, keyId: masked(cached.cache.keyId) });
  }
  if (cached.cache.state === 'unusable') return fails('assume-role', 'cache-unreadable', { ...base, via, from: cachePath, detail: cached.cache.why });
  if (isAmtcSource(ctx, via)) return fails('assume-role', 'amtc-assume-role', { ...base, via, detail: via.keyId });
  if (via.works === 'fails') return fails('assume-role', via.problem!, { ...base, via, detail: via.detail });
  return source('assume-role', { ...base, via, detail: args.SerialNumber !== undefined ? 'mfa' : 'sts' });
}
