// Node 18, the version an Amazon Linux 2023 Cloud9 host has, beside the machine's Node 20: Debian
// 12's nodejs 18 and its libraries unpacked into a cache folder (.cache/, gitignored; about 21 MB,
// downloaded once per checkout). Debian's build loads some of its own modules from
// /usr/share/nodejs, so each run gets a private mount namespace where an overlay adds the unpacked
// /usr/share/nodejs on top of the real /usr/share; nothing on the machine changes for anyone else.
import { spawnSync, SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../unit/helpers';

const PACKAGES = ['libc-ares2', 'libnghttp2-14', 'libuv1', 'libbrotli1', 'libicu72', 'node-acorn', 'node-cjs-module-lexer', 'node-undici', 'node-xtend', 'node-busboy'];
const CACHE = path.join(ROOT, '.cache', 'node18');

export interface Node18 {
  /** `process.version` of the unpacked Node, e.g. v18.20.4. */
  version: string;
  /** Runs argv (looked up on PATH, where `node` is Node 18) in the private mount namespace. */
  run(argv: string[], o?: { env?: Record<string, string>; input?: string; cwd?: string }): SpawnSyncReturns<string>;
}

const sh = (cmd: string, args: string[], cwd?: string): SpawnSyncReturns<string> => spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 300_000 });

/** Debian 12's newest nodejs 18 version, as apt knows it (the security update when there is one). */
function debianVersion(): string | undefined {
  const out = sh('apt-cache', ['madison', 'nodejs']).stdout ?? '';
  return out.split('\n').map((l) => l.split('|')[1]?.trim()).find((v) => v?.startsWith('18.'));
}

function unpack(): string | undefined {
  let version = debianVersion();
  if (!version && process.getuid?.() === 0) {
    sh('apt-get', ['update', '-qq']);
    version = debianVersion();
  }
  if (!version) return 'apt knows no nodejs 18 (not Debian 12, or no package lists: run apt-get update)';
  const debs = `${CACHE}.debs-${process.pid}`;
  rmSync(debs, { recursive: true, force: true });
  mkdirSync(debs, { recursive: true });
  const dl = sh('apt-get', ['download', `nodejs=${version}`, `libnode108=${version}`, ...PACKAGES], debs);
  if (dl.status !== 0) return `apt-get download failed: ${(dl.stderr || dl.stdout).trim().split('\n').at(-1)}`;
  const tree = `${CACHE}.tree-${process.pid}`;
  for (const deb of readdirSync(debs)) {
    const x = sh('dpkg', ['-x', path.join(debs, deb), tree]);
    if (x.status !== 0) return `dpkg -x ${deb} failed: ${x.stderr.trim()}`;
  }
  rmSync(debs, { recursive: true, force: true });
  rmSync(CACHE, { recursive: true, force: true });
  renameSync(tree, CACHE); // complete or absent: a killed download never leaves half a cache
  return undefined;
}

/** Node 18, or why it cannot run here (the reason a test skips with). */
export function node18(): Node18 | string {
  if (process.platform !== 'linux') return 'Debian packages: Linux only';
  if (process.getuid?.() !== 0) return 'Node 18 needs root: its /usr/share/nodejs overlay is mounted in a private mount namespace (unshare -m)';
  if (!existsSync(path.join(CACHE, 'usr', 'bin', 'node'))) {
    mkdirSync(path.dirname(CACHE), { recursive: true });
    const problem = unpack();
    if (problem) return problem;
  }
  const bin = path.join(CACHE, 'usr', 'bin');
  const share = path.join(CACHE, 'usr', 'share');
  const script = `mount -t overlay overlay -o "lowerdir=${share}:/usr/share" /usr/share 2>/dev/null || { [ -d /usr/share/nodejs ] && mount --bind "${share}/nodejs" /usr/share/nodejs; } || exit 97; exec "$@"`;
  const run: Node18['run'] = (argv, o = {}) =>
    spawnSync('unshare', ['-m', 'sh', '-c', script, 'sh', ...argv], {
      cwd: o.cwd,
      input: o.input,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...o.env, PATH: `${bin}:${o.env?.PATH ?? process.env.PATH ?? ''}`, LD_LIBRARY_PATH: path.join(CACHE, 'usr', 'lib', 'x86_64-linux-gnu') },
    });
  const probe = run(['node', '--version']);
  if (probe.status === 97) return 'neither an overlay on /usr/share nor a bind mount on /usr/share/nodejs is possible here';
  if (probe.status !== 0 || !probe.stdout.startsWith('v18.')) return `the unpacked Node 18 does not start: ${probe.stderr.trim().split('\n')[0]}`;
  return { version: probe.stdout.trim(), run };
}
