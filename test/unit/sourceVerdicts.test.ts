// Issue 14 item 5: a denial judged from the source the command really used. An SSO session that ended
// is that source's fault (Sign in again), never AMTC's; a role assumed with AMTC's keys is AMTC's
// sts:AssumeRole rule. Statuses come from real files in a temp home, through the chain.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { judge, statusContext, worthTelling } from '../../src/core/amtc/verdict';
import { findLastError } from '../../src/core/terminal/scan';
import { chainStatus, writeHome, writeSsoToken } from '../tools/chainHome';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';

const SSO_CONFIG = '[default]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\nregion = us-east-1\n\n[sso-session corp]\nsso_start_url = https://d-9067c0ffee.awsapps.com/start\nsso_region = us-east-1\n\n[profile mine]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n';
const SSO_EXPIRED = '\nError when retrieving token from sso: Token has expired and refresh failed\n';
const NO_IMDS = { AWS_EC2_METADATA_DISABLED: 'true' };

async function ssoHome(expiresAt: number): Promise<{ home: string; status: Awaited<ReturnType<typeof chainStatus>> }> {
  const home = tempDir();
  writeHome(home, { config: SSO_CONFIG });
  writeSsoToken(home, 'corp', expiresAt);
  return { home, status: await chainStatus(home, NO_IMDS) };
}

void test('an SSO session that ended: the source fails, Sign in again, never an AMTC blame', async () => {
  const { status } = await ssoHome(Date.now() - 60_000);
  assert.equal(status.source.kind, 'sso');
  assert.equal(status.source.works, 'fails');
  // The CLI's own message, and a service error the SDK of another tool might print instead.
  for (const output of [SSO_EXPIRED, '\nAn error occurred (UnrecognizedClientException) when calling the ListBuckets operation: The security token included in the request is invalid.\n']) {
    const v = judge({ error: findLastError(output), commandLine: 'aws s3 ls', exitCode: 255, ...statusContext(status) });
    assert.equal(v.reason, 'source-fails', output);
    assert.equal(v.amtc, false);
    assert.ok(worthTelling(v));
    assert.deepEqual(v.fixes, ['sign-in', 'show-status']);
    assert.equal(v.source?.problem, 'sso-token-expired');
    assert.equal(v.source?.signInProfile, 'default');
  }
});

void test('the same failing source is not blamed for what it did not do', async () => {
  const { status } = await ssoHome(Date.now() - 60_000);
  const ctx = statusContext(status);
  // Another profile on the line: its own credentials were used.
  assert.notEqual(judge({ error: findLastError(SSO_EXPIRED), commandLine: 'aws s3 ls --profile mine', exitCode: 255, ...ctx }).reason, 'source-fails');
  // Not an AWS command and no AWS error: nothing to say.
  assert.equal(judge({ error: undefined, commandLine: 'ls /nope', exitCode: 2, ...ctx }).reason, 'none');
  // A command that succeeded.
  assert.equal(judge({ error: undefined, commandLine: 'aws s3 ls', exitCode: 0, ...ctx }).reason, 'none');
  // A valid session: an ordinary AccessDenied stays the identity's own.
  const valid = await ssoHome(Date.now() + 3_600_000);
  const v = judge({ error: findLastError('\nAn error occurred (AccessDenied) when calling the ListBuckets operation: Access Denied\n'), commandLine: 'aws s3 ls', exitCode: 254, ...statusContext(valid.status) });
  assert.equal(v.reason, 'not-amtc');
});

void test('a role assumed with AMTC keys: the AMTC sts:AssumeRole rule, whatever the error says', async () => {
  const home = tempDir();
  writeHome(home, {
    credentials: amtcFile(Date.now() + 4 * 60_000),
    credentialsAgeMin: 1,
    config: '[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\nsource_profile = default\n',
  });
  const status = await chainStatus(home, { ...NO_IMDS, AWS_PROFILE: 'deploy' });
  assert.equal(status.source.problem, 'amtc-assume-role');
  const error = findLastError('\nAn error occurred (InvalidClientTokenId) when calling the AssumeRole operation: The security token included in the request is invalid.\n');
  const v = judge({ error, commandLine: 'aws s3 ls', exitCode: 254, ...statusContext(status) });
  assert.equal(v.reason, 'unsupported-action');
  assert.equal(v.action, 'sts:AssumeRole');
  assert.equal(v.amtc, true);
});

void test('amtc-guard explain --hint names the failed source in one line; --json carries it', async () => {
  const { home } = await ssoHome(Date.now() - 60_000);
  const run = (args: string[]) => spawnSync(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'explain', '--command', 'aws s3 ls', '--exit-code', '255', ...args], { input: SSO_EXPIRED, env: { PATH: process.env.PATH ?? '', HOME: home, ...NO_IMDS }, encoding: 'utf8' });
  const hint = run(['--hint']);
  assert.equal(hint.status, 0);
  assert.match(hint.stdout, /^amtc-guard: Not caused by AMTC: the IAM Identity Center \(SSO\) the command used fails: the IAM Identity Center session has expired; sign in again: aws sso login --profile default\.\n$/);
  const json = JSON.parse(run(['--json']).stdout) as { reason: string; amtc: boolean; source: { kind: string; problem: string } };
  assert.deepEqual([json.reason, json.amtc, json.source.kind, json.source.problem], ['source-fails', false, 'sso', 'sso-token-expired']);
});
