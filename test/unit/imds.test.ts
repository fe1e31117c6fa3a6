// The IMDS probe against the loopback fake, one IMDS behaviour per test, and its settings as botocore
// resolves them. The real CLI's agreement with the same fake is in chainCli.test.ts.
import { strict as assert } from 'node:assert';
import { after, test } from 'node:test';
import { imdsSettings, isValidUri, probeImds } from '../../src/core/credentials/imds';
import type { ImdsSettings } from '../../src/core/credentials/chainTypes';
import type { ProbeRequest } from '../../src/core/credentials/httpProbe';
import { FakeImds, FakeImdsOptions, startFakeImds } from '../tools/fakeImds';

const fakes: FakeImds[] = [];
after(() => Promise.all(fakes.map((f) => f.close())));

async function fake(o: FakeImdsOptions = {}): Promise<FakeImds> {
  const f = await startFakeImds(o);
  fakes.push(f);
  return f;
}

function settings(f: FakeImds, over: Partial<ImdsSettings> = {}): ImdsSettings {
  return { disabled: false, baseUrl: f.url, timeoutMs: 1000, attempts: 1, ...over };
}

const noConfig = (): undefined => undefined;

void test('IMDSv2: token, role, credentials; the answer holds the masked key and the real Expiration', async () => {
  const expiresAt = Date.UTC(2026, 10, 30, 1, 0, 0);
  const f = await fake({ expiresAt });
  const a = await probeImds(settings(f));
  assert.deepEqual(a, { ok: true, roleName: 'Cloud9-InstanceRole', accessKeyId: 'ASIA…0001', expiresAt, from: f.url, tokenUsed: true });
  assert.deepEqual(f.requests.map((r) => `${r.method} ${r.path} ${r.token ? 'token' : '-'}`), [
    'PUT /latest/api/token -',
    'GET /latest/meta-data/iam/security-credentials/ token',
    'GET /latest/meta-data/iam/security-credentials/Cloud9-InstanceRole token',
  ]);
});

void test('IMDSv2-only instance: the GETs carry the token and succeed', async () => {
  const f = await fake({ mode: 'v2-only' });
  const a = await probeImds(settings(f));
  assert.equal(a.ok, true);
});

for (const status of [403, 404, 405] as const) {
  void test(`token PUT answered ${status}: falls back to IMDSv1 GETs without a token`, async () => {
    const f = await fake({ mode: 'v1', tokenStatus: status });
    const a = await probeImds(settings(f));
    assert.equal(a.ok, true);
    assert.equal(a.ok && a.tokenUsed, false);
    assert.deepEqual(f.requests.slice(1).map((r) => r.token), [null, null]);
  });
}

void test('token PUT answered 400: gives up without asking for the role (token-rejected)', async () => {
  const f = await fake({ mode: 'token-400' });
  const a = await probeImds(settings(f));
  assert.deepEqual(a, { ok: false, problem: 'token-rejected', from: f.url, detail: '400' });
  assert.equal(f.requests.length, 1);
});

void test('no instance profile: no-role', async () => {
  const f = await fake({ mode: 'no-role' });
  const a = await probeImds(settings(f));
  assert.equal(!a.ok && a.problem, 'no-role');
});

void test('a 200 with Code and Message but no keys: error-code with the code', async () => {
  const f = await fake({ mode: 'error-code' });
  const a = await probeImds(settings(f));
  assert.equal(!a.ok && a.problem, 'error-code');
  assert.equal(!a.ok && a.detail, 'AssumeRoleUnauthorizedAccess');
});

void test('broken JSON is retried num_attempts times, then bad-json', async () => {
  const f = await fake({ mode: 'bad-json' });
  const a = await probeImds(settings(f, { attempts: 3 }));
  assert.equal(!a.ok && a.problem, 'bad-json');
  assert.equal(f.requests.filter((r) => r.path.endsWith('/Cloud9-InstanceRole')).length, 3);
});

void test('an IMDS that never answers: token timeout → v1, role timeout; two timeouts, then timeout', async () => {
  const f = await fake({ mode: 'never-answers' });
  const a = await probeImds(settings(f, { timeoutMs: 200 }));
  assert.equal(!a.ok && a.problem, 'timeout');
  assert.deepEqual(f.requests.map((r) => r.method), ['PUT', 'GET']);
});

void test('a slow IMDS within the timeout still answers', async () => {
  const f = await fake({ delayMs: 50 });
  const a = await probeImds(settings(f));
  assert.equal(a.ok, true);
});

