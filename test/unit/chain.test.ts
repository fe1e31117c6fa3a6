// The credential chain on real files in a private home: order, stop rules, caches as the CLI writes
// them, endpoints through the loopback fakes, and bad input (bounded, one problem code, no crash).
// What the real CLI does in the same situations is asserted in chainCli.test.ts.
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import type { CredentialStatus } from '../../src/core/amtc/state';
import { ssoTokenPath } from '../../src/core/credentials/cacheFiles';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';
import { chainStatus, SSO_DEV_CONFIG, writeHome, writeRoleCache, writeSsoRoleCache, writeSsoToken } from '../tools/chainHome';
import { FakeImds, FakeImdsOptions, startFakeImds } from '../tools/fakeImds';
import { startFakeContainer } from '../tools/fakeContainer';

const MIN = 60_000;
const NOW = Date.now();
const OFF = { AWS_EC2_METADATA_DISABLED: 'true' };
const KEYS = '[default]\naws_access_key_id = AKIAEXAMPLEKEY000001\naws_secret_access_key = s\n';
const fakes: { close(): Promise<void> }[] = [];
after(() => Promise.all(fakes.map((f) => f.close())));

async function imds(o: FakeImdsOptions = {}): Promise<FakeImds> {
  const f = await startFakeImds(o);
  fakes.push(f);
  return f;
}

const brief = (s: CredentialStatus): [string | null, string, string | null] => [s.source.kind, s.source.works, s.source.problem];

const SSO_CONFIG = `${SSO_DEV_CONFIG}[profile legacy]
sso_start_url = https://d-9067c0ffee.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = ReadOnly
`;

void test('env keys come first; AWS_PROFILE does not drop them, --profile does', async () => {
  const home = tempDir();
  writeHome(home, { config: SSO_CONFIG });
  const env = { ...OFF, AWS_ACCESS_KEY_ID: 'AKIAENVKEY000000XMP1', AWS_SECRET_ACCESS_KEY: 's' };
  assert.deepEqual(brief(await chainStatus(home, { ...env, AWS_PROFILE: 'dev' })), ['env', 'unchecked', null]);
  assert.deepEqual(brief(await chainStatus(home, env, { profile: 'dev' })), ['sso', 'fails', 'sso-token-missing']);
  assert.deepEqual(brief(await chainStatus(home, { ...OFF, AWS_ACCESS_KEY_ID: 'AKIAENVKEY000000XMP1' })), ['env', 'fails', 'partial-keys']);
  const expired = await chainStatus(home, { ...env, AWS_CREDENTIAL_EXPIRATION: new Date(NOW - MIN).toISOString() });
  assert.deepEqual(brief(expired), ['env', 'fails', 'expired']);
  // Env keys do not save a profile that does not exist: the CLI fails.
  assert.deepEqual(brief(await chainStatus(home, { ...env, AWS_PROFILE: 'ghost' })), [null, 'fails', 'profile-not-found']);
});

void test('SSO from files: no token, expired, valid (unchecked with the session end), role cache beats an expired token', async () => {
  const home = tempDir();
  writeHome(home, { config: SSO_CONFIG });
  const sso = (p = 'dev', now = NOW) => chainStatus(home, OFF, { profile: p, now });
  assert.deepEqual(brief(await sso()), ['sso', 'fails', 'sso-token-missing']);
  assert.equal((await sso()).source.signInProfile, 'dev');
  writeSsoToken(home, 'corp', NOW - MIN);
  assert.deepEqual(brief(await sso()), ['sso', 'fails', 'sso-token-expired']);
  writeSsoToken(home, 'corp', NOW - MIN, { refresh: true });
  assert.deepEqual([...brief(await sso()), (await sso()).source.detail], ['sso', 'unchecked', null, 'refresh'], 'an expired token with refresh fields: the CLI asks OIDC');
  writeSsoToken(home, 'corp', NOW + 3 * 60 * MIN);
  const valid = await sso();
  assert.deepEqual([...brief(valid), valid.source.detail, valid.source.expiresAt], ['sso', 'unchecked', null, 'portal', Math.floor((NOW + 180 * MIN) / 1000) * 1000]);
  assert.equal(valid.nextChangeAt, valid.source.expiresAt! - 15 * MIN, 'changes when the token enters the refresh window');
  writeSsoToken(home, 'corp', NOW - MIN);
  writeSsoRoleCache(home, { accountId: '111122223333', roleName: 'ReadOnly', sessionName: 'corp' }, NOW + 50 * MIN);
  const cached = await sso();
  assert.deepEqual([...brief(cached), cached.source.keyId], ['sso', 'ok', null, 'ASIA…0001']);
  assert.ok(cached.source.sessionExpiresAt! < NOW, 'the expired session is still reported');
  // 14 minutes left: the CLI no longer uses the cache, and the token is expired.
  assert.deepEqual(brief(await sso('dev', NOW + 36 * MIN)), ['sso', 'fails', 'sso-token-expired']);
});

