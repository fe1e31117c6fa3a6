// The instance-role probe: what botocore 2.9.19's InstanceMetadataFetcher would get from IMDS, asked
// the same way (token PUT, role name, credentials JSON) with the CLI's own knobs, timeouts and attempt
// counts (utils.py IMDSFetcher, configprovider.py). Side-effect free; returns data, never the secret.
import type { Env } from './resolve';
import type { ImdsAnswer, ImdsSettings } from './chainTypes';
import { maskKeyId } from '../mask';
import { nodeTransport, ProbeResponse, ProbeTransport } from './httpProbe';

export const IMDS_DEFAULT_URL = 'http://169.254.169.254/';
export const IMDS_IPV6_URL = 'http://[fd00:ec2::254]/';
const TOKEN_PATH = 'latest/api/token';
const ROLE_PATH = 'latest/meta-data/iam/security-credentials/';
const REQUIRED = ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'] as const;

/** A profile's config values (lower-cased keys), as botocore's scoped config gives them. */
export type ConfigLookup = (key: string) => string | undefined;

export type ImdsSettingsResult =
  | { ok: true; settings: ImdsSettings }
  | { ok: false; problem: 'imds-bad-endpoint' | 'imds-bad-endpoint-mode' | 'imds-bad-setting'; detail: string };

/**
 * The knobs as botocore resolves them: env var first, then the profile's config key. Errors here
 * break every CLI command (a bad endpoint mode or a non-URI endpoint), with or without IMDS.
 */
export function imdsSettings(env: Env, config: ConfigLookup): ImdsSettingsResult {
  const pick = (envName: string, key: string): string | undefined => (env[envName] !== undefined ? env[envName] : config(key));
  const timeout = pyInt(pick('AWS_METADATA_SERVICE_TIMEOUT', 'metadata_service_timeout'), 1);
  const attempts = pyInt(pick('AWS_METADATA_SERVICE_NUM_ATTEMPTS', 'metadata_service_num_attempts'), 1);
  if (timeout === undefined) return { ok: false, problem: 'imds-bad-setting', detail: 'metadata_service_timeout' };
  if (attempts === undefined) return { ok: false, problem: 'imds-bad-setting', detail: 'metadata_service_num_attempts' };

  const mode = pick('AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE', 'ec2_metadata_service_endpoint_mode');
  let ipv6 = false;
  if (mode !== undefined) {
    const m = mode.toLowerCase();
    if (m !== 'ipv4' && m !== 'ipv6') return { ok: false, problem: 'imds-bad-endpoint-mode', detail: mode };
    ipv6 = m === 'ipv6';
  } else ipv6 = (pick('AWS_IMDS_USE_IPV6', 'imds_use_ipv6') ?? '').toLowerCase() === 'true';

  const custom = pick('AWS_EC2_METADATA_SERVICE_ENDPOINT', 'ec2_metadata_service_endpoint');
  const baseUrl = custom ? custom : ipv6 ? IMDS_IPV6_URL : IMDS_DEFAULT_URL;
  if (!isValidUri(baseUrl)) return { ok: false, problem: 'imds-bad-endpoint', detail: baseUrl };
  return {
    ok: true,
    settings: {
      disabled: (env.AWS_EC2_METADATA_DISABLED ?? 'false').toLowerCase() === 'true',
      baseUrl,
      timeoutMs: timeout * 1000,
      attempts,
    },
  };
}

/** Python's int() on a config string; undefined when it would raise. */
function pyInt(v: string | undefined, def: number): number | undefined {
  if (v === undefined) return def;
  return /^\s*[+-]?\d+\s*$/.test(v) ? Number.parseInt(v, 10) : undefined;
}

/** botocore is_valid_uri: a scheme://host whose host is a DNS name, an IPv4 or a bracketed IPv6 address. */
export function isValidUri(url: string): boolean {
  if (/[\t\r\n]/.test(url)) return false;
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  if (!m) return false;
  const netloc = m[1]!.slice(m[1]!.lastIndexOf('@') + 1);
  if (netloc.startsWith('[')) return /^\[[0-9A-Fa-f:.]+(%[^\]]+)?\](:\d*)?$/.test(netloc);
  let host = netloc.split(':')[0]!;
  if (host.endsWith('.')) host = host.slice(0, -1);
  return host.length > 0 && host.length <= 255 && /^((?!-)[A-Z\d-]{1,63}(?<!-)\.)*((?!-)[A-Z\d-]{1,63}(?<!-))$/i.test(host);
}

