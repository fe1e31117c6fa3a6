// The CLI as users get it: the npm tarball installed into an empty prefix without the registry, and
// the single file copied onto a host, each run on Node 20 and on Debian's Node 18 (Amazon Linux
// 2023's default), with real files in a temp HOME and verify against the loopback fake STS.
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { FakeAws, startFakeAws } from '../tools/fakeAws';
import { Node18, node18 } from '../tools/node18';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';

const VERSION = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const STACK = /\n\s+at .+:\d+:\d+/;
const DENIAL = 'An error occurred (InvalidClientTokenId) when calling the CreateUser operation: The security token included in the request is invalid\n';

let fake: FakeAws;
before(async () => (fake = await startFakeAws()));
after(() => fake.close());

let packed: string | undefined;
function pack(): string {
  if (packed) return packed;
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'pack-cli.mjs'), '--no-build', '--destination', tempDir()], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return (packed = r.stdout.trim());
}

/** A HOME with Cloud9's managed credentials, five minutes before their refresh. */
function amtcHome(): string {
  const home = tempDir();
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(path.join(home, '.aws', 'credentials'), amtcFile(Date.now() + 300_000), { mode: 0o600 });
  return home;
}

type Run = (argv: string[], o?: { env?: Record<string, string>; input?: string }) => { status: number | null; stdout: string; stderr: string };
const node20: Run = (argv, o = {}) => spawnSync(argv[0]!, argv.slice(1), { encoding: 'utf8', input: o.input, env: { ...o.env, PATH: `${o.env?.PATH ?? ''}:${path.dirname(process.execPath)}:/usr/bin:/bin` }, timeout: 60_000 });
/** For calls to the in-process fake STS, which a spawnSync would block. */
function node20Async(argv: string[], env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(argv[0]!, argv.slice(1), { env: { ...env, PATH: `${env.PATH ?? ''}:${path.dirname(process.execPath)}:/usr/bin:/bin` } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    p.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
const n18 = node18();
const skip18 = typeof n18 === 'string' ? n18 : false;
const run18: Run = (argv, o = {}) => (n18 as Node18).run(argv, { env: { ...o.env, PATH: `${o.env?.PATH ?? ''}:/usr/bin:/bin` }, ...(o.input === undefined ? {} : { input: o.input }) });

/** The everyday commands, as a Cloud9 user runs them: the state, a pasted denial, the prompt. */
function everyday(run: Run, command: string, bin: string): void {
  const home = amtcHome();
  const env = { HOME: home, PATH: bin };
  const version = run([command, '--version'], { env });
  assert.equal(version.stdout.trim(), VERSION, version.stderr);
  const status = run([command, 'status', '--json'], { env });
  assert.equal(status.status, 0, status.stderr);
  const json = JSON.parse(status.stdout) as { state: string; credentialsFile: string };
  assert.equal(json.state, 'managed');
  assert.equal(json.credentialsFile, path.join(home, '.aws', 'credentials'));
  const explain = run([command, 'explain', '--command', 'aws iam create-user --user-name x', '--exit-code', '254'], { env, input: DENIAL });
  assert.equal(explain.status, 1, explain.stderr);
  assert.match(explain.stdout, /CreateUser/);
  assert.match(run([command, 'prompt'], { env }).stdout, /^amtc:\d+m/);
  assert.doesNotMatch(status.stderr + explain.stderr, STACK);
}

void test('npm pack: the tarball holds the two bundles, README, LICENSE, CHANGELOG, the shared version and no dependencies', () => {
  const tgz = pack();
  assert.equal(path.basename(tgz), `amtc-guard-${VERSION}.tgz`);
  const files = spawnSync('tar', ['tzf', tgz], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
  assert.deepEqual(files, ['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/dist/awsSdk.js', 'package/dist/cli.js', 'package/package.json']);
  const manifest = JSON.parse(spawnSync('tar', ['xzOf', tgz, 'package/package.json'], { encoding: 'utf8' }).stdout) as Record<string, unknown>;
  assert.equal(manifest.version, VERSION);
  assert.deepEqual(manifest.bin, { 'amtc-guard': 'dist/cli.js' });
  assert.equal(manifest.dependencies, undefined);
  assert.deepEqual(manifest.engines, { node: '>=18' });
  assert.match(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${VERSION.replace(/\./g, '\\.')}\\]`, 'm'), 'CHANGELOG has a section for this version');
});

void test('npm install -g of the tarball into an empty prefix, offline: every command works on Node 20', async () => {
  const prefix = tempDir();
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', pack()], { encoding: 'utf8', env: { ...process.env, npm_config_cache: tempDir() } });
  assert.equal(install.status, 0, install.stderr);
  const bin = path.join(prefix, 'bin');
  everyday(node20, 'amtc-guard', bin);
  const home = amtcHome();
  const env = { HOME: home, PATH: bin };
  const add = node20(['amtc-guard', 'add-profile', '--name', 'c9_work', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--region', 'us-east-1', '--secret-stdin'], { env, input: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n' });
  assert.equal(add.status, 0, add.stderr);
  const verify = await node20Async(['amtc-guard', 'verify', '--profile', 'c9_work', '--endpoint-url', fake.url], env);
  assert.equal(verify.status, 0, verify.stderr);
  assert.match(verify.stdout, /works: arn:aws:iam::123456789012:user\/c9_work/);
  assert.equal(verify.stderr, '', 'no SDK warning (NodeVersionSupportWarning) on Node 20');
  // What `aws configure --profile c9_work` does to the managed file; repair moves it to the config.
  writeFileSync(path.join(home, '.aws', 'credentials'), amtcFile(Date.now() + 300_000, { extra: '[c9_work]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\n' }));
  assert.equal(node20(['amtc-guard', 'status'], { env }).status, 1, 'modified');
  const repair = node20(['amtc-guard', 'repair', '--json'], { env });
  assert.equal(repair.status, 0, repair.stderr);
  assert.deepEqual((JSON.parse(repair.stdout) as { moved: string[] }).moved, ['c9_work']);
  assert.match(node20(['amtc-guard', 'init', 'bash', '--print'], { env }).stdout, /_amtc_guard_prompt/);
});

void test('the installed tarball on Node 18: everyday commands work, verify says in one sentence that it needs Node 20', { skip: skip18 }, () => {
  const prefix = tempDir();
  const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', pack()], { encoding: 'utf8', env: { ...process.env, npm_config_cache: tempDir() } });
  assert.equal(install.status, 0, install.stderr);
  const bin = path.join(prefix, 'bin');
  assert.match(run18(['node', '--version']).stdout, /^v18\./);
  everyday(run18, 'amtc-guard', bin);
  const verify = run18(['amtc-guard', 'verify', '--endpoint-url', fake.url], { env: { HOME: amtcHome(), PATH: bin } });
  assert.equal(verify.status, 2);
  assert.equal(verify.stdout, '');
  assert.match(verify.stderr, /^amtc-guard: verify needs Node\.js 20 or newer for the AWS SDK and this is v18\.\d+\.\d+; the other commands work on it\.\n$/);
  const json = run18(['amtc-guard', 'verify', '--json'], { env: { HOME: amtcHome(), PATH: bin } });
  assert.equal((JSON.parse(json.stdout) as { problem: string }).problem, 'node-too-old');
  assert.equal(fake.calls.filter((c) => c.action === 'GetCallerIdentity' && c.keyId?.startsWith('ASIA')).length, 0, 'Node 18 never called STS');
});

void test('the single file dist/amtc-guard.cjs copied alone onto a host: runs by its #! line, verify uses the SDK inside it', async () => {
  const bin = tempDir();
  const file = path.join(bin, 'amtc-guard');
  copyFileSync(path.join(ROOT, 'dist', 'amtc-guard.cjs'), file);
  chmodSync(file, 0o755);
  assert.match(readFileSync(file, 'utf8').split('\n')[0]!, /^#!\/usr\/bin\/env node$/);
  everyday(node20, 'amtc-guard', bin);
  const verify = await node20Async(['amtc-guard', 'verify', '--endpoint-url', fake.url], { HOME: amtcHome(), PATH: bin });
  assert.equal(verify.status, 0, verify.stderr);
  assert.match(verify.stdout, /cloud9-ide-user/);
  assert.equal(verify.stderr, '');
});

void test('the single file on Node 18: everyday commands work and verify answers in one sentence', { skip: skip18 }, () => {
  const bin = tempDir();
  copyFileSync(path.join(ROOT, 'dist', 'amtc-guard.cjs'), path.join(bin, 'amtc-guard'));
  chmodSync(path.join(bin, 'amtc-guard'), 0o755);
  everyday(run18, 'amtc-guard', bin);
  const verify = run18(['amtc-guard', 'verify'], { env: { HOME: amtcHome(), PATH: bin } });
  assert.equal(verify.status, 2);
  assert.equal(verify.stderr.trim().split('\n').length, 1, verify.stderr);
});
