// Every state and problem of SPEC §3, on real files in a temp dir, with an injected clock.
import { strict as assert } from 'node:assert';
import { chmodSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { computeStatus, CredentialStatus } from '../../src/core/amtc/state';
import { Env } from '../../src/core/credentials/resolve';
import { readStable } from '../../src/core/files/read';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';

const MIN = 60_000;
const LIFETIME = 15 * MIN;

interface Setup {
  credentials?: string;
  config?: string;
  /** Minutes since the credentials file was written. */
  age?: number;
  env?: Env;
  mode?: number;
}

async function status(s: Setup): Promise<CredentialStatus> {
  const dir = tempDir();
  const credentials = path.join(dir, '.aws', 'credentials');
  const config = path.join(dir, '.aws', 'config');
  mkdirSync(path.dirname(credentials));
  const now = Date.UTC(2026, 10, 29, 6, 0, 0);
  if (s.credentials !== undefined) {
    writeFileSync(credentials, s.credentials, { mode: s.mode ?? 0o600 });
    chmodSync(credentials, s.mode ?? 0o600);
    const written = new Date(now - (s.age ?? 0) * MIN);
    utimesSync(credentials, written, written);
  }
  if (s.config !== undefined) writeFileSync(config, s.config, { mode: 0o600 });
  return computeStatus({ env: s.env ?? {}, credentials: await readStable(credentials), config: await readStable(config), now, lifetimeMs: LIFETIME });
}

const NOW = Date.UTC(2026, 10, 29, 6, 0, 0);
const fresh = (): string => amtcFile(NOW + 4 * MIN);
const codes = (s: CredentialStatus): string[] => s.problems.map((p) => p.code);
const brief = ({ source: { kind, file, keyId, works, expiresAt } }: CredentialStatus) => ({ kind, file, keyId, works, expiresAt });

void test('managed: Cloud9 shape, written a minute ago; times and next change are reported', async () => {
  const s = await status({ credentials: fresh(), age: 1 });
  assert.equal(s.state, 'managed');
  assert.deepEqual(s.problems, []);
  assert.deepEqual(s.amtc, { refreshedAt: NOW - MIN, nextRefreshAt: NOW + 4 * MIN, expiresAt: NOW + 14 * MIN, keyId: 'ASIA…C001', keyTag: s.amtc?.keyTag, region: 'us-east-1' });
  assert.match(s.amtc?.keyTag ?? '', /^[0-9a-f]{16}$/, 'a fingerprint, not the key id');
  assert.deepEqual(brief(s), { kind: 'shared-credentials-file', file: 'credentials', keyId: 'ASIA…C001', works: 'ok', expiresAt: NOW + 14 * MIN });
  // Nothing polls: the next change is the refresh deadline (header time + 1 min grace), before expiry.
  assert.equal(s.nextChangeAt, NOW + 5 * MIN + 1);
});

void test('managed with CRLF line breaks and `key = value` spacing', async () => {
  const s = await status({ credentials: fresh().replace(/=/g, ' = ').replace(/\n/g, '\r\n') });
  assert.equal(s.state, 'managed');
});

void test('expired: written 15 minutes ago or more', async () => {
  assert.equal((await status({ credentials: fresh(), age: 15 })).state, 'expired');
  assert.equal((await status({ credentials: fresh(), age: 14.9 })).state, 'managed');
});

void test('modified: another section, another key, a comment, a missing or broken hash line', async () => {
  const variants = [
    fresh() + '\n[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n',
    fresh() + 'output = json\n',
    fresh() + '# my note\n',
    fresh().replace(/^# [0-9a-f]{64} #\n/m, ''),
    fresh().replace(/# [0-9a-f]{64} #/, '# 1234 #'),
  ];
  for (const credentials of variants) {
    const s = await status({ credentials, age: 1 });
    assert.equal(s.state, 'modified', credentials);
    assert.ok(codes(s).includes('file-modified'));
  }
});

void test('modified and expired is expired with problem file-modified', async () => {
  const s = await status({ credentials: fresh() + '[x]\na = b\n', age: 20 });
  assert.equal(s.state, 'expired');
  assert.ok(codes(s).includes('file-modified'));
});

void test('overridden: env keys, AWS_PROFILE, AWS_DEFAULT_PROFILE; AWS_PROFILE=default is not an override', async () => {
  const config = '[profile c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n';
  const keys = await status({ credentials: fresh(), config, env: { AWS_ACCESS_KEY_ID: 'AKIAENVKEY000000XMP1', AWS_SECRET_ACCESS_KEY: 's' } });
  assert.equal(keys.state, 'overridden');
  assert.deepEqual(brief(keys), { kind: 'env', file: null, keyId: 'AKIA…XMP1', works: 'unchecked', expiresAt: null });
  const byProfile = await status({ credentials: fresh(), config, env: { AWS_PROFILE: 'c9_work' } });
  assert.equal(byProfile.state, 'overridden');
  assert.deepEqual(brief(byProfile), { kind: 'config-file', file: 'config', keyId: 'AKIA…0001', works: 'unchecked', expiresAt: null });
  assert.equal((await status({ credentials: fresh(), config, env: { AWS_DEFAULT_PROFILE: 'c9_work' } })).state, 'overridden');
  const both = await status({ credentials: fresh(), config, env: { AWS_PROFILE: 'default', AWS_DEFAULT_PROFILE: 'c9_work' } });
  assert.equal(both.state, 'managed');
});

void test('profile-not-found when AWS_PROFILE names nothing', async () => {
  const s = await status({ credentials: fresh(), env: { AWS_PROFILE: 'ghost' } });
  assert.equal(s.state, 'overridden');
  assert.deepEqual(s.problems, [{ code: 'profile-not-found', detail: 'ghost' }]);
});

void test('missing: no files, or files without a default source', async () => {
  assert.equal((await status({})).state, 'missing');
  assert.equal((await status({ config: '[profile a]\nregion = x\n[default]\nregion = us-east-1\n' })).state, 'missing');
  assert.equal((await status({ credentials: '' })).state, 'missing');
});

void test('unmanaged: static keys, SSO, credential_process or a role in the config file', async () => {
  const cases: [Setup, string][] = [
    [{ credentials: '[default]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = s\n' }, 'shared-credentials-file'],
    [{ config: '[default]\nsso_session = corp\nsso_account_id = 1\n' }, 'sso'],
    [{ config: '[default]\ncredential_process = /bin/true\n' }, 'custom-process'],
    [{ config: '[default]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Ec2InstanceMetadata\n' }, 'assume-role'],
    [{ config: '[profile default]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = s\n' }, 'config-file'],
  ];
  for (const [setup, kind] of cases) {
    const s = await status(setup);
    assert.equal(s.state, 'unmanaged', JSON.stringify(setup));
    assert.equal(s.source?.kind, kind);
  }
});

void test('refresh-overdue: the header time passed by more than a minute without a rewrite', async () => {
  const overdue = await status({ credentials: amtcFile(NOW - 2 * MIN), age: 7 });
  assert.equal(overdue.state, 'managed');
  assert.deepEqual(codes(overdue), ['refresh-overdue']);
  assert.equal(overdue.nextChangeAt, NOW + 8 * MIN, 'the next change is the expiry');
  assert.deepEqual(codes(await status({ credentials: amtcFile(NOW - 30_000), age: 5 })), []);
});

void test('cli-cannot-parse: a duplicate section, with its file and line', async () => {
  const s = await status({ credentials: fresh(), config: '[profile a]\nregion = x\n\n[profile a]\nregion = y\n' });
  assert.deepEqual(s.problems, [{ code: 'cli-cannot-parse', file: 'config', line: 3, detail: 'duplicate-section' }]);
  const dupDefault = await status({ credentials: fresh() + '[default]\nregion = x\n', age: 1 });
  assert.ok(codes(dupDefault).includes('cli-cannot-parse'));
  assert.equal(dupDefault.state, 'modified');
});

void test('insecure-permissions when the credentials file is readable by group or others', async () => {
  const s = await status({ credentials: fresh(), mode: 0o644 });
  assert.deepEqual(s.problems, [{ code: 'insecure-permissions', file: 'credentials', detail: '644' }]);
  assert.deepEqual(codes(await status({ credentials: fresh(), mode: 0o600 })), []);
});

void test('nothing in the status carries a secret, a session token or a full key id', async () => {
  const s = await status({ credentials: fresh(), config: '[profile c9]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = CONFIGSECRET\n' });
  const json = JSON.stringify(s);
  for (const secret of ['SECRETSECRET', 'TOKENTOKEN', 'CONFIGSECRET', 'ASIAEXAMPLEKEY0C001', 'AKIAEXAMPLEUSER00001']) assert.ok(!json.includes(secret), secret);
});
