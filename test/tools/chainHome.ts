// A private home for credential-chain tests: the two files, SSO token and role caches written where and
// as AWS CLI 2.9.19 writes them, and AMTC Guard's settled status for it (the same entry the CLI uses).
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { settleStatus } from '../../src/core/amtc/settleStatus';
import type { CredentialStatus } from '../../src/core/amtc/state';
import { roleCachePath, ssoRoleCachePath, ssoTokenPath, CacheArgs } from '../../src/core/credentials/cacheFiles';
import type { ChainIo } from '../../src/core/credentials/chainTypes';
import type { Env } from '../../src/core/credentials/resolve';
import { readStable } from '../../src/core/files/read';

export interface HomeFiles {
  credentials?: string;
  config?: string;
  /** Minutes since Cloud9 wrote the credentials file (its mtime). */
  credentialsAgeMin?: number;
  /** The credentials file's mode (0600 unless told). */
  credentialsMode?: number;
}

export interface AwsHome {
  home: string;
  credentials: string;
  config: string;
}

/** ~/.aws/credentials and ~/.aws/config in `home`, each written only when given; the paths either way. */
export function writeHome(home: string, f: HomeFiles = {}, now = Date.now()): AwsHome {
  mkdirSync(path.join(home, '.aws'), { recursive: true });
  const creds = path.join(home, '.aws', 'credentials');
  const config = path.join(home, '.aws', 'config');
  if (f.credentials !== undefined) {
    writeFileSync(creds, f.credentials, { mode: f.credentialsMode ?? 0o600 });
    if (f.credentialsAgeMin !== undefined) {
      const t = (now - f.credentialsAgeMin * 60_000) / 1000;
      utimesSync(creds, t, t);
    }
  }
  if (f.config !== undefined) writeFileSync(config, f.config, { mode: 0o600 });
  return { home, credentials: creds, config };
}

/** An SSO profile `dev` and its `[sso-session corp]`, as `aws configure sso` writes them (the token: writeSsoToken(home, 'corp', …)). */
export const SSO_DEV_CONFIG = `[profile dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = ReadOnly
[sso-session corp]
sso_start_url = https://d-9067c0ffee.awsapps.com/start
sso_region = us-east-1
`;

/** IMDS/CloudWatch style "2026-11-29T22:05:15Z". */
export const isoZ = (t: number): string => new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');

function put(file: string, body: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, body, { mode: 0o600 });
  return file;
}

/** An SSO token as `aws sso login` writes it (sso-session: with the refresh fields unless told otherwise). */
export function writeSsoToken(home: string, sessionOrUrl: string, expiresAt: number, o: { refresh?: boolean; startUrl?: string } = {}): string {
  const token: Record<string, string> = { startUrl: o.startUrl ?? 'https://d-9067c0ffee.awsapps.com/start', region: 'us-east-1', accessToken: 'fake-access-token', expiresAt: isoZ(expiresAt) };
  if (o.refresh) Object.assign(token, { clientId: 'fake-client', clientSecret: 'fake-secret', registrationExpiresAt: isoZ(expiresAt + 90 * 86_400_000), refreshToken: 'fake-refresh' });
  return put(ssoTokenPath(home, sessionOrUrl), JSON.stringify(token));
}

export function writeSsoRoleCache(home: string, args: CacheArgs, expiresAt: number, keyId = 'ASIAFAKESSOROLE00001'): string {
  return put(ssoRoleCachePath(home, args), JSON.stringify({ ProviderType: 'sso', Credentials: { AccessKeyId: keyId, SecretAccessKey: 's', SessionToken: 't', Expiration: isoZ(expiresAt) } }));
}

/** An AssumeRole response as the CLI caches it (Expiration with +00:00). */
export function writeRoleCache(home: string, args: CacheArgs, expiresAt: number, keyId = 'ASIAFAKEASSUMED00001'): string {
  const exp = new Date(Math.floor(expiresAt / 1000) * 1000).toISOString().replace('.000Z', '+00:00');
  return put(roleCachePath(home, args), JSON.stringify({ Credentials: { AccessKeyId: keyId, SecretAccessKey: 's', SessionToken: 't', Expiration: exp }, AssumedRoleUser: { AssumedRoleId: 'AROAFAKE:s', Arn: 'arn:aws:sts::1:assumed-role/r/s' }, ResponseMetadata: {} }));
}

export async function chainStatus(home: string, env: Env, o: { profile?: string; now?: number; io?: ChainIo } = {}): Promise<CredentialStatus> {
  const fullEnv: Env = { HOME: home, ...env };
  const [credentials, config] = await Promise.all([
    readStable(env.AWS_SHARED_CREDENTIALS_FILE ?? path.join(home, '.aws', 'credentials')),
    readStable(env.AWS_CONFIG_FILE ?? path.join(home, '.aws', 'config')),
  ]);
  return settleStatus(
    { env: fullEnv, credentials, config, now: o.now ?? Date.now(), lifetimeMs: 15 * 60_000, chain: { home, botoDefaults: [path.join(home, '.boto')], ...(o.profile !== undefined ? { profileFlag: o.profile } : {}) } },
    o.io ?? {},
  );
}
