// `npm run pack:cli`: the amtc-guard CLI as an npm tarball, dist/amtc-guard-<version>.tgz. Its
// package.json is packages/cli/package.json plus the version and links of the extension's
// package.json (one version for both); it holds the two bundles and no dependencies, so
// `npm install -g ./amtc-guard-<version>.tgz` needs no registry. Why a second package.json: README.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './bootstrap.mjs';

const run = (cmd, args, cwd = ROOT) => {
  const r = spawnSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed with exit code ${r.status}`);
  return r.stdout;
};

// --no-build packs the bundles already in dist/ (the tests' build); --destination DIR (default dist/).
const args = process.argv.slice(2);
const destination = path.resolve(args.includes('--destination') ? args[args.indexOf('--destination') + 1] : path.join(ROOT, 'dist'));
if (!args.includes('--no-build')) run(process.execPath, ['scripts/build.mjs', '--production']);
const root = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const cli = JSON.parse(readFileSync(path.join(ROOT, 'packages', 'cli', 'package.json'), 'utf8'));
const manifest = { name: cli.name, version: root.version, ...cli, repository: root.repository, bugs: root.bugs, homepage: root.homepage };
const stage = mkdtempSync(path.join(tmpdir(), 'amtc-guard-pack-'));
mkdirSync(path.join(stage, 'dist'));
mkdirSync(destination, { recursive: true });
writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const f of cli.files) copyFileSync(path.join(ROOT, f), path.join(stage, f));
try {
  const tgz = run('npm', ['pack', '--silent', '--pack-destination', destination], stage).trim().split('\n').at(-1);
  console.log(path.join(destination, tgz));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
