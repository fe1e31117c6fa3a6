// A loopback fake of the EC2 instance metadata service, for unit and host tests and for the real AWS
// CLI (AWS_EC2_METADATA_SERVICE_ENDPOINT=`${fake.url}` — the URL ends in '/', which 2.9.19 needs).
// Every request is logged; `mode` can change between calls, so one fake serves a whole sequence.
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';

export type ImdsMode =
  | 'v2' // token PUT answered; GETs work with or without the token
  | 'v2-only' // GETs without a token get 401 (IMDSv2 required)
  | 'v1' // token PUT answered with `tokenStatus` (403/404/405), GETs work
  | 'token-400' // token PUT answered 400: botocore gives up
  | 'no-role' // no instance profile: the role list is 404
  | 'error-code' // 200 with {"Code":"AssumeRoleUnauthorizedAccess","Message":…} and no keys
  | 'bad-json' // the credentials document is not JSON
  | 'never-answers'; // accepts connections and never answers

export interface FakeImdsRequest {
  method: string;
  path: string;
  token: string | null;
}

export interface FakeImdsOptions {
  mode?: ImdsMode;
  roleName?: string;
  accessKeyId?: string;
  /** Epoch ms of the Expiration field (default: one hour after start). */
  expiresAt?: number;
  /** Delay before every answer (a slow IMDS). */
  delayMs?: number;
  tokenStatus?: 403 | 404 | 405;
  availabilityZone?: string;
}

export interface FakeImds {
  /** Base URL with the trailing '/'. */
  url: string;
  port: number;
  requests: FakeImdsRequest[];
  options: Required<FakeImdsOptions>;
  close(): Promise<void>;
}

export const FAKE_IMDS_KEY = 'ASIAFAKEIMDSROLE0001';
const TOKEN = 'fake-imds-token-AQAEAxxxxx';

export async function startFakeImds(o: FakeImdsOptions = {}): Promise<FakeImds> {
  const options: Required<FakeImdsOptions> = {
    mode: 'v2',
    roleName: 'Cloud9-InstanceRole',
    accessKeyId: FAKE_IMDS_KEY,
    expiresAt: Date.now() + 3_600_000,
    delayMs: 0,
    tokenStatus: 403,
    availabilityZone: 'eu-west-1a',
    ...o,
  };
  const sockets = new Set<Socket>();
  const fake: FakeImds = { url: '', port: 0, requests: [], options, close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const token = req.headers['x-aws-ec2-metadata-token'];
      fake.requests.push({ method: req.method ?? '', path: req.url ?? '', token: typeof token === 'string' ? token : null });
      if (options.mode === 'never-answers') return;
      const answer = (): void => respond(options, req, res);
      if (options.delayMs > 0) setTimeout(answer, options.delayMs);
      else answer();
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.port = (server.address() as AddressInfo).port;
  fake.url = `http://127.0.0.1:${fake.port}/`;
  fake.close = () =>
    new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return fake;
}

function respond(o: Required<FakeImdsOptions>, req: IncomingMessage, res: ServerResponse): void {
  if (res.destroyed) return;
  const send = (status: number, body: string): void => void res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  const url = req.url ?? '/';
  if (url === '/latest/api/token') {
    if (req.method !== 'PUT') return send(405, '');
    if (o.mode === 'v1') return send(o.tokenStatus, '');
    if (o.mode === 'token-400') return send(400, '');
    return send(200, TOKEN);
  }
  if (o.mode === 'v2-only' && req.headers['x-aws-ec2-metadata-token'] !== TOKEN) return send(401, '');
  if (url === '/latest/meta-data/placement/availability-zone/' || url === '/latest/meta-data/placement/availability-zone') {
    return send(200, o.availabilityZone);
  }
  const prefix = '/latest/meta-data/iam/security-credentials/';
  if (!url.startsWith(prefix) || o.mode === 'no-role') return send(404, notFound());
  const role = url.slice(prefix.length);
  if (role === '') return send(200, o.roleName);
  if (role !== o.roleName) return send(404, notFound());
  if (o.mode === 'bad-json') return send(200, '{"Code":"Success","AccessKeyId":');
  if (o.mode === 'error-code') {
    return send(200, JSON.stringify({ Code: 'AssumeRoleUnauthorizedAccess', Message: 'EC2 cannot assume the role', LastUpdated: iso(Date.now()) }));
  }
  send(200, JSON.stringify({
    Code: 'Success',
    LastUpdated: iso(Date.now()),
    Type: 'AWS-HMAC',
    AccessKeyId: o.accessKeyId,
    SecretAccessKey: 'fakeImdsSecretKeyfakeImdsSecretKey00000',
    Token: 'fakeImdsSessionToken',
    Expiration: iso(o.expiresAt),
  }));
}

/** The IMDS time format: seconds, 'Z' (botocore parses "%Y-%m-%dT%H:%M:%SZ"). */
function iso(t: number): string {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function notFound(): string {
  return '<?xml version="1.0" encoding="iso-8859-1"?>\n<html><head><title>404 - Not Found</title></head><body><h1>404 - Not Found</h1></body></html>';
}
