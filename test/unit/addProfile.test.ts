// add-profile end to end with the real AWS CLI v2: the new profile signs calls, the managed
// credentials file is byte-identical with an unchanged mtime, and the config keeps its comments.
import { strict as assert } from 'node:assert';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { FakeAws, startFakeAws } from '../tools/fakeAws';
import { AwsHome, writeHome } from '../tools/chainHome';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { CliRun, runCliSync, runProcess } from './cliRun';

const AWS = '/usr/bin/aws';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const CONFIG = '# team settings, keep\n[default]\nregion = us-east-1\n\n[profile dev]\nregion = eu-west-1 # main\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\n';

let fake: FakeAws;
before(async () => {
  fake = await startFakeAws();
});
after(() => fake.close());

const home = (): AwsHome => writeHome(tempDir(), { credentials: amtcFile(Date.now() + 5 * 60_000), credentialsAgeMin: 1, config: CONFIG });
const addProfile = (h: string, args: string[], stdin: string): CliRun => runCliSync(['add-profile', ...args], { HOME: h }, stdin);

void test('after add-profile, the real AWS CLI signs with the new key; the managed file is untouched', { skip: !existsSync(AWS) && 'AWS CLI v2 not installed' }, async () => {
  const h = home();
  const credBefore = readFileSync(h.credentials);
  const mtimeBefore = statSync(h.credentials).mtimeMs;
  const r = addProfile(h.home, ['--name', 'c9_work', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--region', 'us-east-1', '--secret-stdin'], `${SECRET}\n`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /AKIA…MPLE/);
  assert.ok(!(r.stdout + r.stderr).includes(SECRET) && !(r.stdout + r.stderr).includes('AKIAIOSFODNN7EXAMPLE'), 'no secret or full key id printed');
  const aws = await runProcess(AWS, ['sts', 'get-caller-identity', '--profile', 'c9_work', '--endpoint-url', fake.url], { PATH: process.env.PATH ?? '', HOME: h.home });
  assert.equal(aws.code, 0, aws.stderr);
  assert.match(aws.stdout, /arn:aws:iam::123456789012:user\/c9_work/);
  assert.equal(fake.calls.at(-1)?.keyId, 'AKIAIOSFODNN7EXAMPLE', 'signed with the new key');
  assert.ok(readFileSync(h.credentials).equals(credBefore), 'managed credentials byte-identical');
  assert.equal(statSync(h.credentials).mtimeMs, mtimeBefore, 'managed credentials mtime unchanged');
  const config = readFileSync(h.config, 'utf8');
  assert.ok(config.startsWith(CONFIG), 'comments and nested blocks survive byte for byte');
  assert.match(config, /\n\[profile c9_work\]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = .+\nregion = us-east-1\n$/);
});

void test('exit codes: bad name or key id → 2, existing name → 1, --replace → 0 in place; nothing changed on failure', () => {
  const h = home();
  const ok = ['--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--secret-stdin'];
  assert.equal(addProfile(h.home, ['--name', 'bad name', ...ok], 's\n').code, 2);
  assert.equal(addProfile(h.home, ['--name', 'default', ...ok], 's\n').code, 2);
  assert.equal(addProfile(h.home, ['--name', 'x', '--access-key-id', 'AKIA123', '--secret-stdin'], 's\n').code, 2);
  assert.equal(addProfile(h.home, ['--name', 'x', '--access-key-id', 'ASIAIOSFODNN7EXAMPLE', '--secret-stdin'], 's\n').code, 2, 'ASIA needs a token');
  assert.equal(addProfile(h.home, ['--name', 'x', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--secret', 'S'], '').code, 2, 'no secret in argv');
  assert.equal(readFileSync(h.config, 'utf8'), CONFIG);
  assert.equal(addProfile(h.home, ['--name', 'dev', ...ok], 's\n').code, 1);
  assert.equal(readFileSync(h.config, 'utf8'), CONFIG);
  const replaced = addProfile(h.home, ['--name', 'dev', '--replace', ...ok], 'NEWSECRET\n');
  assert.equal(replaced.code, 0, replaced.stderr);
  const config = readFileSync(h.config, 'utf8');
  assert.equal(config.match(/\[profile dev\]/g)?.length, 1, 'no duplicate section');
  assert.match(config, /\[profile dev\]\nregion = eu-west-1 # main\ns3 =\n  max_concurrent_requests = 20\n  addressing_style = path\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = NEWSECRET\n$/);
});

void test('the managed credentials file is written only after an explicit confirmation', () => {
  const h = home();
  const before = readFileSync(h.credentials);
  const refused = addProfile(h.home, ['--name', 'x', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--target', 'credentials', '--secret-stdin'], 's\n');
  assert.equal(refused.code, 1);
  assert.match(refused.stderr, /managed by Cloud9 and editing it stops its refresh/);
  assert.ok(readFileSync(h.credentials).equals(before));
  const confirmed = addProfile(h.home, ['--name', 'x', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--target', 'credentials', '--yes-modify-managed-file', '--secret-stdin'], 's\n');
  assert.equal(confirmed.code, 0, confirmed.stderr);
  assert.match(readFileSync(h.credentials, 'utf8'), /\n\[x\]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n/);
});

void test('an ASIA key takes its session token from the second stdin line', () => {
  const h = home();
  const r = addProfile(h.home, ['--name', 'temp', '--access-key-id', 'ASIAIOSFODNN7EXAMPLE', '--secret-stdin'], 'SECRET\nTOKEN\n');
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(h.config, 'utf8'), /\[profile temp\]\naws_access_key_id = ASIAIOSFODNN7EXAMPLE\naws_secret_access_key = SECRET\naws_session_token = TOKEN\n$/);
});
