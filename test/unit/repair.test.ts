// Repair, starting from the very edit the seed article made: `aws configure set … --profile c9_work`
// with the real AWS CLI, which writes the keys into Cloud9's managed file.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { planRepair } from '../../src/core/profiles/repair';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';
import { AwsHome, writeHome } from '../tools/chainHome';

const AWS = '/usr/bin/aws';
const CLI = path.join(ROOT, 'dist', 'cli.js');

function setup(): AwsHome & { cloud9: string } {
  const cloud9 = amtcFile(Date.now() + 300_000);
  return { ...writeHome(tempDir(), { credentials: cloud9 }), cloud9 };
}

const run = (cmd: string, args: string[], home: string) => spawnSync(cmd, args, { env: { PATH: process.env.PATH ?? '', HOME: home }, encoding: 'utf8' });
const stateOf = (home: string): string => (JSON.parse(run(process.execPath, [CLI, 'status', '--json'], home).stdout) as { state: string }).state;

void test('after `aws configure --profile c9_work`, repair restores Cloud9\'s bytes and the profile keeps working', { skip: !existsSync(AWS) && 'AWS CLI v2 not installed' }, () => {
  const h = setup();
  for (const [k, v] of [['aws_access_key_id', 'AKIAIOSFODNN7EXAMPLE'], ['aws_secret_access_key', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'], ['region', 'ap-northeast-1'], ['output', 'json']] as const) {
    assert.equal(run(AWS, ['configure', 'set', k, v, '--profile', 'c9_work'], h.home).status, 0);
  }
  assert.notEqual(readFileSync(h.credentials, 'utf8'), h.cloud9, 'the real CLI edited the managed file');
  assert.equal(stateOf(h.home), 'modified');

  const r = run(process.execPath, [CLI, 'repair'], h.home);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /moved "c9_work"/);
  assert.equal(readFileSync(h.credentials, 'utf8'), h.cloud9, 'the managed file is back to exactly what Cloud9 wrote');
  assert.equal(stateOf(h.home), 'managed');
  const list = run(AWS, ['configure', 'list', '--profile', 'c9_work'], h.home).stdout;
  assert.match(list, /access_key\s+\*+MPLE\s+config-file/, list);
  assert.match(list, /region\s+ap-northeast-1\s+config-file/, list);
  const config = readFileSync(h.config, 'utf8');
  assert.equal(config.match(/\[profile c9_work\]/g)?.length, 1, 'keys joined the section aws configure made; no duplicate');
  const again = run(process.execPath, [CLI, 'repair'], h.home);
  assert.equal(again.status, 0, 'a second repair has nothing to do, which is success');
  assert.equal(again.stdout, `Nothing to repair: ${h.credentials} is as Cloud9 wrote it.\n`);
});

void test('a key that differs between the files is a clash: nothing changes until the user prefers one side', () => {
  const h = setup();
  writeFileSync(h.credentials, `${h.cloud9}\n[c9_work]\naws_access_key_id = AKIACREDENTIALSFILE1\naws_secret_access_key = s\n`);
  writeFileSync(h.config, '# mine\n[profile c9_work]\naws_access_key_id = AKIACONFIGFILEKEY001\nregion = us-east-1\n');
  const credsBefore = readFileSync(h.credentials, 'utf8');
  const configBefore = readFileSync(h.config, 'utf8');
  const r = run(process.execPath, [CLI, 'repair'], h.home);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /c9_work\.aws_access_key_id differ/);
  assert.equal(readFileSync(h.credentials, 'utf8'), credsBefore);
  assert.equal(readFileSync(h.config, 'utf8'), configBefore);
  const preferred = run(process.execPath, [CLI, 'repair', '--prefer', 'credentials'], h.home);
  assert.equal(preferred.status, 0, preferred.stderr);
  assert.equal(readFileSync(h.credentials, 'utf8'), h.cloud9);
  assert.match(readFileSync(h.config, 'utf8'), /^# mine\n\[profile c9_work\]\naws_access_key_id = AKIACREDENTIALSFILE1\nregion = us-east-1\naws_secret_access_key = s\n$/);
});

void test('plan: extra keys in [default], comments and nested blocks move; odd names stay; CRLF kept', () => {
  const cloud9 = amtcFile(0, { eol: '\r\n' });
  const modified = cloud9.replace('region=us-east-1\r\n', 'region=us-east-1\r\noutput = json\r\n# my note\r\n') + '\r\n[dev]\r\n# deploy user\r\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\r\ns3 =\r\n  addressing_style = path\r\n\r\n[my profile]\r\nregion = x\r\n';
  const plan = planRepair(modified, '');
  assert.ok(typeof plan !== 'string');
  assert.deepEqual(plan.moves, ['default', 'dev']);
  assert.deepEqual(plan.unmovable, ['my profile']);
  assert.equal(plan.newCredentials, `${cloud9}[my profile]\r\nregion = x\r\n`, 'only the unmovable section stays');
  assert.match(plan.newConfig, /^\[default\]\noutput = json\n/);
  assert.equal(plan.newConfig, '[default]\noutput = json\n\n[profile dev]\n# deploy user\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\ns3 =\n  addressing_style = path\n', 'comments and nested blocks move, in the config file\'s line breaks');
  const intoCrlf = planRepair(modified, '# team\r\n');
  assert.ok(typeof intoCrlf !== 'string' && intoCrlf.newConfig.startsWith('# team\r\n') && !/[^\r]\n/.test(intoCrlf.newConfig), 'a CRLF config stays CRLF');
  assert.equal(planRepair('[default]\naws_access_key_id = AKIA\n', ''), 'not-managed');
  assert.equal(planRepair(cloud9, ''), 'nothing-to-repair');
});
