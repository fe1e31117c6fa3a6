// Reads a credentials or config file so that a write in progress (Cloud9 rewrites its file in
// place every five minutes) never shows up as a half file: the file's identity must be the same
// before and after the read, else it is read again.
import { isAscii } from 'node:buffer';
import { promises as nodeFs, Stats } from 'node:fs';

export type FileReadError = 'not-a-file' | 'unreadable' | 'symlink-loop' | 'invalid-utf8' | 'unstable' | 'io';

export interface FileRead {
  path: string;
  /** The CLI will open it (a regular file, possibly behind symlinks). */
  exists: boolean;
  /** Decoded text; undefined when the file is absent, unreadable or not UTF-8. */
  text?: string;
  /** The bytes behind `text` (the parser scans an ASCII file as its bytes; its text is decoded on first use). */
  bytes?: Buffer;
  mtimeMs?: number;
  mode?: number;
  /** Final target when `path` is a symlink. */
  realPath?: string;
  error?: FileReadError;
}

export interface ReadFs {
  stat(p: string): Promise<Stats>;
  readFile(p: string): Promise<Buffer>;
  realpath(p: string): Promise<string>;
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const MAX_ATTEMPTS = 8;

export async function readStable(path: string, fs: ReadFs = nodeFs): Promise<FileRead> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let before: Stats;
    try {
      before = await fs.stat(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // The CLI treats a missing file, a dangling link and a link loop alike: no file.
      if (code === 'ENOENT' || code === 'ENOTDIR') return { path, exists: false };
      if (code === 'ELOOP') return { path, exists: false, error: 'symlink-loop' };
      if (code === 'EACCES') return { path, exists: false, error: 'unreadable' };
      return { path, exists: false, error: 'io' };
    }
    if (!before.isFile()) return { path, exists: false, error: 'not-a-file' };
    let bytes: Buffer;
    let after: Stats;
    try {
      bytes = await fs.readFile(path);
      after = await fs.stat(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') continue; // deleted between stat and read: look again
      // configparser skips a file it cannot open, so the CLI sees it as empty.
      if (code === 'EACCES') return { path, exists: true, mtimeMs: before.mtimeMs, mode: before.mode, error: 'unreadable' };
      return { path, exists: true, error: 'io' };
    }
    if (!sameVersion(before, after) || bytes.length !== after.size) {
      await new Promise((r) => setTimeout(r, 2 * (attempt + 1)));
      continue;
    }
    const result: FileRead = { path, exists: true, mtimeMs: after.mtimeMs, mode: after.mode };
    if (isAscii(bytes)) {
      // Nearly every AWS file: valid as it is, and the parser reads the bytes, so the text is made
      // only when something asks for all of it (a 10 MB config is then never decoded).
      let text: string | undefined;
      Object.defineProperty(result, 'text', { enumerable: true, configurable: true, get: () => (text ??= bytes.toString('latin1')) });
      result.bytes = bytes;
    } else {
      try {
        result.text = decoder.decode(bytes);
        result.bytes = bytes;
      } catch {
        result.error = 'invalid-utf8';
      }
    }
    const real = await fs.realpath(path).catch(() => path);
    if (real !== path) result.realPath = real;
    return result;
  }
  return { path, exists: true, error: 'unstable' };
}

function sameVersion(a: Stats, b: Stats): boolean {
  return a.ino === b.ino && a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs;
}
