// The container credentials endpoint as CLI 2.9.19 uses it (ContainerProvider, ContainerMetadataFetcher):
// RELATIVE_URI on the fixed host 169.254.170.2, or FULL_URI whose host must be 169.254.170.2,
// localhost or 127.0.0.1; AWS_CONTAINER_AUTHORIZATION_TOKEN sent verbatim (the _FILE variant is not
// read by 2.9.19); 2 s timeout, 3 tries 1 s apart.
import type { Env } from './resolve';
import type { ContainerAnswer, ContainerSettings } from './chainTypes';
import { maskKeyId } from '../mask';
import { nodeTransport, ProbeTransport } from './httpProbe';

const ALLOWED_HOSTS = ['169.254.170.2', 'localhost', '127.0.0.1'];
export const CONTAINER_TIMEOUT_MS = 2000;
export const CONTAINER_ATTEMPTS = 3;
const SLEEP_MS = 1000;

export type ContainerSettingsResult = { ok: true; settings: ContainerSettings } | { ok: false; url: string; host: string };

/** undefined when neither variable is set (the provider passes). */
export function containerSettings(env: Env): ContainerSettingsResult | undefined {
  const relative = env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
  const full = env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
  if (relative === undefined && full === undefined) return undefined;
  const authorization = env.AWS_CONTAINER_AUTHORIZATION_TOKEN ?? null;
  if (relative !== undefined) return { ok: true, settings: { url: `http://169.254.170.2${relative}`, authorization } };
  const host = urlHost(full!);
  if (!ALLOWED_HOSTS.includes(host)) return { ok: false, url: full!, host };
  return { ok: true, settings: { url: full!, authorization } };
}

/** Python urlparse(...).hostname: lower-cased, without userinfo, port or IPv6 brackets; '' when none. */
function urlHost(url: string): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/([^/?#]*)/.exec(url);
  if (!m) return '';
  const netloc = m[1]!.slice(m[1]!.lastIndexOf('@') + 1);
  const host = netloc.startsWith('[') ? netloc.slice(1, netloc.indexOf(']')) : netloc.split(':')[0]!;
  return host.toLowerCase();
}

export interface ContainerProbeOptions {
  transport?: ProbeTransport;
  sleep?: (ms: number) => Promise<void>;
}

export async function probeContainer(s: ContainerSettings, o: ContainerProbeOptions = {}): Promise<ContainerAnswer> {
  const transport = o.transport ?? nodeTransport;
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (s.authorization !== null) headers.Authorization = s.authorization;
  const from = s.url;
  let last: ContainerAnswer = { ok: false, problem: 'container-unreachable', from };
  for (let i = 0; i < CONTAINER_ATTEMPTS; i++) {
    if (i > 0) await sleep(SLEEP_MS);
    const r = await transport({ method: 'GET', url: s.url, headers, timeoutMs: CONTAINER_TIMEOUT_MS });
    if ('error' in r) {
      last = { ok: false, problem: r.error === 'timeout' ? 'container-timeout' : 'container-unreachable', from, ...(r.detail ? { detail: r.detail } : {}) };
      continue;
    }
    if (r.status !== 200) {
      last = { ok: false, problem: 'container-error', from, detail: String(r.status) };
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(r.body);
    } catch {
      last = { ok: false, problem: 'container-error', from, detail: 'not-json' };
      continue;
    }
    // A 200 without the keys makes botocore raise (KeyError): the chain stops, no retry.
    const o2 = (json ?? {}) as Record<string, unknown>;
    const missing = ['AccessKeyId', 'SecretAccessKey', 'Token', 'Expiration'].filter((k) => !(k in o2));
    if (missing.length) return { ok: false, problem: 'container-error', from, detail: `missing ${missing.join(',')}` };
    const expires = typeof o2.Expiration === 'string' ? Date.parse(o2.Expiration) : NaN;
    return { ok: true, accessKeyId: maskKeyId(String(o2.AccessKeyId)), expiresAt: Number.isNaN(expires) ? null : expires, from };
  }
  return last;
}
