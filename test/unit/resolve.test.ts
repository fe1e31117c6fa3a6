// Which files and which profile: our answer against the real AWS CLI v2's `aws configure list`.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { expandPath, resolvePaths } from '../../src/core/credentials/resolve';
import { tempDir, ROOT } from './helpers';

const AWS = '/usr/bin/aws';
const CLI = path.join(ROOT, 'dist', 'cli.js');

void test('paths: env overrides, ~ and $VAR expansion, relative to nothing else', () => {
  const home = '/home/u';
  assert.deepEqual(resolvePaths({}, home), { credentialsFile: '/home/u/.aws/credentials', configFile: '/home/u/.aws/config' });
  assert.deepEqual(resolvePaths({ AWS_SHARED_CREDENTIALS_FILE: '~/c', AWS_CONFIG_FILE: '$X/conf', X: '/etc/x' }, home), { credentialsFile: '/home/u/c', configFile: '/etc/x/conf' });
  assert.equal(expandPath('${NOPE}/a', {}, home), '${NOPE}/a');
  assert.deepEqual(resolvePaths({ AWS_CONFIG_FILE: '/env/config' }, home, { configFile: '/setting/config' }).configFile, '/setting/config');
});

interface EnvCase {
  name: string;
  env: Record<string, string>;
}

void test('status --json picks the same profile and key as `aws configure list`', { skip: !existsSync(AWS) && 'AWS CLI v2 not installed' }, () => {
  assert.ok(existsSync(CLI), 'run npm run build first');
  const home = tempDir();
  mkdirSync(path.join(home, '.aws'));
  mkdirSync(path.join(home, 'alt'));
  writeFileSync(path.join(home, '.aws', 'credentials'), '[default]\naws_access_key_id = AKIADEFAULTKEY00DEF1\naws_secret_access_key = s\n[c9]\naws_access_key_id = AKIACREDSFILEKEY00C9\naws_secret_access_key = s\n');
  writeFileSync(path.join(home, '.aws', 'config'), '[profile work]\naws_access_key_id = AKIACONFIGFILEKWORK\naws_secret_access_key = s\n[profile c9]\naws_access_key_id = AKIAIGNOREDBYCREDS01\naws_secret_access_key = s\n');
  writeFileSync(path.join(home, 'alt', 'creds'), '[default]\naws_access_key_id = AKIAALTERNATEFILEALT\naws_secret_access_key = s\n');
  const cases: EnvCase[] = [
    { name: 'nothing set', env: {} },
    { name: 'AWS_PROFILE', env: { AWS_PROFILE: 'work' } },
    { name: 'AWS_DEFAULT_PROFILE', env: { AWS_DEFAULT_PROFILE: 'work' } },
    { name: 'AWS_PROFILE beats AWS_DEFAULT_PROFILE', env: { AWS_PROFILE: 'default', AWS_DEFAULT_PROFILE: 'work' } },
    { name: 'credentials file beats config for one profile', env: { AWS_PROFILE: 'c9' } },
    { name: 'env keys beat AWS_PROFILE', env: { AWS_PROFILE: 'work', AWS_ACCESS_KEY_ID: 'AKIAENVIRONMENTKENV1', AWS_SECRET_ACCESS_KEY: 's' } },
    { name: 'AWS_SHARED_CREDENTIALS_FILE with ~', env: { AWS_SHARED_CREDENTIALS_FILE: '~/alt/creds' } },
    { name: 'profile that does not exist', env: { AWS_PROFILE: 'ghost' } },
    { name: 'empty AWS_PROFILE names the profile "", which the CLI cannot find', env: { AWS_PROFILE: '' } },
  ];
  for (const c of cases) {
    const env = { PATH: process.env.PATH ?? '', HOME: home, AWS_EC2_METADATA_DISABLED: 'true', ...c.env };
    const run = spawnSync(AWS, ['configure', 'list'], { env, encoding: 'utf8' });
    const ours = JSON.parse(spawnSync(process.execPath, [CLI, 'status', '--json'], { env }).stdout.toString()) as {
      activeProfile: string;
      source: { kind: string | null; keyId: string };
      problems: { code: string; detail?: string }[];
    };
    if (run.status !== 0) {
      // The CLI refuses the profile: we must say so instead of pretending a source exists.
      const missing = /The config profile \((.*)\) could not be found/.exec(run.stderr);
      assert.ok(missing, `${c.name}: ${run.stderr}`);
      assert.equal(ours.source.kind, null, c.name);
      assert.deepEqual(ours.problems.find((p) => p.code === 'profile-not-found')?.detail, missing[1], c.name);
      continue;
    }
    const aws = run.stdout;
    const awsProfile = /^\s*profile\s+(\S+)/m.exec(aws)![1]!;
    const awsKey = /^\s*access_key\s+\*+(\w{4})\s+(\S+)/m.exec(aws)!;
    assert.equal(ours.activeProfile, awsProfile === '<not' ? 'default' : awsProfile, c.name);
    assert.equal(ours.source?.keyId.slice(-4), awsKey[1], `${c.name}: key`);
    assert.equal(ours.source?.kind, awsKey[2], `${c.name}: source type`);
  }
});
