// Issue 13, items 8 and 9: when the status item shows (auto | always | never from the signs of
// Cloud9 and the problems), and the one rounding rule for minutes, on real statuses from real files.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { chainStatus, writeHome, writeSsoToken } from '../tools/chainHome';
import { readStable } from '../../src/core/files/read';
import { computeStatus, CredentialStatus } from '../../src/core/amtc/state';
import { minutesLeft, nextMinuteTick, wholeMinutesFrom } from '../../src/core/amtc/statusTimes';
import { c9Dir, cloud9Signs, hasC9Env, itemVisible } from '../../src/core/amtc/visibility';
import { stsEndpoint } from '../../src/core/aws/verify';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';

const NOW = Date.parse('2026-11-29T12:00:00Z');

async function statusOf(files: { credentials?: string; config?: string }, env: Record<string, string> = {}): Promise<CredentialStatus> {
  const home = tempDir();
  mkdirSync(path.join(home, '.aws'), { mode: 0o700 });
  const credentials = path.join(home, '.aws', 'credentials');
  const config = path.join(home, '.aws', 'config');
  if (files.credentials !== undefined) writeFileSync(credentials, files.credentials, { mode: 0o600 });
  if (files.config !== undefined) writeFileSync(config, files.config, { mode: 0o600 });
  return computeStatus({ env: { HOME: home, ...env }, credentials: await readStable(credentials), config: await readStable(config), now: NOW, lifetimeMs: 15 * 60_000 });
}

void test('auto: an empty home without Cloud9 shows nothing; always and never do what they say', async () => {
  const empty = await statusOf({});
  assert.equal(empty.state, 'missing');
  assert.deepEqual(cloud9Signs(empty, {}, false), []);
  assert.equal(itemVisible('auto', empty, [], NOW), false);
  assert.equal(itemVisible('always', empty, [], NOW), true);
  const own = await statusOf({ credentials: '[default]\naws_access_key_id = AKIAEXAMPLEOWN00001\naws_secret_access_key = s\n' });
  assert.equal(own.state, 'unmanaged');
  assert.equal(itemVisible('auto', own, cloud9Signs(own, { PATH: '/bin' }, false), NOW), false);
});

void test('auto: each sign of Cloud9 alone shows the item (managed header, C9_* variables, ~/.c9)', async () => {
  const managed = await statusOf({ credentials: amtcFile(NOW + 5 * 60_000) });
  assert.deepEqual(cloud9Signs(managed, {}, false), ['managed-header']);
  assert.equal(itemVisible('auto', managed, cloud9Signs(managed, {}, false), NOW), true);
  assert.equal(itemVisible('never', managed, cloud9Signs(managed, {}, false), NOW), false);
  const empty = await statusOf({});
  assert.deepEqual(cloud9Signs(empty, { C9_PID: 'env-1' }, false), ['c9-env']);
  assert.deepEqual(cloud9Signs(empty, {}, true), ['c9-dir']);
  assert.equal(hasC9Env({ C9_USER: '' }), false, 'an empty variable is no sign');
  assert.equal(c9Dir('/home/ec2-user'), '/home/ec2-user/.c9');
});

void test('auto: a problem worth attention shows the item off Cloud9 (unparsable file, missing profile)', async () => {
  const broken = await statusOf({ config: '[profile a]\nx = 1\n[profile a]\n' });
  assert.ok(broken.problems.some((p) => p.code === 'cli-cannot-parse'));
  assert.equal(itemVisible('auto', broken, [], NOW), true);
  const missingProfile = await statusOf({}, { AWS_PROFILE: 'nope' });
  assert.ok(missingProfile.problems.some((p) => p.code === 'profile-not-found'));
  assert.equal(itemVisible('auto', missingProfile, [], NOW), true);
});

void test('auto: a source that fails or ends within ten minutes shows the item off Cloud9; a healthy one does not', async () => {
  const home = tempDir();
  writeHome(home, { config: '[default]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n\n[sso-session corp]\nsso_start_url = https://d-9067c0ffee.awsapps.com/start\nsso_region = us-east-1\n' });
  const env = { AWS_EC2_METADATA_DISABLED: 'true' };
  for (const [leftMs, shown] of [[-60_000, true], [5 * 60_000, true], [3 * 3_600_000, false]] as const) {
    writeSsoToken(home, 'corp', Date.now() + leftMs);
    const s = await chainStatus(home, env);
    assert.equal(s.source.kind, 'sso');
    assert.equal(itemVisible('auto', s, [], Date.now()), shown, `SSO session ${leftMs / 60_000} min from its end`);
  }
});

void test('minutes: one rule for the item, the tooltip and the timer (ahead rounds up, passed rounds down)', () => {
  for (const ms of [1, 59_999, 60_000, 60_001, 14 * 60_000 + 1, 15 * 60_000]) {
    assert.equal(wholeMinutesFrom(NOW, NOW + ms), minutesLeft(NOW + ms, NOW), `${ms} ms ahead`);
    // The countdown's number changes exactly when the timer fires.
    const tick = nextMinuteTick(NOW + ms, NOW);
    assert.equal(wholeMinutesFrom(tick, NOW + ms), minutesLeft(NOW + ms, NOW) - 1, `${ms} ms: next tick`);
  }
  assert.equal(wholeMinutesFrom(NOW, NOW), 0);
  assert.equal(wholeMinutesFrom(NOW, NOW - 59_999), 0);
  assert.equal(wholeMinutesFrom(NOW, NOW - 60_000), -1);
  assert.equal(wholeMinutesFrom(NOW, NOW - 150_000), -2);
});

void test('Verify names the endpoint it tried: the setting, else the regional STS endpoint', () => {
  assert.equal(stsEndpoint({ region: 'ap-northeast-1' }), 'https://sts.ap-northeast-1.amazonaws.com');
  assert.equal(stsEndpoint({}), 'https://sts.us-east-1.amazonaws.com');
  assert.equal(stsEndpoint({ endpoint: 'http://127.0.0.1:9', region: 'eu-west-1' }), 'http://127.0.0.1:9');
});
