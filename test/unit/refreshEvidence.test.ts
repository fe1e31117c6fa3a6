// SPEC §3 as amended by issue 13: only evidence of a Cloud9 write (the header's time, a new key id)
// counts as a refresh; a user's save or our Repair is not one. Real files, a fake clock.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLOUD9_REFRESH_PERIOD_MS, Cloud9Write } from '../../src/core/amtc/refreshEvidence';
import { computeStatus, CredentialStatus } from '../../src/core/amtc/state';
import { readStable } from '../../src/core/files/read';
import { repairFiles } from '../../src/core/profiles/repairFiles';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';

const MIN = 60_000;
const LIFETIME = 15 * MIN;
const T0 = Date.UTC(2026, 10, 29, 9, 0, 0);

/** A home with a managed file and a fake clock; `cloud9(at)` writes as Cloud9 does, `save(at)` as an editor does. */
function world() {
  const home = tempDir();
  const credentials = path.join(home, '.aws', 'credentials');
  const config = path.join(home, '.aws', 'config');
  mkdirSync(path.dirname(credentials));
  let keys = 0;
  let remembered: Cloud9Write | undefined;
  const touch = (at: number): void => utimesSync(credentials, new Date(at), new Date(at));
  return {
    home,
    credentials,
    config,
    cloud9(at: number, keyId = `ASIAEXAMPLEKEY0C${String(++keys).padStart(3, '0')}`): void {
      writeFileSync(credentials, amtcFile(at + CLOUD9_REFRESH_PERIOD_MS, { keyId }), { mode: 0o600 });
      touch(at);
    },
    /** The same bytes saved again (an editor's save, a `touch`). */
    save(at: number): void {
      touch(at);
    },
    touch,
    /** The status as the monitor sees it (remembering Cloud9's last write) or as the one-shot CLI does. */
    async status(now: number, memory: 'monitor' | 'cli' = 'monitor'): Promise<CredentialStatus> {
      const s = computeStatus({
        env: { HOME: home },
        credentials: await readStable(credentials),
        config: await readStable(config),
        now,
        lifetimeMs: LIFETIME,
        lastCloud9Write: memory === 'monitor' ? remembered : undefined,
      });
      if (memory === 'monitor' && s.amtc?.keyTag) remembered = { at: s.amtc.refreshedAt, keyTag: s.amtc.keyTag, nextRefreshAt: s.amtc.nextRefreshAt };
      return s;
    },
  };
}

const codes = (s: CredentialStatus): string[] => s.problems.map((p) => p.code);

void test('a Cloud9 write is a refresh: mtime and header agree', async () => {
  const w = world();
  w.cloud9(T0);
  const s = await w.status(T0 + MIN);
  assert.equal(s.state, 'managed');
  assert.deepEqual(codes(s), []);
  assert.equal(s.amtc!.refreshedAt, T0);
  assert.equal(s.amtc!.expiresAt, T0 + LIFETIME);
});

void test('a hand save is not a refresh: the countdown stays on Cloud9\'s write, waiting for its next refresh', async () => {
  for (const memory of ['monitor', 'cli'] as const) {
    const w = world();
    w.cloud9(T0);
    await w.status(T0 + MIN, memory);
    w.save(T0 + 3 * MIN);
    const s = await w.status(T0 + 4 * MIN, memory);
    assert.equal(s.state, 'managed', memory);
    assert.equal(s.amtc!.refreshedAt, T0, `${memory}: the save does not move the last refresh`);
    assert.equal(s.amtc!.expiresAt, T0 + LIFETIME);
    assert.deepEqual(s.problems, [{ code: 'awaiting-refresh', file: 'credentials', detail: memory === 'monitor' ? 'key-id' : 'header' }]);
    // Still expires 15 minutes after Cloud9's write, not after the save.
    assert.equal((await w.status(T0 + LIFETIME, memory)).state, 'expired', memory);
  }
});

void test('a save within a minute of Cloud9\'s write: the monitor tells it by the unchanged key id; the header alone cannot', async () => {
  const w = world();
  w.cloud9(T0);
  await w.status(T0 + 10_000);
  w.save(T0 + 40_000);
  const monitor = await w.status(T0 + 50_000);
  assert.equal(monitor.amtc!.refreshedAt, T0);
  assert.deepEqual(codes(monitor), ['awaiting-refresh']);
  const cli = await w.status(T0 + 50_000, 'cli');
  assert.equal(cli.amtc!.refreshedAt, T0 + 40_000, 'within the header\'s tolerance the mtime is not contradicted');
  assert.deepEqual(codes(cli), []);
});