void test('SSO legacy profile: token named by the start URL; expired is a failure (the portal refuses it)', async () => {
  const home = tempDir();
  writeHome(home, { config: SSO_CONFIG });
  assert.deepEqual(brief(await chainStatus(home, OFF, { profile: 'legacy' })), ['sso', 'fails', 'sso-token-missing']);
  writeSsoToken(home, 'https://d-9067c0ffee.awsapps.com/start', NOW - MIN);
  assert.deepEqual(brief(await chainStatus(home, OFF, { profile: 'legacy' })), ['sso', 'fails', 'sso-token-expired']);
});

void test('SSO configuration errors stop the chain; sso_start_url alone is not SSO', async () => {
  const home = tempDir();
  writeHome(home, { config: '[profile a]\nsso_account_id = 1\nsso_role_name = R\nsso_start_url = https://x\n[profile b]\nsso_session = nope\nsso_account_id = 1\n[profile c]\nsso_start_url = https://x\nsso_region = us-east-1\n' });
  assert.deepEqual(brief(await chainStatus(home, OFF, { profile: 'a' })), ['sso', 'fails', 'sso-region-missing']);
  assert.deepEqual(brief(await chainStatus(home, OFF, { profile: 'b' })), ['sso', 'fails', 'sso-session-missing']);
  assert.deepEqual(brief(await chainStatus(home, OFF, { profile: 'c' })), [null, 'fails', 'no-credentials']);
});

void test('assume role: each stop rule, the AMTC rule, and a fresh role cache', async () => {
  const home = tempDir();
  writeHome(home, {
    credentials: amtcFile(NOW + 4 * MIN),
    credentialsAgeMin: 1,
    config: `[profile deploy]
role_arn = arn:aws:iam::123456789012:role/DeployRole
source_profile = default
[profile nosrc]
role_arn = arn:aws:iam::1:role/r
source_profile = nosuch
[profile both]
role_arn = arn:aws:iam::1:role/r
source_profile = default
credential_source = Environment
[profile neither]
role_arn = arn:aws:iam::1:role/r
[profile bad]
role_arn = arn:aws:iam::1:role/r
credential_source = Ec2Instance
[profile a]
role_arn = arn:aws:iam::1:role/r
source_profile = b
[profile b]
role_arn = arn:aws:iam::1:role/r
source_profile = a
[profile empty]
region = us-east-1
[profile fromempty]
role_arn = arn:aws:iam::1:role/r
source_profile = empty
[profile fromenv]
role_arn = arn:aws:iam::1:role/r
credential_source = Environment
`,
  });
  const p = async (profile: string) => brief(await chainStatus(home, OFF, { profile }));
  assert.deepEqual(await p('deploy'), ['assume-role', 'fails', 'amtc-assume-role']);
  assert.deepEqual(await p('nosrc'), ['assume-role', 'fails', 'source-profile-missing']);
  assert.deepEqual(await p('both'), ['assume-role', 'fails', 'source-both']);
  assert.deepEqual(await p('neither'), ['assume-role', 'fails', 'source-neither']);
  assert.deepEqual(await p('bad'), ['assume-role', 'fails', 'credential-source-invalid']);
  assert.deepEqual(await p('a'), ['assume-role', 'fails', 'source-profile-cycle']);
  assert.deepEqual(await p('fromempty'), ['assume-role', 'fails', 'source-profile-no-credentials']);
  assert.deepEqual(await p('fromenv'), ['assume-role', 'fails', 'credential-source-empty']);
  // The role cache the CLI wrote (named sha1 of {"RoleArn": …}) is used while > 15 minutes are left.
  writeRoleCache(home, { RoleArn: 'arn:aws:iam::123456789012:role/DeployRole' }, NOW + 60 * MIN);
  const cached = await chainStatus(home, OFF, { profile: 'deploy' });
  assert.deepEqual(brief(cached), ['assume-role', 'ok', null]);
  assert.equal(cached.source.via?.kind, 'shared-credentials-file');
  assert.match(cached.source.from!, /2b4756afdd8e16abde1c829a696b1ca7a4f918a2\.json$/);
});

