// Where the AWS CLI 2.9.19 keeps its token and role-credential caches, named as it names them
// (sha1 of a Python json.dumps), and how it reads them (JSONFileCache: a file that exists but is not
// JSON makes the CLI fail). Pure: paths and parsed contents, no I/O.
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { ChainFileRead } from './chainTypes';

export type CacheArgs = Record<string, string | number>;

/** Python json.dumps(args, sort_keys=True[, separators=(',', ':')]) for a flat dict, ensure_ascii included. */
export function pyJsonDumps(args: CacheArgs, compact: boolean): string {
  const [item, kv] = compact ? [',', ':'] : [', ', ': '];
  const str = (s: string): string => JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const keys = Object.keys(args).sort();
  return `{${keys.map((k) => `${str(k)}${kv}${typeof args[k] === 'number' ? String(args[k]) : str(args[k] as string)}`).join(item)}}`;
}

export function sha1Hex(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex');
}

export function cliCacheDir(home: string): string {
  return path.join(home, '.aws', 'cli', 'cache');
}

export function ssoCacheDir(home: string): string {
  return path.join(home, '.aws', 'sso', 'cache');
}

/** ~/.aws/sso/cache/<sha1(session name, or the start URL for a legacy profile)>.json */
export function ssoTokenPath(home: string, sessionOrStartUrl: string): string {
  return path.join(ssoCacheDir(home), `${sha1Hex(sessionOrStartUrl)}.json`);
}

/** Assume role and web identity: sha1 of json.dumps(the AssumeRole arguments, sort_keys=True). */
export function roleCachePath(home: string, args: CacheArgs): string {
  return path.join(cliCacheDir(home), `${sha1Hex(pyJsonDumps(args, false))}.json`);
}

/** SSO role credentials: sha1 of the compact json.dumps of accountId, roleName and sessionName or startUrl. */
export function ssoRoleCachePath(home: string, args: CacheArgs): string {
  return path.join(cliCacheDir(home), `${sha1Hex(pyJsonDumps(args, true))}.json`);
}

export type CachedCredentials =
  | { state: 'missing' }
  | { state: 'unusable'; why: 'not-json' | 'too-large' | 'unreadable' | 'no-expiration' }
  | { state: 'usable'; expiresAt: number; keyId: string | null };

/** A role-credential cache entry ({"Credentials": {"AccessKeyId", …, "Expiration"}}) as the CLI reads it. */
export function readCachedCredentials(read: ChainFileRead): CachedCredentials {
  const json = parseJsonFile(read);
  if (json === 'missing') return { state: 'missing' };
  if (typeof json === 'string') return { state: 'unusable', why: json };
  const creds = (json as { Credentials?: { Expiration?: unknown; AccessKeyId?: unknown } }).Credentials;
  const expiresAt = typeof creds?.Expiration === 'string' ? Date.parse(creds.Expiration) : NaN;
  if (Number.isNaN(expiresAt)) return { state: 'unusable', why: 'no-expiration' };
  return { state: 'usable', expiresAt, keyId: typeof creds?.AccessKeyId === 'string' ? creds.AccessKeyId : null };
}

/** The parsed object, 'missing', or why the CLI could not use the file. */
export function parseJsonFile(read: ChainFileRead): object | 'missing' | 'not-json' | 'too-large' | 'unreadable' {
  if ('missing' in read) return 'missing';
  if ('error' in read) return read.error;
  try {
    const v = JSON.parse(read.text) as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? v : 'not-json';
  } catch {
    return 'not-json';
  }
}

/** The credentials the CLI takes from a cache are used while more than 15 minutes are left. */
export const CACHE_EXPIRY_WINDOW_MS = 15 * 60_000;