void test('the next Cloud9 write (new key id, new header time) ends the wait', async () => {
  const w = world();
  w.cloud9(T0);
  await w.status(T0);
  w.save(T0 + 2 * MIN);
  assert.deepEqual(codes(await w.status(T0 + 2 * MIN)), ['awaiting-refresh']);
  w.cloud9(T0 + 5 * MIN);
  const s = await w.status(T0 + 6 * MIN);
  assert.equal(s.state, 'managed');
  assert.deepEqual(codes(s), []);
  assert.equal(s.amtc!.refreshedAt, T0 + 5 * MIN);
  assert.equal(s.amtc!.expiresAt, T0 + 5 * MIN + LIFETIME);
});

void test('a new key id counts as a Cloud9 write even when the header time cannot be read', async () => {
  const w = world();
  const noTime = (keyId: string): string => amtcFile(0, { keyId }).replace(/recreated on [^.]*\./, 'recreated on someday.');
  writeFileSync(w.credentials, noTime('ASIAEXAMPLEKEY0C001'), { mode: 0o600 });
  w.touch(T0);
  assert.equal((await w.status(T0)).amtc!.refreshedAt, T0, 'only the mtime is there: it counts');
  w.save(T0 + 3 * MIN);
  const saved = await w.status(T0 + 3 * MIN);
  assert.equal(saved.amtc!.refreshedAt, T0, 'same key id: a save');
  assert.deepEqual(codes(saved), ['awaiting-refresh']);
  writeFileSync(w.credentials, noTime('ASIAEXAMPLEKEY0C002'));
  w.touch(T0 + 6 * MIN);
  const refreshed = await w.status(T0 + 6 * MIN);
  assert.equal(refreshed.amtc!.refreshedAt, T0 + 6 * MIN, 'a new key id: Cloud9 wrote');
  assert.deepEqual(codes(refreshed), []);
});

void test('an mtime older than the header implies is kept (the earlier, safer time)', async () => {
  const w = world();
  w.cloud9(T0);
  w.touch(T0 - 16 * MIN);
  assert.equal((await w.status(T0, 'cli')).state, 'expired');
});

void test('a modified file is modified, not awaiting: Cloud9 does not refresh it at all', async () => {
  const w = world();
  w.cloud9(T0);
  await w.status(T0);
  appendFileSync(w.credentials, '[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n');
  w.touch(T0 + 2 * MIN);
  const s = await w.status(T0 + 2 * MIN);
  assert.equal(s.state, 'modified');
  assert.deepEqual(codes(s), ['file-modified']);
  assert.equal(s.amtc!.refreshedAt, T0);
});

/** An expired managed file that the user modified, as `aws configure --profile c9_work` does, 20 minutes after Cloud9's last write. */
function expiredAndModified(): ReturnType<typeof world> & { wroteAt: number } {
  const w = world();
  const wroteAt = Math.floor((Date.now() - 20 * MIN) / 1000) * 1000; // the header has whole seconds
  w.cloud9(wroteAt);
  appendFileSync(w.credentials, '[c9_work]\naws_access_key_id = AKIAEXAMPLEUSER00001\naws_secret_access_key = s\n');
  w.touch(wroteAt + 3 * MIN);
  return { ...w, wroteAt };
}

void test('Repair of an expired file (same expired key) stays expired and waits for Cloud9', async () => {
  const w = expiredAndModified();
  assert.equal((await w.status(Date.now())).state, 'expired');
  const outcome = await repairFiles({ credentialsFile: w.credentials, configFile: w.config }, w.home);
  assert.ok(outcome.ok, JSON.stringify(outcome));
  for (const memory of ['monitor', 'cli'] as const) {
    const s = await w.status(Date.now(), memory);
    assert.equal(s.state, 'expired', `${memory}: the repair wrote the file, Cloud9 did not`);
    assert.equal(s.amtc!.refreshedAt, w.wroteAt);
    assert.ok(codes(s).includes('awaiting-refresh'), codes(s).join());
  }
});

void test('`amtc-guard repair` then `status` does not report a fresh managed file', () => {
  const cliJs = path.join(ROOT, 'dist', 'cli.js');
  assert.ok(existsSync(cliJs), 'build first (npm run build)');
  const w = expiredAndModified();
  const run = (...args: string[]) => spawnSync(process.execPath, [cliJs, ...args], { env: { PATH: process.env.PATH ?? '', HOME: w.home }, encoding: 'utf8' });
  assert.equal(run('repair').status, 0);
  const r = run('status', '--json');
  assert.equal(r.status, 1, 'exit 1: the next aws call fails');
  const json = JSON.parse(r.stdout) as { state: string; problems: { code: string }[] };
  assert.equal(json.state, 'expired');
  assert.ok(json.problems.some((p) => p.code === 'awaiting-refresh'));
});