void test('nothing listening: unreachable', async () => {
  const f = await fake();
  const url = f.url;
  await f.close();
  const a = await probeImds({ disabled: false, baseUrl: url, timeoutMs: 1000, attempts: 1 });
  assert.equal(!a.ok && a.problem, 'unreachable');
});

void test('disabled: nothing is asked', async () => {
  const seen: ProbeRequest[] = [];
  const a = await probeImds({ disabled: true, baseUrl: 'http://127.0.0.1:9/', timeoutMs: 1000, attempts: 1 }, (r) => {
    seen.push(r);
    return Promise.resolve({ status: 200, body: '' });
  });
  assert.equal(!a.ok && a.problem, 'disabled');
  assert.equal(seen.length, 0);
});

void test('an endpoint without the trailing "/" (2.9.19 glues the path to the port): bad-endpoint when asked', async () => {
  const f = await fake();
  const r = imdsSettings({ AWS_EC2_METADATA_SERVICE_ENDPOINT: f.url.slice(0, -1) }, noConfig);
  assert.ok(r.ok, 'the URL itself is valid; 2.9.19 fails only when IMDS is consulted');
  const a = await probeImds(r.settings);
  assert.equal(!a.ok && a.problem, 'bad-endpoint');
  assert.equal(f.requests.length, 0);
});

void test('settings: defaults, env over config, endpoint mode, the legacy IPv6 switch, disabled in any case', () => {
  const cfg = (m: Record<string, string>) => (k: string): string | undefined => m[k];
  assert.deepEqual(imdsSettings({}, noConfig), { ok: true, settings: { disabled: false, baseUrl: 'http://169.254.169.254/', timeoutMs: 1000, attempts: 1 } });
  const fromConfig = imdsSettings({}, cfg({ metadata_service_timeout: '3', metadata_service_num_attempts: '2', ec2_metadata_service_endpoint: 'http://127.0.0.1:1/' }));
  assert.deepEqual(fromConfig.ok && fromConfig.settings, { disabled: false, baseUrl: 'http://127.0.0.1:1/', timeoutMs: 3000, attempts: 2 });
  const envWins = imdsSettings({ AWS_METADATA_SERVICE_TIMEOUT: '5' }, cfg({ metadata_service_timeout: '3' }));
  assert.equal(envWins.ok && envWins.settings.timeoutMs, 5000);
  const v6 = imdsSettings({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' }, noConfig);
  assert.equal(v6.ok && v6.settings.baseUrl, 'http://[fd00:ec2::254]/');
  const legacy = imdsSettings({}, cfg({ imds_use_ipv6: 'True' }));
  assert.equal(legacy.ok && legacy.settings.baseUrl, 'http://[fd00:ec2::254]/');
  const modeBeatsLegacy = imdsSettings({ AWS_IMDS_USE_IPV6: 'true' }, cfg({ ec2_metadata_service_endpoint_mode: 'ipv4' }));
  assert.equal(modeBeatsLegacy.ok && modeBeatsLegacy.settings.baseUrl, 'http://169.254.169.254/');
  const off = imdsSettings({ AWS_EC2_METADATA_DISABLED: 'TRUE' }, noConfig);
  assert.equal(off.ok && off.settings.disabled, true);
  // ec2_metadata_disabled in the config file does nothing in 2.9.19 (verified).
  const configOff = imdsSettings({}, cfg({ ec2_metadata_disabled: 'true' }));
  assert.equal(configOff.ok && configOff.settings.disabled, false);
});

void test('settings that break every CLI command: a bad endpoint mode, a non-URI endpoint, a non-integer timeout', () => {
  assert.deepEqual(imdsSettings({ AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'ipv5' }, noConfig), { ok: false, problem: 'imds-bad-endpoint-mode', detail: 'ipv5' });
  assert.deepEqual(imdsSettings({ AWS_EC2_METADATA_SERVICE_ENDPOINT: 'not a url' }, noConfig), { ok: false, problem: 'imds-bad-endpoint', detail: 'not a url' });
  assert.deepEqual(imdsSettings({ AWS_METADATA_SERVICE_TIMEOUT: '1.5' }, noConfig), { ok: false, problem: 'imds-bad-setting', detail: 'metadata_service_timeout' });
  for (const good of ['http://169.254.169.254/', 'http://[fd00:ec2::254]/', 'http://localhost:8080/', 'https://imds.example.com']) assert.ok(isValidUri(good), good);
  for (const bad of ['not a url', '127.0.0.1:80', 'http://', 'http://-bad-/', 'http://a\tb/']) assert.ok(!isValidUri(bad), bad);
});
