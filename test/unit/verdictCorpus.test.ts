// Every reason of SPEC §4 from real AWS CLI v2 output: /usr/bin/aws runs against a loopback fake
// endpoint, and what it prints (stderr, exit code) goes through the scanner and the verdict.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { judge, Reason } from '../../src/core/amtc/verdict';
import { CredentialState } from '../../src/core/amtc/state';
import { findLastError } from '../../src/core/terminal/scan';
import { FakeAnswer, FakeAws, startFakeAws, TOKEN_INVALID } from '../tools/fakeAws';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';

const AWS = '/usr/bin/aws';
const skip = !existsSync(AWS) && 'AWS CLI v2 not installed';

interface Case {
  name: string;
  /** Arguments after `aws`, without --endpoint-url. */
  args: string;
  /** Environment prefix as typed on the command line. */
  prefix?: Record<string, string>;
  answer: FakeAnswer;
  state?: CredentialState;
  reason: Reason;
  action?: string;
}

const denied: FakeAnswer = { ok: false, code: 'InvalidClientTokenId', message: TOKEN_INVALID };
const CASES: Case[] = [
  { name: 'iam:CreateUser is outside the allow-list', args: 'iam create-user --user-name demo', answer: denied, reason: 'unsupported-action', action: 'iam:CreateUser' },
  { name: 'the seed: AttachRolePolicy on hoge_role', args: 'iam attach-role-policy --role-name hoge_role --policy-arn arn:aws:iam::123456789012:policy/p', answer: denied, reason: 'role-name', action: 'iam:AttachRolePolicy' },
  { name: 'AttachRolePolicy on a Cloud9- role succeeds', args: 'iam attach-role-policy --role-name Cloud9-app --policy-arn arn:aws:iam::123456789012:policy/p', answer: { ok: true }, reason: 'none' },
  { name: 'sts:AssumeRole is denied', args: 'sts assume-role --role-arn arn:aws:iam::123456789012:role/r --role-session-name sess', answer: denied, reason: 'unsupported-action', action: 'sts:AssumeRole' },
  { name: 'a token error for an allowed action: rejected (IP restriction)', args: 'sts get-caller-identity', answer: denied, reason: 'token-rejected', action: 'sts:GetCallerIdentity' },
  { name: 'ExpiredToken', args: 'sts get-caller-identity', answer: { ok: false, code: 'ExpiredToken', message: 'The security token included in the request is expired' }, reason: 'expired', action: 'sts:GetCallerIdentity' },
  { name: 'token error while the state is expired', args: 'iam get-user', answer: denied, state: 'expired', reason: 'expired', action: 'iam:GetUser' },
  { name: 'JSON protocol: Cloud9 membership', args: 'cloud9 create-environment-membership --environment-id e --user-arn arn:aws:iam::123456789012:user/u --permissions read-only', answer: { ok: false, code: 'UnrecognizedClientException', message: TOKEN_INVALID }, reason: 'unsupported-action', action: 'cloud9:CreateEnvironmentMembership' },
  { name: 'EC2 AuthFailure is a token error, EC2 is not restricted', args: 'ec2 describe-instances', answer: { ok: false, code: 'AuthFailure', message: 'AWS was not able to validate the provided access credentials' }, reason: 'token-rejected', action: 'ec2:DescribeInstances' },
  { name: 'S3 AccessDenied is the principal policy, not AMTC', args: 's3api list-buckets', answer: { ok: false, code: 'AccessDenied', message: 'Access Denied' }, reason: 'not-amtc', action: 's3:ListBuckets' },
  { name: '--profile on the line', args: 'iam create-user --user-name demo --profile c9_work', answer: denied, reason: 'not-amtc', action: 'iam:CreateUser' },
  { name: 'AWS_PROFILE prefix', args: 'iam create-user --user-name demo', prefix: { AWS_PROFILE: 'c9_work' }, answer: denied, reason: 'not-amtc' },
  { name: 'state overridden in the terminal', args: 'iam create-user --user-name demo', answer: denied, state: 'overridden', reason: 'not-amtc' },
  { name: 'success', args: 'sts get-caller-identity', answer: { ok: true }, reason: 'none' },
];

let fake: FakeAws;
let home: string;
const answers = new Map<string, FakeAnswer>();
before(async () => {
  fake = await startFakeAws((call) => answers.get(call.keyId ?? '') ?? { ok: true });
  home = tempDir();
  mkdirSync(path.join(home, '.aws'));
  writeFileSync(path.join(home, '.aws', 'credentials'), amtcFile(Date.now() + 5 * 60_000));
  writeFileSync(path.join(home, '.aws', 'config'), '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\nregion = us-east-1\n');
});
after(() => fake?.close());

function runAws(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const p = spawn(AWS, args, { env: { PATH: process.env.PATH ?? '', HOME: home, AWS_PAGER: '', ...env } });
    let output = '';
    p.stdout.on('data', (b: Buffer) => (output += b.toString()));
    p.stderr.on('data', (b: Buffer) => (output += b.toString()));
    p.on('close', (code) => resolve({ code, output }));
  });
}

