// SPEC §6: `amtc-guard status` exits 1 whenever the CLI's next call would fail (or the managed
// credentials are about to), 0 otherwise. One row per state and per problem, run as a real process on
// real files; the table must cover every state and problem the CLI knows.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync } from 'node:fs';
import { test } from 'node:test';
import { PROBLEM_FAILS, STATE_FAILS } from '../../src/cli/status';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { startFakeImds } from '../tools/fakeImds';
import { writeHome } from '../tools/chainHome';
import { CLI, runCli, runCliSync } from './cliRun';

const MIN = 60_000;
const C9_WORK = '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n';

interface Row {
  name: string;
  credentials?: string;
  /** Minutes since the credentials file was written. */
  age?: number;
  config?: string;
  mode?: number;
  env?: Record<string, string>;
  /** The credentials path is a directory: the file cannot be read. */
  credentialsIsDirectory?: boolean;
  state: string;
  problem?: string;
  exit: 0 | 1;
}

const fresh = (): string => amtcFile(Date.now() + 4 * MIN);
const ROWS: Row[] = [
  { name: 'managed', credentials: fresh(), age: 1, state: 'managed', exit: 0 },
  { name: 'modified', credentials: fresh() + '[c9_work]\nregion = x\n', age: 1, state: 'modified', problem: 'file-modified', exit: 1 },
  { name: 'expired', credentials: fresh(), age: 16, state: 'expired', exit: 1 },
  { name: 'missing', state: 'missing', exit: 1 },
  { name: 'overridden by AWS_PROFILE (a profile that exists)', credentials: fresh(), age: 1, config: C9_WORK, env: { AWS_PROFILE: 'c9_work' }, state: 'overridden', exit: 0 },
  { name: 'unmanaged', credentials: '[default]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = s\n', state: 'unmanaged', exit: 0 },
  { name: 'AWS_PROFILE names a missing profile: every aws call fails', credentials: fresh(), age: 1, env: { AWS_PROFILE: 'ghost' }, state: 'overridden', problem: 'profile-not-found', exit: 1 },
  { name: 'the CLI cannot parse the config file', credentials: fresh(), age: 1, config: '[profile a]\nregion = x\n[profile a]\nregion = y\n', state: 'managed', problem: 'cli-cannot-parse', exit: 1 },
  { name: 'the credentials file cannot be read', credentialsIsDirectory: true, state: 'missing', problem: 'file-unreadable', exit: 1 },
  { name: 'refresh overdue, still valid', credentials: amtcFile(Date.now() - 2 * MIN), age: 7, state: 'managed', problem: 'refresh-overdue', exit: 0 },
  // Cloud9 wrote 4 minutes ago (its header says 1 minute ahead); the file was saved 2 minutes ago.
  { name: 'saved after Cloud9\'s write, still valid', credentials: amtcFile(Date.now() + MIN), age: 2, state: 'managed', problem: 'awaiting-refresh', exit: 0 },
  { name: 'dead managed keys on a Cloud9 host with an instance role behind them', credentials: amtcFile(Date.now() - 2 * 60 * MIN), age: 125, env: { C9_PID: 'envstatustest0001' }, state: 'expired', problem: 'stale-managed-keys', exit: 1 },
  { name: 'readable by others, works', credentials: fresh(), age: 1, mode: 0o644, state: 'managed', problem: 'insecure-permissions', exit: 0 },
  { name: 'a modified managed file while another profile is in use', credentials: fresh() + '[x]\nregion = y\n', age: 1, config: C9_WORK, env: { AWS_PROFILE: 'c9_work' }, state: 'overridden', problem: 'file-modified', exit: 0 },
];

let imdsUrl = '';