void test('the stale-AMTC trap: dead managed keys hide a working instance role, and IMDS is never asked', async () => {
  const home = tempDir();
  writeHome(home, { credentials: amtcFile(NOW - 100 * MIN), credentialsAgeMin: 120 });
  const f = await imds();
  const s = await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT: f.url });
  assert.equal(s.state, 'expired');
  assert.deepEqual(brief(s), ['shared-credentials-file', 'fails', 'amtc-expired']);
  assert.equal(f.requests.length, 0);
  // Without the section, the chain reaches the instance role.
  writeHome(home, { credentials: '# header only\n' });
  const after = await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT: f.url });
  assert.deepEqual([...brief(after), after.source.keyId, after.source.detail], ['iam-role', 'ok', null, 'ASIA…0001', 'Cloud9-InstanceRole']);
  assert.equal(after.source.expiresAt, f.options.expiresAt - (f.options.expiresAt % 1000), 'the IMDS Expiration, not a stretched one');
});

void test('instance role: each IMDS failure ends the chain with no credentials and says why; expired IMDS keys fail', async () => {
  const home = tempDir();
  for (const [mode, why] of [['no-role', 'no-role'], ['error-code', 'error-code'], ['bad-json', 'bad-json'], ['token-400', 'token-rejected']] as const) {
    const f = await imds({ mode });
    const s = await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT: f.url });
    assert.deepEqual([...brief(s), s.source.detail], [null, 'fails', 'no-credentials', why], mode);
  }
  const old = await imds({ expiresAt: NOW - 10 * MIN });
  assert.deepEqual(brief(await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT: old.url })), ['iam-role', 'fails', 'expired']);
  const glued = await imds();
  const s = await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT: glued.url.slice(0, -1) });
  assert.deepEqual(brief(s), ['iam-role', 'fails', 'imds-bad-endpoint']);
  assert.deepEqual(brief(await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'ipv5' })), [null, 'fails', 'imds-bad-endpoint-mode']);
  // Probing can be left to the caller: the chain says what it would ask.
  const pending = await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT: glued.url }, { io: { probe: false } });
  assert.deepEqual([...brief(pending), pending.chain.pending?.imds?.baseUrl], ['iam-role', 'unchecked', null, glued.url]);
});

void test('container endpoint: token, bad host, unreachable; it stops the chain before IMDS', async () => {
  const home = tempDir();
  const c = await startFakeContainer({ token: 'Bearer fake' });
  fakes.push(c);
  const f = await imds();
  const base = { AWS_EC2_METADATA_SERVICE_ENDPOINT: f.url, AWS_CONTAINER_CREDENTIALS_FULL_URI: c.url };
  assert.deepEqual(brief(await chainStatus(home, { ...base, AWS_CONTAINER_AUTHORIZATION_TOKEN: 'Bearer fake' })), ['container-role', 'ok', null]);
  const noToken = await chainStatus(home, { ...base, AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: '/nonexistent' }, { io: { probe: true } });
  assert.deepEqual([...brief(noToken), noToken.source.detail], ['container-role', 'fails', 'container-error', '401']);
  assert.deepEqual(brief(await chainStatus(home, { ...base, AWS_CONTAINER_CREDENTIALS_FULL_URI: 'http://127.0.0.2:9/creds' })), ['container-role', 'fails', 'container-bad-host']);
  assert.equal(f.requests.length, 0, 'IMDS is not asked when a container source is configured');
});

