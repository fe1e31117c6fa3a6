import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { applyCommandLine, knownValues, ShellCredentialEnv, shellEnvFrom, unknownVars } from '../../src/core/terminal/shellEnv';

const withProfile = shellEnvFrom({ AWS_PROFILE: 'c9_work' });
const empty = shellEnvFrom({});

/** The environment after each line in turn (exit code 0 unless given). */
function after(start: ShellCredentialEnv, ...lines: (string | [string, number | undefined])[]): ShellCredentialEnv {
  let env = start;
  for (const l of lines) {
    const [line, exit] = typeof l === 'string' ? [l, 0] : l;
    env = applyCommandLine(env, line, exit).after;
  }
  return env;
}

void test('unset and export change what later commands get; the others are kept', () => {
  assert.equal(knownValues(after(withProfile, 'unset AWS_PROFILE')).AWS_PROFILE, undefined);
  assert.deepEqual(unknownVars(after(withProfile, 'unset AWS_PROFILE')), []);
  assert.equal(knownValues(after(empty, 'export AWS_PROFILE=dev')).AWS_PROFILE, 'dev');
  assert.equal(knownValues(after(empty, 'export AWS_DEFAULT_PROFILE=dev')).AWS_DEFAULT_PROFILE, 'dev');
  assert.equal(knownValues(after(empty, 'export AWS_ACCESS_KEY_ID=AKIAEXAMPLE AWS_SECRET_ACCESS_KEY=s')).AWS_ACCESS_KEY_ID, 'AKIAEXAMPLE');
  assert.equal(knownValues(after(withProfile, 'unset -v AWS_PROFILE AWS_DEFAULT_PROFILE')).AWS_PROFILE, undefined);
  assert.equal(knownValues(after(withProfile, 'unset -f AWS_PROFILE')).AWS_PROFILE, 'c9_work', 'unset -f removes a function');
  assert.equal(knownValues(after(withProfile, 'ls -la', 'echo $AWS_PROFILE')).AWS_PROFILE, 'c9_work');
  assert.equal(knownValues(after(withProfile, 'unset AWS_PROFILE', 'export AWS_PROFILE=other')).AWS_PROFILE, 'other');
});

void test('quoting: single and double quotes give the literal value; an expansion is unknown', () => {
  assert.equal(knownValues(after(empty, "export AWS_PROFILE='my profile'")).AWS_PROFILE, 'my profile');
  assert.equal(knownValues(after(empty, 'export AWS_PROFILE="dev"')).AWS_PROFILE, 'dev');
  assert.equal(knownValues(after(empty, 'export AWS_PROFILE=de\\v')).AWS_PROFILE, 'dev');
  for (const line of ['export AWS_PROFILE=$NEXT', 'export AWS_PROFILE="${NEXT}"', 'export AWS_PROFILE=$(cat f)', 'export AWS_PROFILE=`cat f`']) {
    assert.deepEqual(unknownVars(after(withProfile, line)), ['AWS_PROFILE'], line);
  }
});

void test('chains: `;` always runs, `&&` ran when the line succeeded, `||` and failed chains are unknown', () => {
  assert.equal(knownValues(after(withProfile, 'cd /tmp; unset AWS_PROFILE')).AWS_PROFILE, undefined);
  assert.equal(knownValues(after(withProfile, 'cd /tmp && unset AWS_PROFILE')).AWS_PROFILE, undefined);
  assert.deepEqual(unknownVars(after(withProfile, ['cd /nope && unset AWS_PROFILE', 1])), ['AWS_PROFILE']);
  assert.deepEqual(unknownVars(after(withProfile, ['cd /tmp && unset AWS_PROFILE', undefined])), ['AWS_PROFILE'], 'no exit code: not known whether it ran');
  assert.deepEqual(unknownVars(after(withProfile, 'test -f x || export AWS_PROFILE=dev')), ['AWS_PROFILE']);
  assert.deepEqual(unknownVars(after(withProfile, 'echo | export AWS_PROFILE=dev')), ['AWS_PROFILE'], 'a pipeline runs in a subshell');
  assert.deepEqual(unknownVars(after(withProfile, 'export AWS_PROFILE=dev &')), ['AWS_PROFILE']);
});

void test('a NAME=value prefix applies to its one command; a plain assignment changes only an exported variable', () => {
  assert.equal(knownValues(after(withProfile, 'AWS_PROFILE=dev aws sts get-caller-identity')).AWS_PROFILE, 'c9_work');
  assert.equal(knownValues(after(withProfile, 'AWS_PROFILE=dev')).AWS_PROFILE, 'dev', 'already exported: the new value is exported');
  assert.equal(knownValues(after(empty, 'AWS_PROFILE=dev')).AWS_PROFILE, undefined, 'not exported: children do not see it');
  assert.deepEqual(unknownVars(after(empty, 'AWS_PROFILE=dev', 'export AWS_PROFILE')), ['AWS_PROFILE'], 'exporting a shell variable whose value was not followed');
});

void test('shapes not understood make the variables they may touch unknown, not guessed', () => {
  assert.deepEqual(unknownVars(after(withProfile, 'source ~/.profile')).length, 5, 'a sourced file may set any of them');
  assert.deepEqual(unknownVars(after(withProfile, '. ./env.sh')).length, 5);
  assert.deepEqual(unknownVars(after(withProfile, 'eval "$(aws configure export-credentials --format env)"')).length, 5);
  assert.deepEqual(unknownVars(after(withProfile, 'read AWS_PROFILE')).length, 5);
  assert.deepEqual(unknownVars(after(withProfile, '(export AWS_PROFILE=dev)')), ['AWS_PROFILE']);
  assert.deepEqual(unknownVars(after(withProfile, 'if true; then unset AWS_PROFILE; fi')), ['AWS_PROFILE']);
  assert.deepEqual(unknownVars(after(withProfile, 'export -n AWS_PROFILE')), ['AWS_PROFILE']);
  assert.deepEqual(unknownVars(after(withProfile, 'AWS_PROFILE+=x')), ['AWS_PROFILE']);
  assert.deepEqual(unknownVars(after(withProfile, 'for p in a b; do echo $p; done')), [], 'a loop that names no credential variable');
  assert.deepEqual(unknownVars(after(withProfile, 'aws iam create-role --assume-role-policy-document \'{"a":1}\'')), []);
});

void test('the environment the AWS command started with: the line\'s own changes before it count, later ones do not', () => {
  const at = (line: string, exit = 254): string | undefined => knownValues(applyCommandLine(withProfile, line, exit).atCommand).AWS_PROFILE;
  assert.equal(at('unset AWS_PROFILE; aws iam create-user --user-name x'), undefined);
  assert.equal(at('unset AWS_PROFILE && /usr/bin/aws iam create-user --user-name x', 254), undefined, 'aws ran, so the unset before it ran');
  assert.equal(at('aws iam create-user --user-name x; unset AWS_PROFILE'), 'c9_work');
  assert.equal(at('ls'), 'c9_work', 'no AWS command: the environment before the line');
  const effect = applyCommandLine(withProfile, 'unset AWS_PROFILE; aws sts get-caller-identity', 0);
  assert.equal(knownValues(effect.after).AWS_PROFILE, undefined);
});
