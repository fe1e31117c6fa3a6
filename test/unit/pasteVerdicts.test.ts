// Issue 13 item 2: an error pasted without its command line. The operation alone names the likely
// rule (CreateUser is not on AMTC's list; AttachRolePolicy and CreateRole only on Cloud9- roles); the
// rarer causes (IP restriction, invalidated credentials) come after it. Also through `amtc-guard explain`.
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { serviceOfOperation } from '../../src/core/amtc/operationServices';
import { judge, Verdict } from '../../src/core/amtc/verdict';
import { findLastError } from '../../src/core/terminal/scan';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { runCliSync } from './cliRun';
import { writeHome } from '../tools/chainHome';

const TOKEN = 'The security token included in the request is invalid.';
const cliError = (code: string, op: string, message = TOKEN): string => `\nAn error occurred (${code}) when calling the ${op} operation: ${message}\n`;
const paste = (text: string, commandLine?: string): Verdict => judge({ error: findLastError(text), commandLine, exitCode: 1, state: 'managed' });
const brief = (v: Verdict) => ({ action: v.action, reason: v.reason, likely: v.likely, alsoPossible: v.alsoPossible });

void test('pasted without a command line: the operation names the likely rule, the rarer causes follow', () => {
  const cases: [string, ReturnType<typeof brief>][] = [
    [cliError('InvalidClientTokenId', 'CreateUser'), { action: 'iam:CreateUser', reason: 'unsupported-action', likely: true, alsoPossible: ['token-rejected'] }],
    [cliError('InvalidClientTokenId', 'AttachRolePolicy'), { action: 'iam:AttachRolePolicy', reason: 'role-name', likely: true, alsoPossible: ['token-rejected'] }],
    [cliError('InvalidClientTokenId', 'CreateRole'), { action: 'iam:CreateRole', reason: 'role-name', likely: true, alsoPossible: ['token-rejected'] }],
    [cliError('InvalidClientTokenId', 'AssumeRole'), { action: 'sts:AssumeRole', reason: 'unsupported-action', likely: true, alsoPossible: ['token-rejected'] }],
    [cliError('UnrecognizedClientException', 'CreateEnvironmentMembership'), { action: 'cloud9:CreateEnvironmentMembership', reason: 'unsupported-action', likely: true, alsoPossible: ['token-rejected'] }],
    // An allowed action: only the token can be the cause, and that is not a guess.
    [cliError('InvalidClientTokenId', 'GetCallerIdentity'), { action: 'sts:GetCallerIdentity', reason: 'token-rejected', likely: false, alsoPossible: [] }],
    // The prefix and retries the CLI adds do not matter.
    [`aws: [ERROR]: An error occurred (InvalidClientTokenId) when calling the CreateUser operation (reached max retries: 2): ${TOKEN}`, { action: 'iam:CreateUser', reason: 'unsupported-action', likely: true, alsoPossible: ['token-rejected'] }],
  ];
  for (const [text, expected] of cases) assert.deepEqual(brief(paste(text)), expected, text);
});

void test('no guess where the name or the code says nothing: shared operation names, other protocols, other services', () => {
  // TagResource exists in hundreds of JSON services; DescribeInstances is EC2 (not restricted).
  assert.deepEqual(brief(paste(cliError('UnrecognizedClientException', 'TagResource'))), { action: null, reason: 'token-rejected', likely: false, alsoPossible: [] });
  assert.deepEqual(brief(paste(cliError('AuthFailure', 'DescribeInstances'))), { action: null, reason: 'token-rejected', likely: false, alsoPossible: [] });
  // The code must fit the service's protocol: IAM never answers with UnrecognizedClientException.
  assert.equal(serviceOfOperation('CreateUser', 'UnrecognizedClientException'), undefined);
  assert.equal(serviceOfOperation('CreateUser', 'InvalidClientTokenId'), 'iam');
  assert.equal(serviceOfOperation('DescribeEnvironmentMemberships', 'UnrecognizedClientException'), 'cloud9');
  // AccessDenied is the identity's own policy whatever the operation.
  assert.equal(paste(cliError('AccessDenied', 'CreateUser', 'User: arn:aws:sts::1:assumed-role/x is not authorized')).reason, 'not-amtc');
  // An expired token is expired, not a guess about the rule.
  assert.deepEqual(brief(paste(cliError('ExpiredToken', 'CreateUser', 'The security token included in the request is expired'))), { action: 'iam:CreateUser', reason: 'expired', likely: false, alsoPossible: [] });
});

void test('with the command line the answer is sure: the role name decides, and the service comes from the command', () => {
  const text = cliError('InvalidClientTokenId', 'AttachRolePolicy');
  assert.deepEqual(brief(paste(text, 'aws iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::1:policy/p')), { action: 'iam:AttachRolePolicy', reason: 'role-name', likely: false, alsoPossible: [] });
  // On a Cloud9- role the rule allowed it, so the token itself was rejected.
  assert.equal(paste(text, 'aws iam attach-role-policy --role-name Cloud9-app --policy-arn arn:aws:iam::1:policy/p').reason, 'token-rejected');
  assert.equal(paste(text, 'aws iam attach-role-policy --role-name hoge_role --policy-arn p --profile c9_work').reason, 'not-amtc');
  // The Go SDK names the service itself (terraform output): no guess.
  const go = 'Error: creating IAM User (demo): operation error IAM: CreateUser, https response error StatusCode: 403, RequestID: x, api error InvalidClientTokenId: The security token included in the request is invalid.';
  assert.deepEqual(brief(paste(go)), { action: 'iam:CreateUser', reason: 'unsupported-action', likely: false, alsoPossible: [] });
});

void test('`amtc-guard explain` with only the error text: likely rule first, rarer causes after, in English and Japanese', () => {
  const { home } = writeHome(tempDir(), { credentials: amtcFile(Date.now() + 5 * 60_000) });
  const run = (args: string[], input: string, env: Record<string, string> = {}) => runCliSync(['explain', ...args], { HOME: home, ...env }, input);
  const text = cliError('InvalidClientTokenId', 'CreateUser');
  const json = JSON.parse(run(['--json'], text).stdout) as Record<string, unknown>;
  assert.equal(json.action, 'iam:CreateUser');
  assert.equal(json.reason, 'unsupported-action');
  assert.equal(json.likely, true);
  assert.deepEqual(json.alsoPossible, ['token-rejected']);
  const human = run([], text);
  assert.equal(human.code, 1, 'AMTC is the likely cause');
  const lines = human.stdout.split('\n');
  assert.match(lines[0]!, /^Most likely: AMTC does not allow iam:CreateUser/);
  assert.match(lines[1]!, /^Less likely: .*IP address/);
  assert.match(human.stdout, /--command/);
  const ja = run([], cliError('InvalidClientTokenId', 'AttachRolePolicy'), { LANG: 'ja_JP.UTF-8' });
  assert.match(ja.stdout.split('\n')[0]!, /^最も可能性が高い原因: AMTC で iam:AttachRolePolicy を実行できるのは/);
  assert.match(ja.stdout.split('\n')[1]!, /^可能性は低いが考えられる原因: .*IP アドレス/);
  // With the command line, no guess and no "most likely".
  const sure = run(['--command', 'aws iam create-user --user-name demo'], text);
  assert.match(sure.stdout, /^AMTC does not allow iam:CreateUser/);
  assert.doesNotMatch(sure.stdout, /Less likely/);
});
