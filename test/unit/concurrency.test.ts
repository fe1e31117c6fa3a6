// Many amtc-guard add-profile processes at once while a Cloud9-style writer rewrites the managed
// file as fast as it can (in place and by rename), and `status` runs during the storm.
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const WRITERS = 12;
const ORIGINAL = '# shared config, keep this\n[default]\nregion = us-east-1\n';

function run(args: string[], env: Record<string, string>, stdin = ''): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', AWS_EC2_METADATA_DISABLED: 'true', ...env } });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (out += b.toString()));
    p.on('close', (code) => resolve({ code, out }));
    p.stdin.end(stdin);
  });
}

void test(`${WRITERS} concurrent add-profile processes + a Cloud9 writer storm: all land once, nothing lost`, async () => {
  const home = tempDir();
  const aws = path.join(home, '.aws');
  mkdirSync(aws);
  const credentials = path.join(aws, 'credentials');
  const config = path.join(aws, 'config');
  writeFileSync(config, ORIGINAL, { mode: 0o600 });
  writeFileSync(credentials, amtcFile(Date.now() + 300_000));
  let storming = true;
  let rewrites = 0;
  const storm = (async () => {
    while (storming) {
      const text = amtcFile(Date.now() + 300_000, { keyId: `ASIASTORM${String(rewrites).padStart(11, '0')}` });
      if (rewrites % 2) writeFileSync(credentials, text);
      else {
        writeFileSync(`${credentials}.c9`, text);
        renameSync(`${credentials}.c9`, credentials);
      }
      rewrites++;
      await new Promise((r) => setImmediate(r));
    }
  })();
  const env = { HOME: home };
  const adds = Array.from({ length: WRITERS }, (_, i) =>
    run(['add-profile', '--name', `p${i}`, '--access-key-id', `AKIAEXAMPLEUSER${String(i).padStart(5, '0')}`, '--secret-stdin'], env, `secret${i}\n`));
  const statuses = Array.from({ length: 6 }, () => run(['status', '--json'], env));
  const results = await Promise.all(adds);
  const statusResults = await Promise.all(statuses);
  storming = false;
  await storm;

  results.forEach((r, i) => assert.equal(r.code, 0, `p${i}: ${r.out}`));
  const text = readFileSync(config, 'utf8');
  assert.ok(text.startsWith(ORIGINAL), 'the existing config content survives');
  for (let i = 0; i < WRITERS; i++) assert.equal(text.split(`[profile p${i}]`).length - 1, 1, `p${i} exactly once`);
  assert.ok(!/profile p\d/.test(readFileSync(credentials, 'utf8')), 'the managed file never gains our content');
  assert.deepEqual(readdirSync(aws).filter((f) => /\.tmp$|\.lock$/.test(f)), [], 'no temp or lock file left behind');
  for (const s of statusResults) {
    assert.ok(s.code === 0 || s.code === 1, s.out);
    assert.ok(['managed', 'modified', 'missing', 'expired', 'unmanaged'].includes((JSON.parse(s.out) as { state: string }).state), s.out);
  }
  assert.ok(rewrites > 20, `the Cloud9 writer really stormed (${rewrites} rewrites)`);
  console.log(`concurrency: ${WRITERS} writers, ${rewrites} Cloud9 rewrites, ${statusResults.length} status calls`);
});
