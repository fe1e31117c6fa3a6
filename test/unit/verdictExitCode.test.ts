// Issue 18's fallback: when the terminal delivered no output, the verdict comes from the exit code and
// the command line, and only where they prove it (an aws service error for an action AMTC never allows).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { judge } from '../../src/core/amtc/verdict';
import { ErrorScanner, findLastError } from '../../src/core/terminal/scan';

const missing = (commandLine: string, exitCode: number | undefined, state: 'managed' | 'expired' | 'overridden' = 'managed') =>
  judge({ error: undefined, outputMissing: true, commandLine, exitCode, state });

void test('without output: an aws service error (254) for an action outside the list is an AMTC denial, judged from the exit code', () => {
  const v = missing('aws iam create-user --user-name x', 254);
  assert.equal(v.reason, 'unsupported-action');
  assert.equal(v.action, 'iam:CreateUser');
  assert.equal(v.evidence, 'exit-code');
  assert.equal(v.error, null);
  const role = missing('sleep 1; aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p', 254);
  assert.equal(role.reason, 'role-name');
  assert.equal(role.roleName, 'hoge_role');
  assert.equal(missing('aws s3 ls', 254, 'expired').reason, 'expired');
});

void test('without output: nothing is claimed that the exit code and line do not prove', () => {
  for (const [line, code, state] of [
    ['aws iam create-user --user-name x', 255, 'managed'], // not a service answer (credentials, config, network)
    ['aws iam create-user --user-name x', 253, 'managed'],
    ['aws iam create-role --role-name Cloud9-x --assume-role-policy-document {}', 254, 'managed'], // allowed: some other error
    ['aws iam create-user --user-name x --profile c9_work', 254, 'managed'],
    ['AWS_PROFILE=c9_work aws iam create-user --user-name x', 254, 'managed'],
    ['aws iam create-user --user-name x', 254, 'overridden'],
    ['terraform apply', 1, 'managed'],
    ['aws iam', 254, 'managed'],
  ] as const) {
    const v = missing(line, code, state);
    assert.equal(v.amtc, false, `${line} (exit ${code}, ${state}): ${v.reason}`);
    assert.equal(v.evidence, 'exit-code');
  }
  assert.equal(missing('aws iam create-user --user-name x', 0).reason, 'none');
});

void test('with output the output decides, and says so', () => {
  const error = findLastError('An error occurred (InvalidClientTokenId) when calling the CreateUser operation: The security token included in the request is invalid.\n');
  const v = judge({ error, commandLine: 'aws iam create-user --user-name x', exitCode: 254, state: 'managed' });
  assert.equal(v.reason, 'unsupported-action');
  assert.equal(v.evidence, 'output');
});

/** Feeds output chunks through the terminal's scanner, as the watcher does, and judges what it found. */
const streamed = (chunks: readonly string[], commandLine: string, exitCode: number, state: 'managed' | 'overridden' = 'managed') => {
  const scanner = new ErrorScanner();
  for (const c of chunks) scanner.feed(c);
  return judge({ error: scanner.finish(), commandLine, exitCode, state });
};

// What a prompt with shell integration sends around a command whose error output went to /dev/null.
const PROMPT_ONLY = ['\x1b]633;C\x07', '\x1b]633;D;254\x07\x1b]633;A\x07\x1b[01;32muser\x1b[00m:~/environment $ \x1b]633;B\x07'];

void test('output without an AWS error (2>/dev/null): judged from the exit code and line, the same rule as no output', () => {
  const v = streamed(PROMPT_ONLY, 'aws iam delete-user --user-name zzz 2>/dev/null', 254);
  assert.equal(v.reason, 'unsupported-action');
  assert.equal(v.action, 'iam:DeleteUser');
  assert.equal(v.evidence, 'exit-code-no-error');
  assert.equal(v.error, null);
  assert.deepEqual(v.fixes, ['add-fallback-profile', 'why', 'mute-action']);
  const role = streamed(['Deleting...\n', '\x1b[0m'], 'aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p 2>&-', 254);
  assert.equal(role.reason, 'role-name');
  assert.equal(role.roleName, 'hoge_role');
  // Nothing the exit code and line do not prove: other exit codes, allowed actions, other credentials, other programs.
  for (const [line, code, state] of [
    ['aws iam delete-user --user-name zzz 2>/dev/null', 255, 'managed'],
    ['aws iam create-role --role-name Cloud9-x --assume-role-policy-document {} 2>/dev/null', 254, 'managed'],
    ['aws iam delete-user --user-name zzz --profile mine 2>/dev/null', 254, 'managed'],
    ['aws iam delete-user --user-name zzz 2>/dev/null', 254, 'overridden'],
    ['make deploy 2>/dev/null', 254, 'managed'],
  ] as const) {
    const other = streamed(['some unrelated text\n', ...PROMPT_ONLY], line, code, state);
    assert.equal(other.amtc, false, `${line} (exit ${code}, ${state}): ${other.reason}`);
  }
});

void test('output with an AWS error that is not AMTC\'s stays not AMTC, even for an action AMTC never allows', () => {
  const v = streamed(['\x1b]633;C\x07', '\nAn error occurred (NoSuchEntity) when calling the DeleteUser operation: The user with name zzz cannot be found.\n'], 'aws iam delete-user --user-name zzz', 254);
  assert.equal(v.amtc, false);
  assert.equal(v.reason, 'not-amtc');
  assert.equal(v.evidence, 'output');
  assert.equal(v.error?.code, 'NoSuchEntity');
});
