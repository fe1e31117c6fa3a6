// The amtc-guard contract of SPEC §6, run as a real process on real files.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { COMMANDS } from '../../src/cli/main';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { CLI, runCliSync } from './cliRun';
import { writeHome } from '../tools/chainHome';

const cli = (args: string[], env: Record<string, string> = {}) => runCliSync(args, { AWS_EC2_METADATA_DISABLED: 'true', ...env });
const home = (credentials?: string, ageMin = 0): string => writeHome(tempDir(), credentials === undefined ? {} : { credentials, credentialsAgeMin: ageMin }).home;

void test('--help, --version, no command, unknown command and unknown option', () => {
  assert.equal(cli(['--help']).code, 0);
  assert.match(cli(['--help']).stdout, /status \[--json\]/);
  assert.match(cli(['--version']).stdout, /^\d+\.\d+\.\d+\n$/);
  assert.equal(cli([]).code, 2);
  const unknown = cli(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1, 'one line of usage');
  const badFlag = cli(['status', '--nope']);
  assert.equal(badFlag.code, 2);
  assert.match(badFlag.stderr, /unknown option --nope/);
  assert.doesNotMatch(badFlag.stderr, /at .*\.js:\d+/, 'no stack trace');
});

void test('every SPEC §6 subcommand is registered (and the shell hook\'s two)', () => {
  const spec = ['status', 'explain', 'add-profile', 'verify', 'repair', 'watch', 'use-instance-role', 'amtc', 'init', 'prompt'];
  assert.deepEqual(spec.filter((c) => !(c in COMMANDS)), []);
  for (const c of spec) assert.doesNotMatch(cli([c, '--help-not-a-flag']).stderr, /unknown command/, c);
});

void test('status: exit 0 when managed, 1 when expired / modified / missing, JSON shape of SPEC §6', () => {
  const fresh = amtcFile(Date.now() + 5 * 60_000);
  const managed = cli(['status', '--json'], { HOME: home(fresh) });
  assert.equal(managed.code, 0);
  const json = JSON.parse(managed.stdout) as Record<string, unknown>;
  for (const k of ['state', 'problems', 'activeProfile', 'credentialsFile', 'configFile', 'amtc']) assert.ok(k in json, k);
  assert.equal(json.state, 'managed');
  assert.deepEqual(Object.keys(json.amtc as object).slice(0, 3), ['refreshedAt', 'nextRefreshAt', 'expiresAt']);
  assert.equal(cli(['status'], { HOME: home(fresh, 16) }).code, 1);
  assert.equal(cli(['status'], { HOME: home(fresh + '[c9_work]\nregion = x\n') }).code, 1);
  assert.equal(cli(['status'], { HOME: home() }).code, 1);
  assert.match(cli(['status'], { HOME: home(fresh, 16) }).stdout, /^ {2}refreshed: 16 min ago; expired: 1 min ago$/m, 'an end in the past, said as such');
  const human = cli(['status'], { HOME: home(fresh) });
  assert.match(human.stdout, /^AMTC managed: .* expire in 1[45] min/);
  assert.match(human.stdout, /key: ASIA…C001/);
  assert.doesNotMatch(human.stdout + managed.stdout, /SECRETSECRET|TOKENTOKEN|ASIAEXAMPLEKEY0C001/);
});

void test('status follows AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE', () => {
  const h = home();
  const alt = path.join(h, 'elsewhere');
  writeFileSync(alt, amtcFile(Date.now() + 5 * 60_000));
  const r = JSON.parse(cli(['status', '--json'], { HOME: h, AWS_SHARED_CREDENTIALS_FILE: alt, AWS_CONFIG_FILE: '~/cfg' }).stdout) as { state: string; credentialsFile: string; configFile: string };
  assert.equal(r.state, 'managed');
  assert.equal(r.credentialsFile, alt);
  assert.equal(r.configFile, path.join(h, 'cfg'));
});

void test('status with another profile: the AMTC times are labelled as the managed [default]\'s, which that profile does not use (English and Japanese)', () => {
  const h = writeHome(tempDir(), { credentials: amtcFile(Date.now() + 4 * 60_000), credentialsAgeMin: 1, config: '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n' }).home;
  const times = /^ {4}refreshed: 1 min ago; expires: in 1[34] min$/m;
  for (const [args, env] of [[['status', '--profile', 'c9_work'], {}], [['status'], { AWS_PROFILE: 'c9_work' }]] as const) {
    const r = cli([...args], { HOME: h, ...env });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^ {2}Cloud9's managed credentials \(\[default\], not used by this profile\):\n {4}refreshed: /m, args.join(' '));
    assert.match(r.stdout, times);
    const ja = cli([...args], { HOME: h, LANG: 'ja_JP.UTF-8', ...env });
    assert.match(ja.stdout, /^ {2}Cloud9 のマネージド一時認証情報 \(\[default\]、このプロファイルでは使われていません\):\n {4}更新: 1 分前、失効: 1[34] 分後$/m);
  }
  // The managed keys in use: the same times, as the source's own, without the label.
  const own = cli(['status'], { HOME: h });
  assert.match(own.stdout, /^ {2}refreshed: 1 min ago; expires: in 1[34] min$/m);
  assert.doesNotMatch(own.stdout, /not used by this profile/);
  // --json is unchanged: the amtc object is there whichever profile is in use.
  const json = JSON.parse(cli(['status', '--json', '--profile', 'c9_work'], { HOME: h }).stdout) as { amtc: { expiresAt: string } | null };
  assert.ok(json.amtc?.expiresAt);
});

void test('watch without a terminal: one line per state with the problems counted in words, and exit 0 on Ctrl-C (English and Japanese)', async () => {
  const h = home(amtcFile(Date.now() + 4 * 60_000).replace('[default]', '[c9_work]\nregion = x\n\n[default]'), 1);
  for (const [LANG, line] of [['C', /^AMTC modified: .* \[keys in the credentials file, works, 1[34] min left\] \(1 problem\)$/], ['ja_JP.UTF-8', /^AMTC 変更あり: .* \[認証情報ファイルのキー、使用可、残り 1[34] 分\] \(1 件の問題\)$/]] as const) {
    const child = spawn(process.execPath, [CLI, 'watch'], { env: { PATH: process.env.PATH ?? '', HOME: h, LANG, AWS_EC2_METADATA_DISABLED: 'true' } });
    let out = '';
    child.stdout.setEncoding('utf8');
    // The first line is drawn once the monitor has read the files; then Ctrl-C ends it.
    await new Promise<void>((resolve) => child.stdout.on('data', (d: string) => ((out += d).includes('\n') ? resolve() : undefined)));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    child.kill('SIGINT');
    assert.equal(await exited, 0, LANG);
    assert.match(out.split('\n')[0]!, line);
  }
});
