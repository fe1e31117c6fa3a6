// `npm test`: everything, from a fresh clone. Installs what is missing, then type check + compile,
// lint, unit tests (node --test), extension-host tests (code-server), the end-to-end story
// (packaged .vsix, Chromium, real AWS CLI), and ends with one line
// `N passed, N failed` summing all layers (type check and lint count as one check each).
//
// code-server's install (network and disk, about 90 s on a new machine) runs beside the build, lint
// and unit tests; the host and e2e layers follow the unit tests. Running Chromium beside the unit
// tests was measured on the 2-core machine and made the workbench miss its 30 s page load, so the
// browsers get the machine to themselves (AMTC_TEST_PARALLEL=1 still runs them beside lint + unit).
// A step that runs beside another prints its output as one block when it ends, so nothing
// interleaves. `node scripts/test-all.mjs unit|lint|host|e2e` runs one layer. As a non-root user
// without the Debian packages, host and e2e are skipped (named in the summary).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { ensureNpmPackages, ROOT } from './bootstrap.mjs';

const only = process.argv[2];
const parallel = !only && process.env.AMTC_TEST_PARALLEL === '1';
const wants = (layer) => !only || only === layer;
const layers = [];
const skipped = [];
const env = { ...process.env, FORCE_COLOR: '0' };

/** One step: a child process whose exit code and report file give its counts; `live` streams its output. */
function step(name, cmd, args, count, live = true) {
  const started = Date.now();
  if (live) console.log(`\n=== ${name}`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
    const out = [];
    child.stdout?.on('data', (b) => out.push(b));
    child.stderr?.on('data', (b) => out.push(b));
    child.on('close', (status) => {
      const seconds = Math.round((Date.now() - started) / 1000);
      if (!live) process.stdout.write(`\n=== ${name} (${seconds}s, beside the other steps)\n${Buffer.concat(out).toString()}`);
      const counted = count ? count(status) : status === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 };
      layers.push({ name, ...counted, seconds });
      resolve(status === 0);
    });
  });
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

const hostTools = (what) => spawnSync('bash', [path.join(ROOT, 'scripts', 'ensure-host-tools.sh'), what], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

ensureNpmPackages();
// The Debian packages first: the unit tests use the AWS CLI, zsh and tmux too.
const debian = hostTools('debian');
process.stdout.write(debian.stdout);
const noHostTools = debian.status === 3 ? `${debian.stdout.trim()}; the host and e2e layers need them` : undefined;
if (debian.status !== 0 && !noHostTools) throw new Error(`installing the Debian packages failed (exit ${debian.status})`);
const node = process.execPath;
const bin = (p) => path.join(ROOT, 'node_modules', ...p.split('/'));
rmSync(path.join(ROOT, 'out'), { recursive: true, force: true });
const t0 = Date.now();
const browsersWanted = wants('host') || wants('e2e');
// code-server's install beside everything before the browsers; its output when it ends.
const codeServer = browsersWanted && !noHostTools ? step('code-server (tools/host)', 'bash', [path.join(ROOT, 'scripts', 'ensure-host-tools.sh'), 'code-server'], (s) => ({ passed: 0, failed: s === 0 ? 0 : 1 }), false) : Promise.resolve(true);
await step('build (esbuild)', node, ['scripts/build.mjs'], undefined, !parallel);
const compiled = await step('type check + compile tests (tsc, strict)', node, [bin('typescript/bin/tsc'), '-p', 'tsconfig.test.json'], undefined, !parallel);

async function checks() {
  if (wants('lint')) await step('lint (eslint, typed rules)', node, [bin('eslint/bin/eslint.js'), '.'], undefined, !parallel);
  if (!compiled || !wants('unit')) return;
  const dir = path.join(ROOT, 'out', 'test', 'unit');
  const files = readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort().map((f) => path.join(dir, f));
  const tap = path.join(ROOT, 'out', 'unit.tap');
  await step('unit tests (node --test, real files)', node, ['--test', '--test-concurrency=2', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...files], (s) => tapCounts(tap, s), !parallel);
}

async function browsers() {
  if (!compiled || !browsersWanted) return;
  if (noHostTools) {
    for (const l of ['host', 'e2e']) if (wants(l)) skipped.push(`${l}: ${noHostTools}`);
    return;
  }
  if (!(await codeServer)) return;
  if (wants('host')) await step('extension-host tests (code-server + Chromium)', node, ['out/test/host/runHostTests.js'], () => jsonCounts(path.join(ROOT, 'out', 'host-results.json')), !parallel);
  if (wants('e2e')) await step('end-to-end (packaged .vsix, Chromium, real AWS CLI)', node, ['out/test/e2e/runE2e.js'], () => jsonCounts(path.join(ROOT, 'out', 'e2e-results.json')), !parallel);
}

if (parallel) {
  await Promise.all([checks(), browsers()]);
} else {
  await checks();
  await browsers();
}

console.log('\n=== summary');
for (const l of layers) console.log(`${l.name.padEnd(52)} ${String(l.passed).padStart(4)} passed ${String(l.failed).padStart(3)} failed  ${l.seconds}s`);
for (const s of skipped) console.log(`skipped ${s}`);
console.log(`wall clock after the npm and Debian installs: ${Math.round((Date.now() - t0) / 1000)}s${parallel ? ' (browsers beside the unit tests)' : ''}`);
const passed = layers.reduce((a, l) => a + l.passed, 0);
const failed = layers.reduce((a, l) => a + l.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
