// Makes a fresh clone runnable: npm packages (npm ci when node_modules is missing or stale), then
// the Debian packages and code-server the host and e2e tests need. Uses only Node built-ins.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
}

export function ensureNpmPackages() {
  const stamp = path.join(ROOT, 'node_modules', '.amtc-lock-hash');
  const want = createHash('sha256').update(readFileSync(path.join(ROOT, 'package-lock.json'))).digest('hex');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === want) return;
  console.log('installing npm packages (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error']);
  writeFileSync(stamp, want);
}

export function ensureHostTools() {
  run('bash', [path.join(ROOT, 'scripts', 'ensure-host-tools.sh')]);
}

export function build() {
  run(process.execPath, [path.join(ROOT, 'scripts', 'build.mjs')]);
  run(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.test.json']);
}
