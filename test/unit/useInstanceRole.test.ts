// The trap of SPEC §8, proved with the real AWS CLI v2 against loopback IMDS and STS fakes: dead
// managed keys in ~/.aws/credentials hide the instance role; `use-instance-role` moves the file
// aside (a byte-exact 0600 copy), the CLI then signs with the role's key, and --undo puts the
// exact bytes back.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { FakeAws, startFakeAws } from '../tools/fakeAws';
import { FAKE_IMDS_KEY, FakeImds, startFakeImds } from '../tools/fakeImds';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { runCli, runProcess } from './cliRun';

const MANAGED_KEY = 'ASIAQAEXAMPLEAMTC001';
let sts: FakeAws;
let imds: FakeImds;

before(async () => {
  // Dead STS session keys get ExpiredToken; anything else (the role's key) works.
  sts = await startFakeAws((call) => (call.keyId === MANAGED_KEY ? { ok: false, code: 'ExpiredToken', message: 'The security token included in the request is expired' } : { ok: true }));
  imds = await startFakeImds();
});
after(async () => {
  await sts.close();
  await imds.close();
});

/** A Cloud9 file last written two hours ago: expired. */
function staleHome(text = amtcFile(Date.now() - 2 * 3_600_000 + 300_000, { keyId: MANAGED_KEY })): { home: string; file: string; bytes: Buffer } {
  const home = tempDir();
  mkdirSync(path.join(home, '.aws'), { mode: 0o700 });
  const file = path.join(home, '.aws', 'credentials');
  writeFileSync(file, text, { mode: 0o600 });
  const t = new Date(Date.now() - 2 * 3_600_000);
  utimesSync(file, t, t);
  return { home, file, bytes: readFileSync(file) };
}

const envFor = (home: string, imdsUrl = imds.url): Record<string, string> => ({ PATH: process.env.PATH ?? '', HOME: home, AWS_EC2_METADATA_SERVICE_ENDPOINT: imdsUrl, AWS_DEFAULT_REGION: 'us-east-1' });

async function awsSignsWith(home: string): Promise<{ code: number | null; keyId: string | null; stderr: string }> {
  const before = sts.calls.length;
  const r = await runProcess('/usr/bin/aws', ['sts', 'get-caller-identity', '--endpoint-url', sts.url], envFor(home));
  const call = sts.calls.slice(before).find((c) => c.action === 'GetCallerIdentity');
  return { code: r.code, keyId: call?.keyId ?? null, stderr: r.stderr };
}

const BACKUPS = '.amtc-guard-backups';
const asides = (file: string): string[] => (existsSync(path.join(path.dirname(file), BACKUPS)) ? readdirSync(path.join(path.dirname(file), BACKUPS)).filter((n) => n.startsWith('credentials.moved-')) : []);

void test('the real CLI: dead managed key before, the role key after use-instance-role, the managed key again after --undo; the bytes are kept exactly', async () => {
  const { home, file, bytes } = staleHome();
  imds.requests.length = 0;
  const before = await awsSignsWith(home);
  assert.equal(before.keyId, MANAGED_KEY, 'the CLI signs with the dead managed key');
  assert.equal(before.code, 254);
  assert.match(before.stderr, /ExpiredToken/);
  assert.equal(imds.requests.length, 0, 'and never asks IMDS: the role is hidden');

  const moved = await runCli(['use-instance-role', '--yes'], envFor(home));
  assert.equal(moved.code, 0, moved.stderr);
  assert.match(moved.stderr, /The instance role Cloud9-InstanceRole answers on this host \(ASIA…0001, \d+ min left\)/);
  assert.match(moved.stdout, /the AWS CLI now uses Cloud9-InstanceRole/);
  assert.ok(!existsSync(file), 'the managed file is gone from its place');
  const [aside] = asides(file);
  assert.ok(aside, 'moved aside into the backup folder beside the file');
  const asidePath = path.join(path.dirname(file), BACKUPS, aside);
  assert.ok(readFileSync(asidePath).equals(bytes), 'byte for byte');
  assert.equal(statSync(asidePath).mode & 0o777, 0o600);

  const after = await awsSignsWith(home);
  assert.equal(after.code, 0, after.stderr);
  assert.equal(after.keyId, FAKE_IMDS_KEY, 'the CLI now signs with the instance role');

  const undo = await runCli(['use-instance-role', '--undo'], envFor(home));
  assert.equal(undo.code, 0, undo.stderr);
  assert.match(undo.stdout, /byte for byte/);
  assert.ok(readFileSync(file).equals(bytes), 'the exact bytes are back');
  assert.deepEqual(asides(file), []);
  const again = await awsSignsWith(home);
  assert.equal(again.keyId, MANAGED_KEY, 'and the CLI signs with the managed key again');
  assert.doesNotMatch(moved.stdout + moved.stderr + undo.stdout, new RegExp(`${MANAGED_KEY}|${FAKE_IMDS_KEY}|SECRETSECRET`), 'no secret or full key id');
});

