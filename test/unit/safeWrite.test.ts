// The safe writer's promises, on real files: modes, backups, symlinks, a foreign write between our
// read and our rename, locks (live and stale), and nothing left behind.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, appendFileSync, lstatSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { safeWrite } from '../../src/core/files/safeWrite';
import { tempDir } from './helpers';

const append = (extra: string) => (current: string | undefined) => ({ write: (current ?? '') + extra, result: 'ok' });
const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => /\.tmp$|\.lock$/.test(f));

void test('a new file is 0600; an existing file keeps its mode; the backup is 0600 and holds the old bytes', async () => {
  const home = tempDir();
  const file = path.join(home, '.aws', 'config');
  const r1 = await safeWrite({ file, home, edit: append('[profile a]\n') });
  assert.ok(r1.ok && r1.written && r1.backup === null);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.equal(statSync(path.dirname(file)).mode & 0o777, 0o700);
  chmodSync(file, 0o640);
  const r2 = await safeWrite({ file, home, edit: append('x = 1\n') });
  assert.ok(r2.ok && r2.backup);
  assert.equal(statSync(file).mode & 0o777, 0o640);
  assert.equal(statSync(r2.backup).mode & 0o777, 0o600);
  assert.equal(readFileSync(r2.backup, 'utf8'), '[profile a]\n');
  assert.equal(readFileSync(file, 'utf8'), '[profile a]\nx = 1\n');
  assert.deepEqual(leftovers(path.dirname(file)), []);
});

void test('someone else writes between our read and our rename: we start over and keep their write', async () => {
  const home = tempDir();
  const file = path.join(home, 'config');
  writeFileSync(file, '# mine\n');
  let foreign = 0;
  const r = await safeWrite({
    file,
    home,
    edit: append('[profile ours]\n'),
    beforeCommit: () => {
      if (foreign++ === 0) appendFileSync(file, '# written by Cloud9 meanwhile\n');
    },
  });
  assert.ok(r.ok);
  assert.equal(r.attempts, 2);
  assert.equal(readFileSync(file, 'utf8'), '# mine\n# written by Cloud9 meanwhile\n[profile ours]\n');
  assert.deepEqual(leftovers(home), []);
});

void test('a symlinked file is written through to its target; a target outside home is refused', async () => {
  const home = tempDir();
  const dotfiles = path.join(home, 'dotfiles');
  mkdirSync(dotfiles);
  writeFileSync(path.join(dotfiles, 'config'), '# managed by my dotfiles\n');
  mkdirSync(path.join(home, '.aws'));
  symlinkSync(path.join(dotfiles, 'config'), path.join(home, '.aws', 'config'));
  const r = await safeWrite({ file: path.join(home, '.aws', 'config'), home, edit: append('[profile a]\n') });
  assert.ok(r.ok);
  assert.equal(r.target, path.join(dotfiles, 'config'));
  assert.ok(lstatSync(path.join(home, '.aws', 'config')).isSymbolicLink(), 'the link stays a link');
  assert.equal(readFileSync(path.join(dotfiles, 'config'), 'utf8'), '# managed by my dotfiles\n[profile a]\n');

  const outside = tempDir();
  writeFileSync(path.join(outside, 'config'), 'untouched\n');
  const home2 = tempDir();
  symlinkSync(path.join(outside, 'config'), path.join(home2, 'config'));
  const refused = await safeWrite({ file: path.join(home2, 'config'), home: home2, edit: append('x\n') });
  assert.deepEqual(refused, { ok: false, failure: 'outside-home', target: path.join(outside, 'config') });
  assert.equal(readFileSync(path.join(outside, 'config'), 'utf8'), 'untouched\n');
});

void test('a crashed writer\'s lock is recovered; a live one makes us wait, then give up cleanly', async () => {
  const home = tempDir();
  const file = path.join(home, 'config');
  const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
  writeFileSync(`${file}.amtc-guard.lock`, `${dead} ${Date.now()}\n`);
  const r = await safeWrite({ file, home, edit: append('[profile a]\n') });
  assert.ok(r.ok, 'stale lock of a dead process recovered');
  writeFileSync(`${file}.amtc-guard.lock`, `${process.pid} ${Date.now()}\n`);
  const locked = await safeWrite({ file, home, edit: append('x\n'), lockTimeoutMs: 200 });
  assert.deepEqual(locked, { ok: false, failure: 'locked', target: file });
  assert.equal(readFileSync(file, 'utf8'), '[profile a]\n');
});

void test('a refusal or a directory in the way changes nothing', async () => {
  const home = tempDir();
  const file = path.join(home, 'config');
  writeFileSync(file, 'keep\n');
  const refused = await safeWrite({ file, home, edit: () => ({ refuse: 'exists' }) });
  assert.deepEqual(refused, { ok: false, failure: 'refused', result: 'exists', target: file });
  mkdirSync(path.join(home, 'dir'));
  const dir = await safeWrite({ file: path.join(home, 'dir'), home, edit: append('x') });
  assert.equal(dir.ok, false);
  assert.equal(readFileSync(file, 'utf8'), 'keep\n');
  assert.deepEqual(leftovers(home), []);
});

void test('backups go to .amtc-guard-backups beside the file, the ten newest are kept, and old backups beside the file move in', async () => {
  const home = tempDir();
  const aws = path.join(home, '.aws');
  const file = path.join(aws, 'credentials');
  mkdirSync(aws, { mode: 0o700 });
  writeFileSync(file, '# v0\n', { mode: 0o600 });
  writeFileSync(path.join(aws, 'credentials.amtc-guard-backup-20200101T000000-000Z-1'), '# from an earlier version\n');
  let clock = Date.parse('2026-11-29T00:00:00Z');
  for (let i = 1; i <= 12; i++) {
    const r = await safeWrite({ file, home, edit: append(`# v${i}\n`), now: () => new Date((clock += 1000)) });
    assert.ok(r.ok && r.backup && path.dirname(r.backup) === path.join(aws, '.amtc-guard-backups'), JSON.stringify(r));
  }
  assert.deepEqual(readdirSync(aws).sort(), ['.amtc-guard-backups', 'credentials'], 'nothing piles up in ~/.aws');
  const kept = readdirSync(path.join(aws, '.amtc-guard-backups')).sort();
  assert.equal(kept.length, 10);
  assert.ok(kept.every((f) => f.startsWith('credentials.2026')), `the oldest (also the moved one) went first: ${kept.join(', ')}`);
  assert.equal(statSync(path.join(aws, '.amtc-guard-backups')).mode & 0o777, 0o700);
  assert.equal(readFileSync(path.join(aws, '.amtc-guard-backups', kept.at(-1)!), 'utf8'), '# v0\n# v1\n# v2\n# v3\n# v4\n# v5\n# v6\n# v7\n# v8\n# v9\n# v10\n# v11\n');
});
