// Issue 18's fallback: when the terminal delivered no output, the verdict comes from the exit code and
// the command line, and only where they prove it (an aws service error for an action AMTC never allows).
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { judge } from '../../src/core/amtc/verdict';
import { findLastError } from '../../src/core/terminal/scan';

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
  // A missing error in output that was read is no error at all, whatever the exit code.
  assert.equal(judge({ error: undefined, commandLine: 'aws iam create-user --user-name x', exitCode: 254, state: 'managed' }).reason, 'none');
});
