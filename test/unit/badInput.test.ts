// Bad input never crashes, never hangs, never loses data: every kind gets a state or a
// one-sentence error and exit 0/1/2, never a stack trace. Run through the real CLI process.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseCliView } from '../../src/core/ini/cliView';
import { parseDocument } from '../../src/core/ini/document';
import { buildProfileMap } from '../../src/core/ini/profiles';
import { amtcFile } from './amtcFixtures';
import { ROOT, tempDir } from './helpers';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const STACK = /\n\s+at .+:\d+:\d+/;

function cli(args: string[], home: string, input?: string | Buffer, asUser?: number, bundle = CLI): { code: number | null; stdout: string; stderr: string } {
  const argv = asUser === undefined ? [process.execPath, bundle, ...args] : ['setpriv', `--reuid=${asUser}`, `--regid=${asUser}`, '--clear-groups', process.execPath, bundle, ...args];
  const r = spawnSync(argv[0]!, argv.slice(1), { env: { PATH: process.env.PATH ?? '', HOME: home, AWS_EC2_METADATA_DISABLED: 'true' }, input, timeout: 60_000, maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

type Setup = (aws: string) => void;
const write = (name: string, data: string | Buffer): Setup => (aws) => writeFileSync(path.join(aws, name), data);
const header = amtcFile(Date.now() + 300_000);

const KINDS: [string, Setup][] = [
  ['binary garbage', write('config', Buffer.from(Array.from({ length: 65536 }, (_, i) => (i * 7919 + 13) % 256)))],
  ['NUL bytes', write('config', '[profile a]\nregion = us\0east-1\n\0\0\0\n')],
  ['invalid UTF-8', write('credentials', Buffer.concat([Buffer.from('[default]\naws_access_key_id = '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]))],
  ['a UTF-8 BOM', write('config', '\ufeff[default]\nregion = us-east-1\n')],
  ['a 20 MB line', write('config', `[default]\nregion = ${'x'.repeat(20 << 20)}\n`)],
  ['200,000 sections', write('config', Array.from({ length: 200_000 }, (_, i) => `[profile p${i}]\nregion = r\n`).join(''))],
  ['a file with only the header', write('credentials', header.split('\n').slice(0, 2).join('\n') + '\n')],
  ['a duplicate [default]', write('credentials', `${header}[default]\nregion = x\n`)],
  ['an unclosed [section', write('config', '[profile a\nregion = x\n')],
  ['a directory where the file should be', (aws) => mkdirSync(path.join(aws, 'credentials'))],
  ['a dangling symlink', (aws) => symlinkSync(path.join(aws, 'gone'), path.join(aws, 'credentials'))],
  ['a symlink loop', (aws) => {
    symlinkSync(path.join(aws, 'loop-b'), path.join(aws, 'config'));
    symlinkSync(path.join(aws, 'config'), path.join(aws, 'loop-b'));
  }],
];

for (const [kind, setup] of KINDS) {
  void test(`status with ${kind}: a state and exit 0/1, no stack trace`, () => {
    const home = tempDir();
    const aws = path.join(home, '.aws');
    mkdirSync(aws);
    setup(aws);
    const r = cli(['status', '--json'], home);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    const json = JSON.parse(r.stdout) as { state: string; problems: { code: string }[] };
    assert.ok(['managed', 'modified', 'expired', 'missing', 'unmanaged', 'overridden'].includes(json.state));
    assert.doesNotMatch(r.stderr, STACK);
    const human = cli(['status'], home);
    assert.doesNotMatch(human.stdout + human.stderr, STACK);
  });
}

/** A copy of the CLI bundle that `nobody` can read: the checkout may sit under /root or a 0700 `mktemp -d`. */
function cliForOthers(): string | undefined {
  const dir = tempDir();
  chmodSync(dir, 0o755);
  copyFileSync(CLI, path.join(dir, 'cli.js'));
  chmodSync(path.join(dir, 'cli.js'), 0o644);
  const reachable = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, '-e', 'require("fs").accessSync(process.argv[1], 4)', path.join(dir, 'cli.js')]);
  return reachable.status === 0 ? path.join(dir, 'cli.js') : undefined;
}

const asRoot = process.getuid?.() === 0;
const othersCli = asRoot ? cliForOthers() : undefined;
const skipNobody = !asRoot ? 'needs root to switch to the user nobody' : !othersCli ? `nobody cannot reach ${tmpdir()} or ${process.execPath}` : false;

void test('an unreadable credentials file (as a non-root user): a state and a problem, not a crash', { skip: skipNobody }, () => {
  const home = tempDir();
  chmodSync(home, 0o755);
  const aws = path.join(home, '.aws');
  mkdirSync(aws, { mode: 0o755 });
  writeFileSync(path.join(aws, 'credentials'), header, { mode: 0o600 }); // root's file, unreadable to nobody
  const r = cli(['status', '--json'], home, undefined, 65534, othersCli);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  const json = JSON.parse(r.stdout) as { problems: { code: string; detail?: string }[] };
  assert.ok(json.problems.some((p) => p.code === 'file-unreadable' && p.detail === 'unreadable'), r.stdout);
});

void test('explain with 20 MB without a newline and with binary input: an answer, bounded, exit 0', () => {
  const home = tempDir();
  const big = cli(['explain', '--json'], home, 'y'.repeat(20 << 20));
  assert.equal(big.code, 0, big.stderr);
  assert.equal((JSON.parse(big.stdout) as { reason: string }).reason, 'none');
  const binary = cli(['explain', '--json', '--exit-code', '1'], home, Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 31) % 256)));
  assert.equal(binary.code, 0, binary.stderr);
  assert.doesNotMatch(binary.stderr, STACK);
});

void test('add-profile on a broken or binary config: one-sentence error, exit 2, file unchanged', () => {
  for (const content of ['[profile a]\n[profile a]\n', Buffer.from([0xff, 0xfe, 0x00, 0x5b])]) {
    const home = tempDir();
    mkdirSync(path.join(home, '.aws'));
    const config = path.join(home, '.aws', 'config');
    writeFileSync(config, content);
    const r = cli(['add-profile', '--name', 'c9', '--access-key-id', 'AKIAIOSFODNN7EXAMPLE', '--secret-stdin'], home, 'secret\n');
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.doesNotMatch(r.stderr, STACK);
    assert.ok(readFileSync(config).equals(Buffer.from(content)), 'nothing changed');
  }
});

void test('fuzz: the parser and the profile map never throw on arbitrary text (fast-check, fixed seed)', () => {
  const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.array(fc.constantFrom('[', ']', '=', ':', ' ', '\t', '\n', '\r', '#', ';', 'a', 'profile ', '"', '\\', '\u00a0', '\ufeff', '\0'), { maxLength: 300 }).map((a) => a.join('')));
  fc.assert(fc.property(text, (t) => {
    const view = parseCliView(parseDocument(t));
    for (const [, entry] of buildProfileMap(view, view)) void entry.values.size;
    // Read as bytes (lone surrogates become U+FFFD, as in any UTF-8 file), the same.
    const bytes = Buffer.from(t);
    const fromBytes = parseCliView(parseDocument(bytes));
    for (const [, entry] of buildProfileMap(fromBytes, fromBytes)) void entry.values.size;
    return parseDocument(t).text === t && parseDocument(bytes).text === bytes.toString(); // and the model stays lossless
  }), { numRuns: 3000, seed: 77 });
});
