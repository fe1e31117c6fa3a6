// Watches files that may not exist yet: each file's nearest existing ancestor directory is watched
// (depth 0), so delete + recreate, rename-over and a ~/.aws created later are all seen. When a
// directory on the way appears or goes, the caller re-plans with watchRoots().
import { FSWatcher, watch } from 'chokidar';
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';

/** The directory to watch for each file: its own directory, or the nearest ancestor that exists. */
export function watchRoots(files: readonly string[]): string[] {
  const roots = new Set<string>();
  for (const f of files) {
    let dir = path.dirname(f);
    while (!isDir(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
    roots.add(dir);
  }
  return [...roots].sort();
}

function inode(p: string): number | undefined {
  try {
    return statSync(p).ino;
  } catch {
    return undefined;
  }
}

function isDir(p: string): boolean {
  try {
    return existsSync(p) && statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** True for a path that matters: a watched file or a directory on the way to one. */
export function isRelevant(p: string, files: readonly string[]): boolean {
  return files.some((f) => f === p || f.startsWith(p.endsWith(path.sep) ? p : p + path.sep));
}

/** Base names from a watched root down to the file (the directories that may appear, and the file). */
function chainNames(file: string, roots: readonly string[]): string[] {
  const root = roots.find((r) => file.startsWith(r + path.sep));
  if (!root) return [path.basename(file)];
  return path.relative(root, file).split(path.sep);
}

export interface FileWatch {
  roots: string[];
  /** Resolves once the initial scan is done; changes before that are not reported. */
  ready: Promise<void>;
  /** A watched directory was replaced (rm -rf + mkdir): the watch is on a dead inode. */
  stale(): boolean;
  close(): Promise<void>;
}

export function watchFiles(files: readonly string[], onEvent: (p: string) => void, onError: (e: unknown) => void): FileWatch {
  const roots = watchRoots(files);
  const watcher: FSWatcher = watch(roots, {
    ignoreInitial: true,
    depth: 0,
    // Our own debounce handles atomic saves; chokidar's would delay unlink events by 100 ms.
    atomic: false,
    followSymlinks: false,
    ignored: (p: string) => !roots.includes(p) && !isRelevant(p, files),
  });
  watcher.on('all', (_event, p) => onEvent(p));
  // chokidar decides "changed" by comparing mtimes, so a rename-over within the same millisecond
  // can go unreported; the raw fs.watch events for our names catch it (we re-read anyway).
  const names = new Set(files.flatMap((f) => chainNames(f, roots)));
  // A watched directory that is itself removed or renamed leaves chokidar silent on a dead inode,
  // and a directory made right after gets the same inode number back, so only this event tells.
  const rootNames = new Set(roots.map((r) => path.basename(r)));
  let rootReplaced = false;
  watcher.on('raw', (event: string, name: unknown) => {
    if (typeof name === 'string' && event === 'rename' && rootNames.has(name)) rootReplaced = true;
    if (typeof name !== 'string' || names.has(path.basename(name)) || rootNames.has(name)) onEvent(String(name));
  });
  watcher.on('error', onError);
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  const inodes = roots.map(inode);
  return { roots, ready, stale: () => rootReplaced || roots.some((r, i) => inode(r) !== inodes[i]), close: () => watcher.close() };
}
