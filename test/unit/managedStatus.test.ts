// Cloud9's managedCredentialsStatus values as data, and following them after an UpdateEnvironment:
// settles on the wanted phase, stops on a failed removal, and never runs longer than followMs.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { classifyManagedStatus, hasSettled, MANAGED_STATUS_VALUES } from '../../src/core/amtc/managedStatus';
import { setManagedCredentials } from '../../src/core/aws/cloud9Update';
import { loadSdk } from '../../src/core/aws/verify';
import { FakeAws, startFakeAws } from '../tools/fakeAws';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';

void test('every managedCredentialsStatus value has a phase and, where Cloud9 says it, who caused it', () => {
  const table = Object.fromEntries(MANAGED_STATUS_VALUES.map((v) => [v, `${classifyManagedStatus(v).phase}/${classifyManagedStatus(v).by}`]));
  assert.deepEqual(table, {
    ENABLED_ON_CREATE: 'enabled/create',
    ENABLED_BY_OWNER: 'enabled/owner',
    DISABLED_BY_DEFAULT: 'disabled/default',
    DISABLED_BY_OWNER: 'disabled/owner',
    DISABLED_BY_COLLABORATOR: 'disabled/collaborator',
    PENDING_REMOVAL_BY_COLLABORATOR: 'pending/collaborator',
    PENDING_START_REMOVAL_BY_COLLABORATOR: 'pending/collaborator',
    PENDING_REMOVAL_BY_OWNER: 'pending/owner',
    PENDING_START_REMOVAL_BY_OWNER: 'pending/owner',
    FAILED_REMOVAL_BY_COLLABORATOR: 'failed/collaborator',
    FAILED_REMOVAL_BY_OWNER: 'failed/owner',
  });
  assert.deepEqual(classifyManagedStatus(null), { value: null, phase: 'unknown', by: null });
  assert.equal(classifyManagedStatus('SOMETHING_NEW').phase, 'unknown');
  assert.ok(hasSettled(classifyManagedStatus('FAILED_REMOVAL_BY_OWNER'), 'DISABLE'));
  assert.ok(!hasSettled(classifyManagedStatus('PENDING_REMOVAL_BY_OWNER'), 'DISABLE'));
  assert.ok(!hasSettled(classifyManagedStatus('DISABLED_BY_OWNER'), 'ENABLE'));
});

let fake: FakeAws;
let paths: { credentialsFile: string; configFile: string };
before(async () => {
  fake = await startFakeAws();
  const h = tempDir();
  mkdirSync(path.join(h, '.aws'));
  paths = { credentialsFile: path.join(h, '.aws', 'credentials'), configFile: path.join(h, '.aws', 'config') };
  writeFileSync(paths.credentialsFile, amtcFile(Date.now() + 300_000), { mode: 0o600 });
});
after(() => fake.close());

function answering(statuses: string[]): void {
  fake.calls.length = 0;
  fake.respond = (call) => call.action === 'UpdateEnvironment'
    ? { ok: true, body: '{}' }
    : { ok: true, body: JSON.stringify({ environments: [{ managedCredentialsStatus: statuses.length > 1 ? statuses.shift() : statuses[0] }] }) };
}

/** A fake clock: each wait moves time on by the delay asked for, and is recorded. */
function clock(): { now: () => number; sleep: (ms: number) => Promise<void>; waits: number[] } {
  let t = 0;
  const waits: number[] = [];
  return { now: () => t, sleep: (ms) => { waits.push(ms); t += ms; return Promise.resolve(); }, waits };
}

const sdk = loadSdk(path.join(ROOT, 'dist'));

void test('a shared environment: pending removal by a collaborator, then a failed removal, is reported as settled with each status seen', async () => {
  answering(['PENDING_START_REMOVAL_BY_COLLABORATOR', 'PENDING_REMOVAL_BY_COLLABORATOR', 'FAILED_REMOVAL_BY_COLLABORATOR']);
  const c = clock();
  const seen: string[] = [];
  const r = await setManagedCredentials(sdk, { environmentId: 'abcdef0123456789', action: 'DISABLE', region: 'us-east-1', paths, endpoint: fake.url, sleep: c.sleep, now: c.now, onStatus: (s) => seen.push(s.value ?? '') });
  assert.ok(r.ok);
  assert.equal(r.settled, true);
  assert.equal(r.status.phase, 'failed');
  assert.deepEqual(seen, ['PENDING_START_REMOVAL_BY_COLLABORATOR', 'PENDING_REMOVAL_BY_COLLABORATOR', 'FAILED_REMOVAL_BY_COLLABORATOR']);
  assert.deepEqual(c.waits, [1000, 2000], 'a growing delay between status calls');
});

void test('a status that never settles is followed for followMs at most, then reported as not settled', async () => {
  answering(['PENDING_REMOVAL_BY_OWNER']);
  const c = clock();
  const r = await setManagedCredentials(sdk, { environmentId: 'abcdef0123456789', action: 'DISABLE', region: 'us-east-1', paths, endpoint: fake.url, sleep: c.sleep, now: c.now, followMs: 60_000 });
  assert.ok(r.ok);
  assert.equal(r.settled, false);
  assert.equal(r.status.value, 'PENDING_REMOVAL_BY_OWNER');
  assert.ok(c.now() <= 60_000, `followed for ${c.now()} ms`);
  assert.ok(c.waits.length >= 5 && c.waits.length <= 12, `${c.waits.length} waits`);
  assert.equal(fake.calls.filter((x) => x.action === 'DescribeEnvironments').length, c.waits.length + 1);
});

void test('a status call that fails while following (the old keys stopped working) ends the follow without an error', async () => {
  fake.calls.length = 0;
  fake.respond = (call) => call.action === 'UpdateEnvironment' ? { ok: true, body: '{}' } : { ok: false, code: 'UnrecognizedClientException', message: 'The security token included in the request is invalid' };
  const c = clock();
  const r = await setManagedCredentials(sdk, { environmentId: 'abcdef0123456789', action: 'DISABLE', region: 'us-east-1', paths, endpoint: fake.url, sleep: c.sleep, now: c.now });
  assert.ok(r.ok);
  assert.equal(r.settled, false);
  assert.equal(r.followCode, 'UnrecognizedClientException');
});

void test('an unreachable Cloud9 is no-network, and nothing is followed', async () => {
  const r = await setManagedCredentials(sdk, { environmentId: 'abcdef0123456789', action: 'ENABLE', region: 'us-east-1', paths, endpoint: 'http://127.0.0.1:9/' });
  assert.deepEqual(r.ok ? 'ok' : r.problem, 'no-network');
});
