// Reading files the way the CLI would, including the odd ones, never throwing.
import { strict as assert } from 'node:assert';
import { mkdirSync, symlinkSync, writeFileSync, unlinkSync, Stats, promises as fsp } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { readStable, ReadFs } from '../../src/core/files/read';
import { tempDir } from './helpers';

void test('a regular file, a symlinked file (dotfile managers) and an absent one', async () => {
  const dir = tempDir();
  const target = path.join(dir, 'dotfiles', 'credentials');
  mkdirSync(path.dirname(target));
  writeFileSync(target, '[default]\n');
  symlinkSync(target, path.join(dir, 'link'));
  const r = await readStable(path.join(dir, 'link'));
  assert.equal(r.text, '[default]\n');
  assert.equal(r.realPath, target);
  assert.deepEqual(await readStable(path.join(dir, 'nope')), { path: path.join(dir, 'nope'), exists: false });
});

void test('a directory, a dangling link, a link loop and invalid UTF-8 each give a code, not an exception', async () => {
  const dir = tempDir();
  mkdirSync(path.join(dir, 'isdir'));
  symlinkSync(path.join(dir, 'gone'), path.join(dir, 'dangling'));
  symlinkSync(path.join(dir, 'loop2'), path.join(dir, 'loop1'));
  symlinkSync(path.join(dir, 'loop1'), path.join(dir, 'loop2'));
  writeFileSync(path.join(dir, 'latin1'), Buffer.from([0x5b, 0x61, 0x5d, 0x0a, 0xe9, 0x0a]));
  assert.equal((await readStable(path.join(dir, 'isdir'))).error, 'not-a-file');
  assert.deepEqual(await readStable(path.join(dir, 'dangling')), { path: path.join(dir, 'dangling'), exists: false });
  assert.equal((await readStable(path.join(dir, 'loop1'))).error, 'symlink-loop');
  const bad = await readStable(path.join(dir, 'latin1'));
  assert.equal(bad.error, 'invalid-utf8');
  assert.equal(bad.text, undefined);
});

void test('a torn read is retried until the file holds still; a file deleted between stat and read is absent', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'credentials');
  writeFileSync(file, 'first version\n');
  let reads = 0;
  // The first read happens while a writer replaces the file: the stat after it differs.
  const tearing: ReadFs = {
    stat: (p) => fsp.stat(p),
    realpath: (p) => fsp.realpath(p),
    readFile: async (p) => {
      const b = await fsp.readFile(p);
      if (reads++ === 0) writeFileSync(file, 'second, longer version\n');
      return b;
    },
  };
  const r = await readStable(file, tearing);
  assert.equal(r.text, 'second, longer version\n');
  assert.equal(reads, 2);

  const vanishing: ReadFs = {
    stat: (p) => fsp.stat(p),
    realpath: (p) => fsp.realpath(p),
    readFile: (p) => {
      unlinkSync(p);
      return fsp.readFile(p);
    },
  };
  writeFileSync(file, 'x');
  assert.equal((await readStable(file, vanishing)).exists, false);
});

void test('a file that never holds still ends as `unstable`, not as a half file', async () => {
  const dir = tempDir();
  const file = path.join(dir, 'busy');
  writeFileSync(file, 'a');
  let n = 0;
  const busy: ReadFs = {
    stat: async (p): Promise<Stats> => fsp.stat(p),
    realpath: (p) => fsp.realpath(p),
    readFile: async (p) => {
      const b = await fsp.readFile(p);
      writeFileSync(file, 'a'.repeat(++n + 1));
      return b;
    },
  };
  const r = await readStable(file, busy);
  assert.equal(r.error, 'unstable');
  assert.equal(r.text, undefined);
});