void test('an IMDS that never answers: a bounded wait, one sentence, nothing moved', { timeout: 30_000 }, async () => {
  const silent = await startFakeImds({ mode: 'never-answers' });
  try {
    const { home, file, bytes } = staleHome();
    const r = await runCli(['use-instance-role', '--yes'], envFor(home, silent.url));
    assert.equal(r.code, 1);
    assert.equal(r.stderr.trim(), 'amtc-guard: no instance role answers on this host (timeout); attach an instance profile to the EC2 instance first; nothing was moved.');
    assert.ok(silent.requests.length >= 1, 'IMDS was asked');
    assert.ok(readFileSync(file).equals(bytes));
    assert.deepEqual(asides(file), []);
  } finally {
    await silent.close();
  }
});

void test('no instance profile, a file that is not Cloud9\'s, no file: refused in one sentence, nothing moved; Japanese too', async () => {
  const noRole = await startFakeImds({ mode: 'no-role' });
  try {
    const { home, file, bytes } = staleHome();
    const r = await runCli(['use-instance-role', '--yes'], envFor(home, noRole.url));
    assert.equal(r.code, 1);
    assert.match(r.stderr, /no instance role answers on this host \(no-role\)/);
    assert.ok(readFileSync(file).equals(bytes));
    const ja = await runCli(['use-instance-role', '--yes'], { ...envFor(home, noRole.url), LANG: 'ja_JP.UTF-8' });
    assert.match(ja.stderr, /インスタンスロールが応答しません.*何も移動していません。/);
  } finally {
    await noRole.close();
  }
  const own = staleHome('[default]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n');
  const r2 = await runCli(['use-instance-role', '--yes'], envFor(own.home));
  assert.equal(r2.code, 1);
  assert.match(r2.stderr, /is not Cloud9's managed file .*nothing was moved\.$/m);
  assert.ok(readFileSync(own.file).equals(own.bytes));
  const empty = tempDir();
  assert.match((await runCli(['use-instance-role', '--yes'], envFor(empty))).stderr, /there is no .*credentials, so nothing hides the instance role/);
});

void test('a modified file is not moved on --yes alone: it says so and needs an answer', async () => {
  const { home, file, bytes } = staleHome(amtcFile(Date.now(), { keyId: MANAGED_KEY, extra: '[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n' }));
  const r = await runCli(['use-instance-role', '--yes'], envFor(home));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /holds more than Cloud9 wrote; your own sections would move aside too/);
  assert.ok(readFileSync(file).equals(bytes));
  assert.deepEqual(asides(file), []);
});

void test('--undo after Cloud9 wrote a new file: refused, both files kept; --undo with nothing moved says so', async () => {
  const { home, file, bytes } = staleHome();
  assert.equal((await runCli(['use-instance-role', '--yes'], envFor(home))).code, 0);
  const fresh = amtcFile(Date.now() + 300_000, { keyId: 'ASIANEWKEYFROMCLOUD9' });
  writeFileSync(file, fresh, { mode: 0o600 });
  const r = await runCli(['use-instance-role', '--undo'], envFor(home));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Cloud9 has written a new .* meanwhile, so the old one stays at /);
  assert.equal(readFileSync(file, 'utf8'), fresh);
  assert.ok(readFileSync(path.join(path.dirname(file), BACKUPS, asides(file)[0]!)).equals(bytes));
  const none = await runCli(['use-instance-role', '--undo'], envFor(staleHome().home));
  assert.equal(none.code, 0, 'nothing to undo is success');
  assert.match(none.stdout, /^Nothing to undo: nothing was moved aside from .*credentials\.\n$/);
  assert.equal(none.stderr, '');
});
