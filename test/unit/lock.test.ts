// The lock our writers share, on real files, with the interleavings that lost a profile under load
// forced by the lock's test hooks: a live holder whose lock file looks old, two waiters breaking the
// same stale lock (also the lock of a writer that had just finished and exited, the case measured),
// a holder whose lock was taken from it. Every step waits for an event, never a timer.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, utimesSync, watch, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { withFileLock } from '../../src/core/files/lock';
import { tempDir } from './helpers';

/** A point a test holds a lock operation at: `reached` resolves when it gets there, `open()` lets it on. */
function gate(): { hook: () => Promise<void>; reached: Promise<void>; open: () => void } {
  let arrive!: () => void;
  let open!: () => void;
  const reached = new Promise<void>((r) => (arrive = r));
  const opened = new Promise<void>((r) => (open = r));
  return { hook: () => (arrive(), opened), reached, open };
}

const give = <T>(value: T) => () => Promise.resolve(value);
const HOUR_AGO = new Date(Date.now() - 3_600_000);
const setup = () => {
  const dir = tempDir();
  const target = path.join(dir, 'config');
  return { dir, target, lock: `${target}.amtc-guard.lock` };
};
/** Lock files, temp files and break markers: what must not stay behind. */
const leftovers = (dir: string) => readdirSync(dir).filter((f) => f.includes('amtc-guard'));
/** The names a watch on `dir` reports while `during` runs (all of them: a file written after it is seen last). */
async function eventsDuring(dir: string, during: () => Promise<void>): Promise<string[]> {
  const names: string[] = [];
  let sawEnd!: () => void;
  const end = new Promise<void>((r) => (sawEnd = r));
  const watcher = watch(dir, (_event, name) => (name === 'end-of-events' ? sawEnd() : names.push(String(name))));
  try {
    await during();
    writeFileSync(path.join(dir, 'end-of-events'), '');
    await end;
  } finally {
    watcher.close();
    rmSync(path.join(dir, 'end-of-events'), { force: true });
  }
  return names;
}
const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid;

void test('a live holder keeps its lock however old the lock file looks; the next waiter gets it once it is released', async () => {
  const { dir, target, lock } = setup();
  const created = gate();
  const inside = gate();
  const holder = withFileLock(target, 5_000, () => inside.hook().then(() => 'A'), { created: created.hook });
  await created.reached; // the lock file exists (the moment a loaded machine can stall its owner)
  utimesSync(lock, HOUR_AGO, HOUR_AGO);
  let ranB = false;
  assert.equal(await withFileLock(target, 0, () => Promise.resolve((ranB = true))), undefined, 'a second writer waits and gives up');
  assert.equal(ranB, false);
  created.open();
  await inside.reached;
  assert.equal(await withFileLock(target, 0, give('B')), undefined, 'still held while its work runs');
  inside.open();
  assert.equal(await holder, 'A');
  assert.equal(await withFileLock(target, 0, give('C')), 'C', 'released: the next writer gets it at once');
  assert.deepEqual(leftovers(dir), []);
});

for (const crashed of ['an empty lock file (crash right after creating it)', 'the lock of a process that has exited']) {
  void test(`two waiters find ${crashed}: one breaks it, the other never takes the winner's fresh lock`, async () => {
    const { dir, target, lock } = setup();
    writeFileSync(lock, crashed.startsWith('an empty') ? '' : `${deadPid()} ${Date.now()}\n`);
    utimesSync(lock, HOUR_AGO, HOUR_AGO);
    const judged1 = gate();
    const judged2 = gate();
    const created1 = gate();
    let holders = 0;
    let most = 0;
    const work = (name: string) => async () => {
      most = Math.max(most, ++holders);
      await new Promise((r) => setImmediate(r));
      holders--;
      return name;
    };
    const first = withFileLock(target, 0, work('first'), { judgedStale: judged1.hook, created: created1.hook });
    const second = withFileLock(target, 0, work('second'), { judgedStale: judged2.hook });
    await Promise.all([judged1.reached, judged2.reached]); // both have judged the same lock stale
    judged1.open();
    await created1.reached; // the first broke it and holds a fresh lock
    const events = await eventsDuring(dir, async () => {
      judged2.open();
      assert.equal(await second, undefined, 'the second waiter does not take the fresh lock');
    });
    // Moving it aside and back (what the old lock did) left a moment without a lock for a third writer.
    assert.deepEqual(events.filter((name) => name === path.basename(lock)), [], 'nor moves it, even for a moment');
    created1.open();
    assert.equal(await first, 'first');
    assert.equal(most, 1, 'never two holders at once');
    assert.deepEqual(leftovers(dir), []);
  });
}

void test('a lock is stale when its process is gone or its pid now names another process; a foreign host\'s lock only once it is old', async () => {
  const { dir, target, lock } = setup();
  // The lock line: pid, acquisition time (ms), host, process start ("-" when unknown), nonce.
  writeFileSync(lock, `${deadPid()} ${Date.now()} ${hostname()} - n1\n`);
  assert.equal(await withFileLock(target, 0, give('dead')), 'dead');
  if (process.platform === 'linux') {
    writeFileSync(lock, `${process.pid} ${Date.now()} ${hostname()} not-this-start n2\n`);
    assert.equal(await withFileLock(target, 0, give('reused')), 'reused', 'a pid that now names another process');
  }
  writeFileSync(lock, `${process.pid} ${Date.now()} ${hostname()} - n3\n`);
  assert.equal(await withFileLock(target, 0, give('x')), undefined, 'a live pid whose start cannot be checked, recent');
  writeFileSync(lock, `${deadPid()} ${Date.now()} some-other-host - n4\n`);
  assert.equal(await withFileLock(target, 0, give('x')), undefined, 'another host: its pid says nothing here');
  utimesSync(lock, HOUR_AGO, HOUR_AGO);
  assert.equal(await withFileLock(target, 0, give('old')), 'old', 'another host, an hour old');
  assert.deepEqual(leftovers(dir), []);
});

void test('a holder whose lock was taken from it leaves the new holder\'s lock in place', async () => {
  const { target, lock } = setup();
  const other = `${process.pid} ${Date.now()} some-other-host - theirs\n`;
  const r = await withFileLock(target, 0, () => {
    writeFileSync(lock, other); // what a waiter on another host does once it judges our lock stale
    return Promise.resolve('done');
  });
  assert.equal(r, 'done');
  assert.equal(readFileSync(lock, 'utf8'), other);
});