type Failure = { problem: 'timeout' | 'unreachable' | 'bad-endpoint'; detail?: string };

/**
 * Asks IMDS what the CLI would get. Token: 200 → v2; 403/404/405 or a timeout → v1; 400 → give up
 * (token-rejected); anything else is retried `attempts` times, then v1. Role name and credentials:
 * non-200, empty (and for credentials non-JSON) answers are retried `attempts` times.
 */
export async function probeImds(s: ImdsSettings, transport: ProbeTransport = nodeTransport): Promise<ImdsAnswer> {
  const from = s.baseUrl;
  if (s.disabled) return { ok: false, problem: 'disabled', from };
  const send = (method: 'GET' | 'PUT', path: string, headers: Record<string, string>): Promise<ProbeResponse> =>
    transport({ method, url: s.baseUrl + path, headers, timeoutMs: s.timeoutMs });

  let token: string | undefined;
  for (let i = 0; i < s.attempts; i++) {
    const r = await send('PUT', TOKEN_PATH, { 'x-aws-ec2-metadata-token-ttl-seconds': '21600' });
    if ('error' in r) {
      if (r.error === 'bad-url') return { ok: false, problem: 'bad-endpoint', from, detail: s.baseUrl + TOKEN_PATH };
      if (r.error === 'timeout') break;
      continue;
    }
    if (r.status === 200) {
      token = r.body;
      break;
    }
    if (r.status === 400) return { ok: false, problem: 'token-rejected', from, detail: '400' };
    if (r.status === 403 || r.status === 404 || r.status === 405) break;
  }
  const headers: Record<string, string> = token !== undefined ? { 'x-aws-ec2-metadata-token': token } : {};

  const role = await getWithRetry(s, send, ROLE_PATH, headers, false);
  if ('problem' in role) return { ok: false, from, ...role };
  const roleName = role.body;
  const creds = await getWithRetry(s, send, ROLE_PATH + roleName, headers, true);
  if ('problem' in creds) return { ok: false, from, ...creds };
  const json = creds.json;
  if (!json || typeof json !== 'object' || Array.isArray(json)) return { ok: false, problem: 'bad-json', from };
  const o = json as Record<string, unknown>;
  if (!REQUIRED.every((k) => k in o)) {
    if ('Code' in o && 'Message' in o) return { ok: false, problem: 'error-code', from, detail: String(o.Code) };
    return { ok: false, problem: 'bad-json', from, detail: REQUIRED.filter((k) => !(k in o)).join(',') };
  }
  const expires = typeof o.Expiration === 'string' ? Date.parse(o.Expiration) : NaN;
  return {
    ok: true,
    roleName,
    accessKeyId: maskKeyId(String(o.AccessKeyId)),
    expiresAt: Number.isNaN(expires) ? null : expires,
    from,
    tokenUsed: token !== undefined,
  };
}

type Got = { body: string; json?: unknown } | { problem: 'no-role' | 'bad-json' | 'error-code' | Failure['problem']; detail?: string };

async function getWithRetry(
  s: ImdsSettings,
  send: (m: 'GET', p: string, h: Record<string, string>) => Promise<ProbeResponse>,
  path: string,
  headers: Record<string, string>,
  wantJson: boolean,
): Promise<Got> {
  let last: Got = { problem: 'unreachable' };
  for (let i = 0; i < s.attempts; i++) {
    const r = await send('GET', path, headers);
    if ('error' in r) {
      if (r.error === 'bad-url') return { problem: 'bad-endpoint', detail: s.baseUrl + path };
      last = { problem: r.error, ...(r.detail ? { detail: r.detail } : {}) };
      continue;
    }
    if (r.status !== 200) {
      // 404 on the role list: no instance profile; on the credentials: the role went away.
      last = r.status === 404 ? { problem: 'no-role', detail: '404' } : { problem: 'error-code', detail: String(r.status) };
      continue;
    }
    if (r.body === '') {
      last = { problem: wantJson ? 'bad-json' : 'no-role', detail: 'empty' };
      continue;
    }
    if (!wantJson) return { body: r.body };
    try {
      return { body: r.body, json: JSON.parse(r.body) as unknown };
    } catch {
      last = { problem: 'bad-json' };
    }
  }
  // With zero attempts botocore raises at once: nothing was asked, nothing found.
  return s.attempts > 0 ? last : { problem: 'no-role', detail: 'attempts=0' };
}
