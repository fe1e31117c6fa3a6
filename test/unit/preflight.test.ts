import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { ignoreEdit, preflight } from '../../src/core/amtc/preflight';

void test('finds the aws lines AMTC will deny, with the rule, in scripts, Makefiles and buildspec.yml', () => {
  const script = [
    '#!/bin/bash',
    '# aws iam create-user in a comment is not a command',
    'aws iam create-user --user-name deploy',
    'aws iam attach-role-policy --role-name hoge_role \\',
    '  --policy-arn arn:aws:iam::123456789012:policy/p',
    'aws iam attach-role-policy --role-name Cloud9-app --policy-arn x',
    'aws s3 ls',
    'aws sts assume-role --role-arn arn:aws:iam::1:role/r --role-session-name s --profile c9_work',
    'AWS_PROFILE=c9_work aws iam create-user --user-name x',
    'if true; then aws sts get-session-token; fi',
  ].join('\n');
  const found = preflight(script);
  assert.deepEqual(found.map((f) => [f.line, f.action, f.reason, f.roleName]), [
    [2, 'iam:CreateUser', 'unsupported-action', null],
    [3, 'iam:AttachRolePolicy', 'role-name', 'hoge_role'],
    [9, 'sts:GetSessionToken', 'unsupported-action', null],
  ]);
  assert.equal(script.split('\n')[9]!.slice(found[2]!.awsStart, found[2]!.awsEnd), 'aws');
  const buildspec = 'phases:\n  build:\n    commands:\n      - aws cloud9 create-environment-membership --environment-id e --user-arn u --permissions read-only\n      - "aws cloud9 describe-environments"\n';
  assert.deepEqual(preflight(buildspec).map((f) => [f.line, f.action]), [[3, 'cloud9:CreateEnvironmentMembership']]);
  const makefile = 'deploy:\n\taws iam create-access-key --user-name ci\n';
  assert.deepEqual(preflight(makefile).map((f) => [f.line, f.action]), [[1, 'iam:CreateAccessKey']]);
});

void test('"# amtc-guard: ignore" at the end of a line or alone on the line above silences that command only', () => {
  const script = [
    'aws iam create-user --user-name a # amtc-guard: ignore',
    'aws iam create-user --user-name b',
    '# amtc-guard: ignore',
    'aws iam attach-role-policy --role-name hoge_role \\',
    '  --policy-arn x',
    'aws iam create-user --user-name c #amtc-guard:ignore',
    'aws iam create-user --user-name "# amtc-guard: ignore is only a comment at the end" --path /',
    '# amtc-guard: ignore, because …',
    'aws sts get-session-token',
  ].join('\n');
  assert.deepEqual(preflight(script).map((f) => f.line), [1, 6, 8]);
  const buildspec = 'phases:\n  build:\n    commands:\n      - aws iam create-user --user-name ci # amtc-guard: ignore\n      # amtc-guard: ignore\n      - aws sts get-session-token\n';
  assert.deepEqual(preflight(buildspec), []);
  assert.deepEqual(preflight('deploy:\n\taws iam create-access-key --user-name ci # amtc-guard: ignore\n'), []);
});

void test('the ignore comment goes where it cannot break the command, and the result is then ignored', () => {
  const cases: [string, string][] = [
    ['aws iam create-user --user-name a', 'aws iam create-user --user-name a # amtc-guard: ignore'],
    ['aws iam create-user --user-name a ', 'aws iam create-user --user-name a # amtc-guard: ignore'],
    ['  aws iam attach-role-policy --role-name r \\\n    --policy-arn x', '  # amtc-guard: ignore\n  aws iam attach-role-policy --role-name r \\\n    --policy-arn x'],
    ['\taws iam create-access-key --user-name ci \\\n\t  --output json', '\t# amtc-guard: ignore\n\taws iam create-access-key --user-name ci \\\n\t  --output json'],
  ];
  for (const [before, after] of cases) {
    const [first, ...rest] = before.split('\n');
    assert.equal(preflight(before).length, 1, before);
    const e = ignoreEdit(first!);
    const edited = [e.atEnd ? first + e.text : e.text + first, ...rest].join('\n');
    assert.equal(edited, after);
    assert.deepEqual(preflight(edited), [], after);
  }
});
