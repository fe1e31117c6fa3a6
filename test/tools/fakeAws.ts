// A loopback fake of the AWS endpoints the tests need (IAM, STS, EC2 and S3 over the query/REST-XML
// protocols, Cloud9 and DynamoDB over JSON). It records each call with the access key id that signed
// it and answers what the test's `respond` says: success or a given error code, in the real wire shape.
import { createServer, IncomingMessage, Server } from 'node:http';
import { AddressInfo } from 'node:net';

export interface FakeCall {
  protocol: 'query' | 'json' | 'rest-xml';
  service: string;
  action: string;
  /** Access key id from the SigV4 Authorization header. */
  keyId: string | null;
  /** Form fields (query protocol) or the JSON body (JSON protocol). */
  params: Record<string, string> & { environmentIds?: string[] };
}

export type FakeAnswer = { ok: true; body?: string } | { ok: false; code: string; message: string; status?: number };

export interface FakeAws {
  url: string;
  calls: FakeCall[];
  respond: (call: FakeCall) => FakeAnswer;
  /** Answers wait for this (a test holds it to look at the UI while a call is in flight). */
  gate: Promise<void>;
  close(): Promise<void>;
}

export const TOKEN_INVALID = 'The security token included in the request is invalid';

/** AMTC as the tests model it: the managed (ASIA) key is refused these actions with a token error; an IAM user's (AKIA) key gets AccessDenied. */
export function amtcDenies(actions: readonly string[]): (call: FakeCall) => FakeAnswer {
  return (call) => {
    if (call.keyId?.startsWith('ASIA') && actions.includes(call.action ?? '')) return { ok: false, code: 'InvalidClientTokenId', message: TOKEN_INVALID };
    if (call.keyId?.startsWith('AKIA')) return { ok: false, code: 'AccessDenied', message: 'User: arn:aws:iam::123456789012:user/c9_work is not authorized' };
    return { ok: true };
  };
}

export async function startFakeAws(respond: (call: FakeCall) => FakeAnswer = () => ({ ok: true })): Promise<FakeAws> {
  const fake: FakeAws = { url: '', calls: [], respond, gate: Promise.resolve(), close: () => Promise.resolve() };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const call = describe(req, Buffer.concat(chunks).toString('utf8'));
      fake.calls.push(call);
      void fake.gate.then(() => {
        const { status, headers, body } = render(call, fake.respond(call));
        res.writeHead(status, { 'x-amzn-requestid': 'fake-request-id', ...headers }).end(body);
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () => new Promise((r) => server.close(() => r()));
  return fake;
}

function describe(req: IncomingMessage, body: string): FakeCall {
  const auth = req.headers.authorization ?? '';
  const cred = /Credential=([^/]+)\/[^/]+\/[^/]+\/([^/]+)\//.exec(auth);
  const keyId = cred?.[1] ?? null;
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string') {
    const params = body ? (JSON.parse(body) as Record<string, string>) : {};
    return { protocol: 'json', service: cred?.[2] ?? target.split('.')[0]!, action: target.split('.').pop()!, keyId, params };
  }
  const form = Object.fromEntries(new URLSearchParams(body));
  if (form.Action) return { protocol: 'query', service: cred?.[2] ?? 'unknown', action: form.Action, keyId, params: form };
  return { protocol: 'rest-xml', service: cred?.[2] ?? 's3', action: `${req.method ?? 'GET'} ${req.url ?? '/'}`, keyId, params: {} };
}

function render(call: FakeCall, a: FakeAnswer): { status: number; headers: Record<string, string>; body: string } {
  if (call.protocol === 'json') {
    if (a.ok) return { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: a.body ?? '{}' };
    return { status: a.status ?? 400, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-errortype': a.code }, body: JSON.stringify({ __type: a.code, message: a.message }) };
  }
  if (call.protocol === 'rest-xml') {
    if (a.ok) return { status: 200, headers: { 'content-type': 'application/xml' }, body: a.body ?? '<ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>' };
    return { status: a.status ?? 403, headers: { 'content-type': 'application/xml' }, body: `<Error><Code>${a.code}</Code><Message>${a.message}</Message></Error>` };
  }
  const xmlns = call.service === 'sts' ? 'https://sts.amazonaws.com/doc/2011-06-15/' : 'https://iam.amazonaws.com/doc/2010-05-08/';
  if (!a.ok) {
    const body = call.service === 'ec2'
      ? `<Response><Errors><Error><Code>${a.code}</Code><Message>${a.message}</Message></Error></Errors><RequestID>fake</RequestID></Response>`
      : `<ErrorResponse xmlns="${xmlns}"><Error><Type>Sender</Type><Code>${a.code}</Code><Message>${a.message}</Message></Error><RequestId>fake</RequestId></ErrorResponse>`;
    return { status: a.status ?? 403, headers: { 'content-type': 'text/xml' }, body };
  }
  return { status: 200, headers: { 'content-type': 'text/xml' }, body: a.body ?? successXml(call, xmlns) };
}

function successXml(call: FakeCall, xmlns: string): string {
  const result = call.action === 'GetCallerIdentity'
    ? `<UserId>AIDAFAKE</UserId><Account>123456789012</Account><Arn>arn:aws:iam::123456789012:user/${call.keyId?.startsWith('ASIA') ? 'cloud9-ide-user' : 'c9_work'}</Arn>`
    : call.action === 'CreateUser'
      ? `<User><Path>/</Path><UserName>${call.params.UserName ?? 'u'}</UserName><UserId>AIDAFAKEUSER</UserId><Arn>arn:aws:iam::123456789012:user/${call.params.UserName ?? 'u'}</Arn><CreateDate>2026-11-29T00:00:00Z</CreateDate></User>`
      : '';
  return `<${call.action}Response xmlns="${xmlns}"><${call.action}Result>${result}</${call.action}Result><ResponseMetadata><RequestId>fake</RequestId></ResponseMetadata></${call.action}Response>`;
}
