// `npm test`: everything, from a fresh clone. Installs what is missing, then type check + compile,
// lint, unit tests (node --test), extension-host tests (code-server), the end-to-end story
// (packaged .vsix, Chromium, real AWS CLI), and ends with one line
// `N passed, N failed` summing all layers (type check and lint count as one check each).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { ensureHostTools, ensureNpmPackages, ROOT } from './bootstrap.mjs';

const layers = [];
function step(name, cmd, args, count) {
  const started = Date.now();
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const counted = count ? count(r.status) : r.status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
  layers.push({ name, ...counted, seconds: Math.round((Date.now() - started) / 1000) });
  return r.status === 0;
}

function tapCounts(file, status) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const tap = readFileSync(file, 'utf8');
  const n = (k) => Number(new RegExp(`^# ${k} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  const failed = n('fail') + n('cancelled');
  return { passed: n('pass'), failed: failed === 0 && status !== 0 ? 1 : failed };
}

function jsonCounts(file) {
  if (!existsSync(file)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: r.passed, failed: r.failed };
}

ensureNpmPackages();
ensureHostTools();
const only = process.argv[2];
const node = process.execPath;
const bin = (p) => path.join(ROOT, 'node_modules', ...p.split('/'));
rmSync(path.join(ROOT, 'out'), { recursive: true, force: true });
step('build (esbuild)', node, ['scripts/build.mjs']);
const compiled = step('type check + compile tests (tsc, strict)', node, [bin('typescript/bin/tsc'), '-p', 'tsconfig.test.json']);
if (!only || only === 'lint') step('lint (eslint, typed rules)', node, [bin('eslint/bin/eslint.js'), '.']);
if (compiled && (!only || only === 'unit')) {
  const dir = path.join(ROOT, 'out', 'test', 'unit');
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
  const tap = path.join(ROOT, 'out', 'unit.tap');
  step('unit tests (node --test, real files)', node, ['--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], (s) => tapCounts(tap, s));
}
if (compiled && (!only || only === 'host')) {
  step('extension-host tests (code-server + Chromium)', node, ['out/test/host/runHostTests.js'], () => jsonCounts(path.join(ROOT, 'out', 'host-results.json')));
}

if (compiled && (!only || only === 'e2e')) {
  step('end-to-end (packaged .vsix, Chromium, real AWS CLI)', node, ['out/test/e2e/runE2e.js'], () => jsonCounts(path.join(ROOT, 'out', 'e2e-results.json')));
}

console.log('\n=== summary');
for (const l of layers) console.log(`${l.name.padEnd(48)} ${String(l.passed).padStart(4)} passed ${String(l.failed).padStart(3)} failed  ${l.seconds}s`);
const passed = layers.reduce((a, l) => a + l.passed, 0);
const failed = layers.reduce((a, l) => a + l.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
