// One small HTTP request with a per-request timeout, for the machine's own credential endpoints
// (IMDS, the container endpoint). Injectable so tests can replace the network; the default is
// node:http, loopback or link-local only in practice, no proxy, no retries of its own.
import * as http from 'node:http';

export interface ProbeRequest {
  method: 'GET' | 'PUT';
  url: string;
  headers: Record<string, string>;
  timeoutMs: number;
}

export type ProbeResponse =
  | { status: number; body: string }
  | { error: 'timeout' | 'unreachable' | 'bad-url'; detail?: string };

export type ProbeTransport = (req: ProbeRequest) => Promise<ProbeResponse>;

/** A body larger than this is not a credentials answer; the rest is not read. */
export const MAX_PROBE_BODY = 64 * 1024;

export const nodeTransport: ProbeTransport = (req) =>
  new Promise<ProbeResponse>((resolve) => {
    let url: URL;
    try {
      url = new URL(req.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(url.protocol);
    } catch (e) {
      resolve({ error: 'bad-url', detail: e instanceof Error ? e.message : String(e) });
      return;
    }
    let settled = false;
    const done = (r: ProbeResponse): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(r);
    };
    const request = http.request(url, { method: req.method, headers: req.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= MAX_PROBE_BODY) chunks.push(c);
        else done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (e) => done({ error: 'unreachable', detail: e.message }));
    });
    // One deadline for the whole exchange (connect and read), as urllib3's timeout bounds each.
    const timer = setTimeout(() => done({ error: 'timeout' }), req.timeoutMs);
    request.on('error', (e: NodeJS.ErrnoException) => done({ error: 'unreachable', detail: e.code ?? e.message }));
    request.end();
  });
