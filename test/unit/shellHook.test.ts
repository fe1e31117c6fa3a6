// The shell hook in real bash and zsh, in a pseudo-terminal (tmux), with the real AWS CLI v2
// against a loopback fake: the hint appears under an AMTC denial, and nothing else changes.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { amtcLikePolicy } from '../tools/demoHome';
import { FakeAws, startFakeAws } from '../tools/fakeAws';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';
import { runCliSync } from './cliRun';
import { writeHome } from '../tools/chainHome';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const INSTANT = 'Error: creating IAM User (x): operation error IAM: CreateUser, https response error StatusCode: 403, RequestID: 1, api error InvalidClientTokenId: The security token included in the request is invalid.';
const ready = existsSync('/usr/bin/aws') && existsSync('/usr/bin/tmux') && existsSync('/usr/bin/zsh');
let fake: FakeAws;
before(async () => {
  fake = await startFakeAws(amtcLikePolicy);
});
after(() => fake?.close());

function tmux(args: string[]): string {
  return spawnSync('tmux', args, { encoding: 'utf8' }).stdout;
}

/** Starts the shell with the hook in a detached tmux session; returns a function that runs a line and returns the screen. */
function shellWithHook(shell: 'bash' | 'zsh'): { run: (line: string, until: RegExp) => Promise<string>; close: () => void } {
  const { home } = writeHome(tempDir(), { credentials: amtcFile(Date.now() + 300_000), config: '[default]\nregion = us-east-1\n[profile c9_work]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = s\nregion = us-east-1\n' });
  const bin = path.join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(path.join(bin, 'amtc-guard'), `#!/bin/sh\nexec ${process.execPath} ${CLI} "$@"\n`);
  chmodSync(path.join(bin, 'amtc-guard'), 0o755);
  // A tool that fails at once (dash starts, prints and exits in well under a millisecond of work).
  writeFileSync(path.join(bin, 'terraform'), `#!/bin/sh\nprintf '%s\\n' '${INSTANT}' >&2\nexit 1\n`);
  chmodSync(path.join(bin, 'terraform'), 0o755);
  const rc = path.join(home, shell === 'zsh' ? '.zshrc' : '.bashrc');
  writeFileSync(rc, `PS1='$ '\nPROMPT='$ '\nexport AWS_PAGER=\neval "$(amtc-guard init ${shell})"\n`);
  const session = `amtc-${shell}-${process.pid}`;
  const cmd = shell === 'zsh' ? 'zsh -i' : `bash --noprofile --rcfile ${rc} -i`;
  spawnSync('tmux', ['new-session', '-d', '-s', session, '-x', '220', '-y', '60', `env -i HOME=${home} TERM=xterm PATH=${bin}:/usr/bin:/bin ZDOTDIR=${home} ${cmd}`]);
  let mark = 0;
  return {
    run: async (line, until) => {
      tmux(['send-keys', '-t', session, `clear; echo BEGIN${++mark}; ${line}; echo "rc=$?"`, 'Enter']);
      const deadline = Date.now() + 30_000;
      for (;;) {
        const screen = tmux(['capture-pane', '-p', '-J', '-t', session]);
        const start = screen.lastIndexOf(`BEGIN${mark}\n`);
        const out = start >= 0 ? screen.slice(start) : '';
        if (until.test(out) && /rc=\d+/.test(out)) return out;
        if (Date.now() > deadline) throw new Error(`no match for ${until}:\n${screen}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => void spawnSync('tmux', ['kill-session', '-t', session]),
  };
}

for (const shell of ['bash', 'zsh'] as const) {
  void test(`${shell}: a hint under an AMTC denial; exit code, output and pipes unchanged`, { skip: !ready && 'needs aws, tmux and zsh' }, async () => {
    const sh = shellWithHook(shell);
    try {
      const denied = await sh.run(`aws iam create-user --user-name demo --endpoint-url ${fake.url}`, /rc=\d+/);
      assert.match(denied, /An error occurred \(InvalidClientTokenId\) when calling the CreateUser operation/);
      assert.match(denied, /amtc-guard: AMTC does not allow iam:CreateUser; retry with --profile c9_work\./);
      assert.ok(denied.indexOf('An error occurred') < denied.indexOf('amtc-guard:'), 'the hint comes under the error');
      assert.match(denied, /rc=254/, 'the exit code is the CLI\'s');

      const ok = await sh.run(`aws sts get-caller-identity --endpoint-url ${fake.url} --output text`, /rc=\d+/);
      assert.match(ok, /123456789012/);
      assert.match(ok, /rc=0/);
      assert.doesNotMatch(ok, /amtc-guard:/);

      const piped = await sh.run(`aws sts get-caller-identity --endpoint-url ${fake.url} --query Account --output text | tr 0-9 A-J`, /rc=\d+/);
      assert.match(piped, /BCDEFGHIJABC/, 'stdout still flows through the pipe');

      const notAmtc = await sh.run(`aws iam create-user --user-name demo --profile c9_work --endpoint-url ${fake.url}`, /rc=\d+/);
      assert.match(notAmtc, /rc=0/, 'the IAM user key may create users');
      const role = await sh.run(`aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p --endpoint-url ${fake.url}`, /rc=\d+/);
      assert.match(role, /amtc-guard: AMTC allows iam:AttachRolePolicy only on roles named Cloud9-…/);
      // Issue 18: a tool that fails at once gets its hint every time (the stderr copy is complete when it is read).
      for (let i = 0; i < 5; i++) {
        const instant = await sh.run('terraform apply', /rc=\d+/);
        assert.match(instant, /rc=1/, instant);
        assert.match(instant, /amtc-guard: AMTC does not allow iam:CreateUser/, `run ${i + 1}:\n${instant}`);
      }
      const other = await sh.run('false', /rc=\d+/);
      assert.match(other, /rc=1/);
      assert.doesNotMatch(other, /amtc-guard:/);
    } finally {
      sh.close();
    }
  });
}

void test('init --print, --install and --uninstall; the rc file is untouched otherwise', () => {
  const home = tempDir();
  const rc = path.join(home, '.bashrc');
  writeFileSync(rc, '# mine\nalias ll="ls -l"\n');
  const run = (args: string[]) => spawnSync(process.execPath, [CLI, 'init', ...args], { env: { PATH: process.env.PATH ?? '', HOME: home }, encoding: 'utf8' });
  assert.match(run(['--print']).stdout, /eval "\$\(amtc-guard init bash\)"/);
  assert.match(run(['bash']).stdout, /^# amtc-guard shell hook \(bash\)\n_amtc_guard_run\(\)/);
  assert.equal(readFileSync(rc, 'utf8'), '# mine\nalias ll="ls -l"\n', 'printing never edits the rc file');
  assert.equal(run(['bash', '--install']).status, 0);
  assert.equal(run(['bash', '--install']).status, 0);
  assert.equal(readFileSync(rc, 'utf8'), '# mine\nalias ll="ls -l"\neval "$(amtc-guard init bash)" # amtc-guard shell hook\n', 'installed once, even twice');
  assert.equal(run(['bash', '--uninstall']).status, 0);
  assert.equal(readFileSync(rc, 'utf8'), '# mine\nalias ll="ls -l"\n', 'uninstall restores the file');
  assert.equal(run(['fish']).status, 2);
});

void test('prompt: amtc:15m when managed, aws:c9_work when overridden', () => {
  const { home } = writeHome(tempDir(), { credentials: amtcFile(Date.now() + 300_000) });
  const run = (env: Record<string, string>) => runCliSync(['prompt'], { HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...env }).stdout;
  assert.match(run({}), /^amtc:1[45]m$/);
  assert.equal(run({ AWS_PROFILE: 'c9_work' }), 'aws:c9_work');
});