void test('real AWS CLI v2 output → verdict, for every reason', { skip }, async () => {
  // Each case signs with its own key so the fake can answer them in parallel.
  const runs = await Promise.all(CASES.map(async (c, i) => {
    const keyId = `ASIAFAKECASE${String(i).padStart(8, '0')}`;
    answers.set(keyId, c.answer);
    const env: Record<string, string> = { AWS_ACCESS_KEY_ID: keyId, AWS_SECRET_ACCESS_KEY: 's', AWS_SESSION_TOKEN: 't', AWS_DEFAULT_REGION: 'us-east-1' };
    if (c.args.includes('--profile') || c.prefix) {
      // Both profile cases are answered "denied" for the fallback key too.
      answers.set('AKIAEXAMPLEUSER00001', c.answer);
      Object.assign(env, { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_SESSION_TOKEN: '' }, c.prefix);
    }
    const args = [...c.args.split(' '), '--endpoint-url', fake.url];
    return { c, ...(await runAws(args, env)) };
  }));
  for (const { c, code, output } of runs) {
    const prefix = Object.entries(c.prefix ?? {}).map(([k, v]) => `${k}=${v} `).join('');
    const v = judge({ error: findLastError(output), commandLine: `${prefix}aws ${c.args}`, exitCode: code ?? undefined, state: c.state ?? 'managed' });
    assert.equal(v.reason, c.reason, `${c.name}: ${output}`);
    if (c.reason !== 'none') {
      assert.equal(code, 254, `${c.name}: the CLI exits 254 on a service error`);
      assert.equal(v.error?.code, (c.answer as { code: string }).code, c.name);
    }
    if (c.action) assert.equal(v.action, c.action, c.name);
    assert.equal(v.amtc, !['none', 'not-amtc'].includes(c.reason), c.name);
  }
  const signedWithProfile = fake.calls.filter((call) => call.keyId === 'AKIAEXAMPLEUSER00001');
  assert.equal(signedWithProfile.length, 2, 'the --profile and AWS_PROFILE cases signed with the fallback key');
});

void test('hand-written shapes: new CLI prefix, retries, Go SDK (Terraform), JS SDK (CDK), ANSI and CRLF', () => {
  const samples: [string, string, string, Reason, string | null][] = [
    ['aws iam create-user --user-name x', '\naws: [ERROR]: An error occurred (InvalidClientTokenId) when calling the CreateUser operation: The security token included in the request is invalid.\n', 'InvalidClientTokenId', 'unsupported-action', 'iam:CreateUser'],
    ['aws sts get-caller-identity', 'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation (reached max retries: 2): The security token included in the request is invalid\r\n', 'InvalidClientTokenId', 'token-rejected', 'sts:GetCallerIdentity'],
    ['terraform apply', '\x1b[31m│\x1b[0m \x1b[1m\x1b[31mError: \x1b[0mcreating IAM User (demo): operation error IAM: CreateUser, https response error StatusCode: 403, RequestID: 5c1f, api error InvalidClientTokenId: The security token included in the request is invalid.\x1b[0m\r\n', 'InvalidClientTokenId', 'unsupported-action', 'iam:CreateUser'],
    ['terraform apply', 'Error: attaching IAM Policy to IAM Role (hoge_role): operation error IAM: AttachRolePolicy, https response error StatusCode: 403, RequestID: 1, api error InvalidClientTokenId: The security token included in the request is invalid.\n', 'InvalidClientTokenId', 'role-name', 'iam:AttachRolePolicy'],
    ['npx cdk deploy', ' ❌  Deployment failed: InvalidClientTokenId: The security token included in the request is invalid.\n', 'InvalidClientTokenId', 'token-rejected', null],
    ['node deploy.js', 'ExpiredTokenException: The security token included in the request is expired\n    at throwDefaultError (node_modules/@smithy/smithy-client/dist-cjs/index.js:867:20)\n', 'ExpiredTokenException', 'expired', null],
    ['aws dynamodb list-tables', '\x1b]633;C\x07\r\nAn error occurred (UnrecognizedClientException) when calling the ListTables operation: The security token included in the request is invalid.\r\n', 'UnrecognizedClientException', 'token-rejected', 'dynamodb:ListTables'],
    ['sudo -E AWS_REGION=eu-west-1 aws iam create-access-key && echo done', 'An error occurred (InvalidClientTokenId) when calling the CreateAccessKey operation: The security token included in the request is invalid.', 'InvalidClientTokenId', 'unsupported-action', 'iam:CreateAccessKey'],
    ['aws s3 ls | grep x', 'An error occurred (InvalidAccessKeyId) when calling the ListBuckets operation: The AWS Access Key Id you provided does not exist in our records.', 'InvalidAccessKeyId', 'not-amtc', 's3:ListBuckets'],
    ['aws iam get-role --role-name Cloud9-x', 'An error occurred (NoSuchEntity) when calling the GetRole operation: The role with name Cloud9-x cannot be found.', 'NoSuchEntity', 'not-amtc', 'iam:GetRole'],
    ['echo hello', 'Error: something unrelated happened\n', '', 'none', null],
  ];
  for (const [line, output, code, reason, action] of samples) {
    const v = judge({ error: findLastError(output), commandLine: line, exitCode: 1, state: 'managed' });
    assert.equal(v.reason, reason, `${line}: ${JSON.stringify(v)}`);
    assert.equal(v.error?.code ?? '', code, line);
    assert.equal(v.action, action, line);
  }
});

void test('exit code 0 is never a denial, even with an error-looking line', () => {
  const v = judge({ error: findLastError('An error occurred (InvalidClientTokenId) when calling the CreateUser operation: x'), commandLine: 'aws iam create-user', exitCode: 0, state: 'managed' });
  assert.equal(v.reason, 'none');
});