async function run(row: Row): Promise<{ code: number | null; json: { state: string; problems: { code: string }[] } }> {
  // Cloud9's header is written 5 minutes ahead of its write; `age` puts the write that far back.
  const files = writeHome(tempDir(), { ...(row.credentials !== undefined ? { credentials: row.credentials, credentialsAgeMin: row.age ?? 0 } : {}), ...(row.mode !== undefined ? { credentialsMode: row.mode } : {}), ...(row.config !== undefined ? { config: row.config } : {}) });
  if (row.credentialsIsDirectory) mkdirSync(files.credentials);
  const { home } = files;
  // Asynchronous: a row on a Cloud9 host asks the loopback IMDS fake of this process.
  const env = { HOME: home, ...row.env, ...(row.env?.C9_PID ? { AWS_EC2_METADATA_SERVICE_ENDPOINT: imdsUrl } : { AWS_EC2_METADATA_DISABLED: 'true' }) };
  const r = await runCli(['status', '--json'], env);
  return { code: r.code, json: JSON.parse(r.stdout) as { state: string; problems: { code: string }[] } };
}

void test('status exit codes: one row per state and problem', async () => {
  assert.ok(existsSync(CLI), 'build first (npm run build)');
  const imds = await startFakeImds();
  imdsUrl = imds.url;
  try {
    for (const row of ROWS) await check(row);
  } finally {
    await imds.close();
  }
});

async function check(row: Row): Promise<void> {
  {
    const { code, json } = await run(row);
    assert.equal(json.state, row.state, row.name);
    const codes = json.problems.map((p) => p.code);
    if (row.problem) assert.ok(codes.includes(row.problem), `${row.name}: ${codes.join()}`);
    else assert.deepEqual(codes, [], row.name);
    assert.equal(code, row.exit, row.name);
  }
}

void test('the table covers every state and every problem the CLI decides', () => {
  assert.deepEqual(new Set(ROWS.map((r) => r.state)), new Set(Object.keys(STATE_FAILS)));
  assert.deepEqual(new Set(ROWS.flatMap((r) => (r.problem ? [r.problem] : []))), new Set(Object.keys(PROBLEM_FAILS)));
});

void test('--help after any subcommand prints its usage and exits 0; add-profile refuses a bad name before the secret', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => runCliSync(args, { HOME: tempDir(), ...env });
  for (const [command, syntax] of [['status', /^Usage: amtc-guard status \[--json\]/], ['explain', /^Usage: amtc-guard explain \[--json\] \[--command LINE\]/], ['add-profile', /^Usage: amtc-guard add-profile --name N/], ['repair', /^Usage: amtc-guard repair/], ['verify', /^Usage: amtc-guard verify/], ['watch', /^Usage: amtc-guard watch/]] as const) {
    const r = cli([command, '--help']);
    assert.equal(r.code, 0, command);
    assert.match(r.stdout, syntax);
    assert.doesNotMatch(r.stdout, /Commands:/, `${command}: only its own usage`);
  }
  // After other arguments too, and in Japanese.
  assert.equal(cli(['add-profile', '--name', 'x', '--help']).code, 0);
  assert.match(cli(['status', '-h'], { LANG: 'ja_JP.UTF-8' }).stdout, /^使い方: amtc-guard status/);
  // No stdin, no TTY: before this change it asked for the secret first (and failed on that).
  const bad = cli(['add-profile', '--name', 'bad name', '--access-key-id', 'AKIAEXAMPLEUSER00001']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /"bad name" is not a usable profile name/);
  const badKey = cli(['add-profile', '--name', 'c9_work', '--access-key-id', 'AKIA123']);
  assert.equal(badKey.code, 2);
  assert.match(badKey.stderr, /access key id/);
});

void test('status text uses words, not internal ids', () => {
  const { home } = writeHome(tempDir(), { credentials: fresh() });
  for (const LANG of ['C', 'ja_JP.UTF-8']) {
    const r = runCliSync(['status'], { HOME: home, LANG });
    assert.doesNotMatch(r.stdout, /shared-credentials-file|credentials file file|\bconfig-file\b/, LANG);
    assert.match(r.stdout, LANG === 'C' ? /keys in the credentials file/ : /認証情報ファイルのキー/);
  }
});
