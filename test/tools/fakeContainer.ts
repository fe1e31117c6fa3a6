// A loopback fake of the container credentials endpoint (ECS / CloudShell): answers credentials at any
// path, optionally only with the right Authorization header; for AWS_CONTAINER_CREDENTIALS_FULL_URI.
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeContainer {
  /** The full URI to give the CLI (host 127.0.0.1, allowed by 2.9.19). */
  url: string;
  requests: { path: string; authorization: string | null }[];
  close(): Promise<void>;
}

export const FAKE_CONTAINER_KEY = 'ASIAFAKECONTAINER001';

export async function startFakeContainer(o: { token?: string; expiresAt?: number; status?: number } = {}): Promise<FakeContainer> {
  const fake: FakeContainer = { url: '', requests: [], close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    const auth = req.headers.authorization ?? null;
    fake.requests.push({ path: req.url ?? '', authorization: auth });
    if (o.status) return void res.writeHead(o.status).end('{"error":"fake"}');
    if (o.token !== undefined && auth !== o.token) return void res.writeHead(401).end('{"error":"unauthorized"}');
    const expiration = new Date(o.expiresAt ?? Date.now() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({
      AccessKeyId: FAKE_CONTAINER_KEY, SecretAccessKey: 'fakeContainerSecret', Token: 'fakeContainerToken', Expiration: expiration, RoleArn: 'arn:aws:iam::123456789012:role/task',
    }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/creds`;
  fake.close = () => new Promise((r) => server.close(() => r()));
  return fake;
}