void test('web identity from the environment, the old EC2 file and boto config, in chain order', async () => {
  const home = tempDir();
  writeHome(home, { config: '[default]\nregion = us-east-1\n' });
  const tokenFile = path.join(home, 'token');
  const wi = { ...OFF, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile, AWS_ROLE_ARN: 'arn:aws:iam::1:role/wi' };
  assert.deepEqual(brief(await chainStatus(home, wi)), ['assume-role-with-web-identity', 'fails', 'web-identity-token-missing']);
  writeFileSync(tokenFile, 'eyJ.fake');
  assert.deepEqual(brief(await chainStatus(home, wi)), ['assume-role-with-web-identity', 'unchecked', null]);
  assert.deepEqual(brief(await chainStatus(home, { ...OFF, AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile })), ['assume-role-with-web-identity', 'fails', 'web-identity-role-missing']);
  writeFileSync(path.join(home, '.boto'), '[Credentials]\naws_access_key_id = AKIABOTOKEY000000001\naws_secret_access_key = s\n');
  assert.deepEqual(brief(await chainStatus(home, OFF)), ['boto-config', 'unchecked', null]);
  writeFileSync(path.join(home, 'ec2creds'), 'AWSAccessKeyId=AKIAEC2FILE000000001\nAWSSecretKey=s\n');
  assert.deepEqual(brief(await chainStatus(home, { ...OFF, AWS_CREDENTIAL_FILE: path.join(home, 'ec2creds') })), ['ec2-credentials-file', 'unchecked', null]);
  assert.deepEqual(brief(await chainStatus(home, { ...OFF, AWS_CREDENTIAL_FILE: path.join(home, 'nofile') })), ['ec2-credentials-file', 'fails', 'file-missing']);
});

void test('bad input: corrupt and huge caches, a 50-profile source_profile cycle, an IMDS that never answers', async () => {
  const home = tempDir();
  const cycle = Array.from({ length: 50 }, (_, i) => `[profile p${i}]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = p${(i + 1) % 50}\n`).join('');
  writeHome(home, { config: SSO_CONFIG + cycle, credentials: KEYS });
  const s = await chainStatus(home, OFF, { profile: 'p0' });
  assert.deepEqual(brief(s), ['assume-role', 'fails', 'source-profile-cycle']);
  assert.equal(s.source.detail!.split(' → ').length, 51);

  const token = ssoTokenPath(home, 'corp');
  mkdirSync(path.dirname(token), { recursive: true });
  writeFileSync(token, '{"accessToken": "x", "expiresAt": ');
  assert.deepEqual(brief(await chainStatus(home, OFF, { profile: 'dev' })), ['sso', 'fails', 'cache-unreadable']);
  writeFileSync(token, `{"accessToken": "${'x'.repeat(2 << 20)}", "expiresAt": "2030-01-01T00:00:00Z"}`);
  const huge = await chainStatus(home, OFF, { profile: 'dev' });
  assert.deepEqual([...brief(huge), huge.source.detail], ['sso', 'fails', 'cache-unreadable', 'too-large']);

  const never = await imds({ mode: 'never-answers' });
  writeHome(home, { credentials: '' });
  const n = await chainStatus(home, { AWS_EC2_METADATA_SERVICE_ENDPOINT: never.url, AWS_METADATA_SERVICE_TIMEOUT: '1' });
  // Bounded by the CLI's own knobs: the token PUT times out (→ v1), then the role GET does.
  assert.deepEqual([...brief(n), n.source.detail], [null, 'fails', 'no-credentials', 'timeout']);
  assert.deepEqual(never.requests.map((r) => r.method), ['PUT', 'GET']);
});
