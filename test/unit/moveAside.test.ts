// Moving Cloud9's file aside races Cloud9 itself: a write between the check and the move, or
// between the re-read and the rename, must leave the newest bytes in place and lose nothing.
import { strict as assert } from 'node:assert';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { moveAside, restoreAside } from '../../src/core/files/moveAside';
import { amtcFile } from './amtcFixtures';
import { tempDir } from './helpers';

function setup(): { home: string; file: string; bytes: Buffer } {
  const home = tempDir();
  mkdirSync(path.join(home, '.aws'));
  const file = path.join(home, '.aws', 'credentials');
  writeFileSync(file, amtcFile(Date.now() - 3_600_000, { keyId: 'ASIAOLDKEYOLDKEY0001' }), { mode: 0o600 });
  return { home, file, bytes: readFileSync(file) };
}
const others = (file: string): string[] => readdirSync(path.dirname(file), { recursive: true }).map(String).filter((n) => n !== 'credentials' && n !== '.amtc-guard-backups');
const fresh = amtcFile(Date.now() + 300_000, { keyId: 'ASIANEWKEYNEWKEY0002' });

void test('rewritten after the check (in place): the re-read sees it, nothing is moved', async () => {
  const { home, file, bytes } = setup();
  writeFileSync(file, fresh);
  const r = await moveAside({ file, home, expect: bytes });
  assert.deepEqual(r.ok ? 'ok' : r.failure, 'changed');
  assert.equal(readFileSync(file, 'utf8'), fresh);
  assert.deepEqual(others(file), []);
});

void test('rewritten between the re-read and the rename (in place or rename-over): the new bytes go back, nothing lost', async () => {
  for (const how of ['in-place', 'rename-over'] as const) {
    const { home, file, bytes } = setup();
    const r = await moveAside({
      file,
      home,
      expect: bytes,
      beforeRename: () => {
        if (how === 'in-place') writeFileSync(file, fresh);
        else {
          writeFileSync(`${file}.c9tmp`, fresh);
          renameSync(`${file}.c9tmp`, file);
        }
      },
    });
    assert.deepEqual(r.ok ? 'ok' : r.failure, 'changed', how);
    assert.equal(readFileSync(file, 'utf8'), fresh, `${how}: Cloud9's new file is in place`);
    assert.deepEqual(others(file), [], `${how}: no stray copy`);
  }
});

void test('a move and its undo keep the inode\'s bytes; a second undo has nothing to do; the lock is released', async () => {
  const { home, file, bytes } = setup();
  const r = await moveAside({ file, home, expect: bytes });
  assert.ok(r.ok);
  assert.ok(readFileSync(r.aside).equals(bytes));
  const u = await restoreAside(file);
  assert.ok(u.ok);
  assert.ok(readFileSync(file).equals(bytes));
  assert.deepEqual(others(file), [], 'no lock file or copy left');
  assert.deepEqual((await restoreAside(file)).ok ? 'ok' : 'nothing', 'nothing');
});
