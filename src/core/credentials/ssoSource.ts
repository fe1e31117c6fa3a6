// SSOProvider of CLI 2.9.19, decided from files: the profile's SSO settings (with its sso-session),
// then the role-credential cache (used while > 15 minutes are left), then the token cache. The SSO
// portal and OIDC are never called: where the CLI would call them the answer is `unchecked`.
import { ProfileEntry, stringValue } from '../ini/profiles';
import type { ChainSource } from './chainTypes';
import { ChainContext, fails, lineOf, masked, pathOf, source } from './chainContext';
import { CACHE_EXPIRY_WINDOW_MS, parseJsonFile, ssoRoleCachePath, ssoTokenPath } from './cacheFiles';

const PROFILE_VARS = ['sso_role_name', 'sso_account_id'] as const;
const REQUIRED = ['sso_role_name', 'sso_account_id', 'sso_start_url', 'sso_region'] as const;

export function ssoSource(ctx: ChainContext, name: string, entry: ProfileEntry | undefined): ChainSource | undefined {
  if (!entry || PROFILE_VARS.every((k) => !entry.values.has(k))) return undefined;
  const at = lineOf(entry, entry.values.has('sso_session') ? 'sso_session' : 'sso_account_id');
  const base: Partial<ChainSource> = { profile: name, from: at ? pathOf(ctx.input, at.file) : null, file: at?.file ?? null, line: at?.line ?? null, signInProfile: name };

  const config = new Map<string, string>();
  for (const [k, v] of entry.values) if (typeof v === 'string') config.set(k, v);
  const sessionName = stringValue(entry, 'sso_session');
  if (sessionName !== undefined) {
    const session = ctx.input.ssoSession(sessionName);
    if (!session) return fails('sso', 'sso-session-missing', { ...base, detail: sessionName });
    for (const [k, v] of session) {
      if (typeof v !== 'string') continue;
      if (config.has(k) && config.get(k) !== v) return fails('sso', 'sso-config-conflict', { ...base, detail: k });
      config.set(k, v);
    }
  }
  const missing = REQUIRED.filter((k) => !config.has(k));
  if (missing.length === 1 && missing[0] === 'sso_region') return fails('sso', 'sso-region-missing', { ...base, detail: 'sso_region' });
  if (missing.length > 0) return fails('sso', 'sso-config-incomplete', { ...base, detail: missing.join(',') });

  const home = ctx.input.home;
  const startUrl = config.get('sso_start_url')!;
  const roleKey = { accountId: config.get('sso_account_id')!, roleName: config.get('sso_role_name')!, ...(sessionName !== undefined ? { sessionName } : { startUrl }) };
  const rolePath = ssoRoleCachePath(home, roleKey);
  const tokenPath = ssoTokenPath(home, sessionName ?? startUrl);
  const token = readToken(ctx, tokenPath);

  // Cached role credentials first: the token is not even read while they have > 15 minutes left.
  const cached = ctx.cachedRole(rolePath);
  const sessionExpiresAt = 'expiresAt' in token ? token.expiresAt : null;
  if (cached.cache.state === 'usable' && cached.fresh) {
    return source('sso', { ...base, works: 'ok', expiresAt: cached.cache.expiresAt, from: rolePath, keyId: masked(cached.cache.keyId), sessionExpiresAt });
  }
  if (cached.cache.state === 'unusable') return fails('sso', 'cache-unreadable', { ...base, from: rolePath, detail: cached.cache.why, sessionExpiresAt });

  if ('problem' in token) return fails('sso', token.problem, { ...base, from: tokenPath, detail: token.detail });
  const { expiresAt } = token;
  ctx.changesAt(expiresAt);
  const left = expiresAt - ctx.now;
  const withToken = { ...base, from: tokenPath, expiresAt, sessionExpiresAt: expiresAt };
  if (sessionName === undefined) {
    // Legacy profiles: 2.9.19 never checks expiresAt; it sends the token and the portal refuses it.
    if (left <= 0) return fails('sso', 'sso-token-expired', withToken);
    return source('sso', { ...withToken, detail: 'portal' });
  }
  ctx.changesAt(expiresAt - CACHE_EXPIRY_WINDOW_MS);
  if (left < CACHE_EXPIRY_WINDOW_MS) {
    // Inside the refresh window the CLI calls OIDC when it can; that call decides, so it stays unchecked.
    if (token.canRefresh) return source('sso', { ...withToken, detail: 'refresh' });
    if (left <= 0) return fails('sso', 'sso-token-expired', withToken);
  }
  return source('sso', { ...withToken, detail: 'portal' });
}

type Token = { expiresAt: number; canRefresh: boolean } | { problem: 'sso-token-missing' | 'cache-unreadable'; detail: string | null };

function readToken(ctx: ChainContext, path: string): Token {
  const json = parseJsonFile(ctx.read(path));
  if (json === 'missing') return { problem: 'sso-token-missing', detail: null };
  if (typeof json === 'string') return { problem: 'cache-unreadable', detail: json };
  const t = json as Record<string, unknown>;
  const expiresAt = typeof t.expiresAt === 'string' ? Date.parse(t.expiresAt) : NaN;
  if (typeof t.accessToken !== 'string' || Number.isNaN(expiresAt)) return { problem: 'cache-unreadable', detail: 'token-fields' };
  const registration = typeof t.registrationExpiresAt === 'string' ? Date.parse(t.registrationExpiresAt) : NaN;
  const canRefresh = ['refreshToken', 'clientId', 'clientSecret'].every((k) => k in t) && registration > ctx.now;
  return { expiresAt, canRefresh };
}
