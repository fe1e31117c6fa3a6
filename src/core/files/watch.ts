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

export interface FileWatch {
  roots: string[];
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
  watcher.on('error', onError);
  return { roots, close: () => watcher.close() };
}
