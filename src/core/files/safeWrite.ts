// Every write to a user's credentials or config file goes through here (SPEC §5): a lock (lock.ts) between
// our own writers, the edit computed on what is on disk now, a temp file in the same directory
// (fsync, then rename), the existing mode kept (0600 for new files), a timestamped 0600 backup in
// a folder beside the file (`.amtc-guard-backups/`, the newest 10 kept),
// and a re-read right before the rename: if someone else (Cloud9) wrote meanwhile, start over.
import { randomBytes } from 'node:crypto';
import { constants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { withFileLock } from './lock';

export type WriteFailure = 'outside-home' | 'not-a-file' | 'unreadable' | 'invalid-utf8' | 'locked' | 'keeps-changing' | 'refused' | 'io';

export type EditDecision<R> = { write: string; result: R } | { refuse: R };

export type SafeWriteResult<R> =
  | { ok: true; written: boolean; result: R; target: string; backup: string | null; attempts: number }
  | { ok: false; failure: WriteFailure; result?: R; target: string; detail?: string };

export interface SafeWriteOptions<R> {
  file: string;
  home: string;
  /** Pure: the new text for the current text (undefined when the file does not exist). */
  edit: (current: string | undefined) => EditDecision<R>;
  now?: () => Date;
  lockTimeoutMs?: number;
  /** Test hook, called after the temp file is written and before the compare-and-rename. */
  beforeCommit?: () => Promise<void> | void;
}

const MAX_ATTEMPTS = 25;
const KEEP_BACKUPS = 10;
const BACKUP_DIR = '.amtc-guard-backups';
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export async function safeWrite<R>(opts: SafeWriteOptions<R>): Promise<SafeWriteResult<R>> {
  const target = await resolveTarget(opts.file);
  if (target !== opts.file && !isInside(target, opts.home)) return { ok: false, failure: 'outside-home', target };
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const locked = await withFileLock(target, opts.lockTimeoutMs ?? 15_000, () => writeLocked(opts, target));
  return locked ?? { ok: false, failure: 'locked', target };
}

async function writeLocked<R>(opts: SafeWriteOptions<R>, target: string): Promise<SafeWriteResult<R>> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const before = await readBytes(target);
    if ('failure' in before) return { ok: false, failure: before.failure, target };
    let current: string | undefined;
    try {
      current = before.bytes && decoder.decode(before.bytes);
    } catch {
      return { ok: false, failure: 'invalid-utf8', target };
    }
    const decision = opts.edit(current);
    if ('refuse' in decision) return { ok: false, failure: 'refused', result: decision.refuse, target };
    if (decision.write === current) return { ok: true, written: false, result: decision.result, target, backup: null, attempts: attempt };
    const mode = before.mode ?? 0o600;
    const temp = `${target}.amtc-guard-${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    await writeDurably(temp, decision.write, mode);
    let backup: string | null = null;
    try {
      // The backup first, so that only the re-read stands between the compare and the rename.
      backup = before.bytes ? await writeBackup(target, before.bytes, opts.now?.() ?? new Date()) : null;
      await opts.beforeCommit?.();
      // Compare before rename: anything written since our read means our edit is stale.
      const now = await readBytes(target);
      if ('failure' in now || !sameBytes(before.bytes, now.bytes)) {
        await dropAll(temp, backup); // that version was replaced by someone else, not by us
        continue;
      }
      await fs.rename(temp, target);
    } catch (e) {
      await dropAll(temp, backup);
      throw e;
    }
    await syncDir(path.dirname(target));
    if (backup) await pruneBackups(target);
    return { ok: true, written: true, result: decision.result, target, backup, attempts: attempt };
  }
  return { ok: false, failure: 'keeps-changing', target };
}

/** Follows symlinks (dotfile managers), also a dangling one, to the file that really gets written. */
export async function resolveTarget(file: string): Promise<string> {
  let p = file;
  for (let hops = 0; hops < 32; hops++) {
    let st;
    try {
      st = await fs.lstat(p);
    } catch {
      return p;
    }
    if (!st.isSymbolicLink()) return p;
    p = path.resolve(path.dirname(p), await fs.readlink(p));
  }
  return p;
}

export function isInside(p: string, dir: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(p));
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

type Read = { bytes: Buffer | undefined; mode: number | undefined } | { failure: WriteFailure };

async function readBytes(file: string): Promise<Read> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return { failure: 'not-a-file' };
    return { bytes: await fs.readFile(file), mode: st.mode & 0o7777 };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { bytes: undefined, mode: undefined };
    if (code === 'EACCES') return { failure: 'unreadable' };
    return { failure: 'io' };
  }
}

async function dropAll(...files: (string | null)[]): Promise<void> {
  for (const f of files) if (f) await fs.rm(f, { force: true });
}

function sameBytes(a: Buffer | undefined, b: Buffer | undefined): boolean {
  return a === undefined || b === undefined ? a === b : a.equals(b);
}

async function writeDurably(file: string, text: string, mode: number): Promise<void> {
  const h = await fs.open(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, mode);
  try {
    await h.writeFile(text, 'utf8');
    await h.chmod(mode); // the umask must not widen or narrow it
    await h.sync();
  } finally {
    await h.close();
  }
}

export async function syncDir(dir: string): Promise<void> {
  const h = await fs.open(dir, 'r').catch(() => undefined);
  await h?.sync().catch(() => undefined);
  await h?.close();
}

/** Where the backups of a file go: a folder beside it, so they never pile up among the user's files. */
export function backupDir(target: string): string {
  return path.join(path.dirname(target), BACKUP_DIR);
}

/** A file-name-safe UTC time stamp, as the backups carry it. */
export function fileStamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('.', '-');
}

async function writeBackup(target: string, bytes: Buffer, now: Date): Promise<string> {
  const stamp = fileStamp(now);
  const dir = backupDir(target);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  const backup = path.join(dir, `${path.basename(target)}.${stamp}-${process.pid}`);
  await writeDurably(backup, bytes.toString('utf8'), 0o600);
  return backup;
}

/**
 * Keeps the newest KEEP_BACKUPS backups of this file; older ones are removed. Backups that earlier
 * versions left beside the file (`credentials.amtc-guard-backup-…`) move into the folder first.
 */
async function pruneBackups(target: string): Promise<void> {
  const dir = backupDir(target);
  const name = path.basename(target);
  const legacy = `${name}.amtc-guard-backup-`;
  for (const old of (await fs.readdir(path.dirname(target))).filter((f) => f.startsWith(legacy))) {
    await fs.rename(path.join(path.dirname(target), old), path.join(dir, `${name}.${old.slice(legacy.length)}`)).catch(() => undefined);
  }
  const ours = (await fs.readdir(dir)).filter((f) => f.startsWith(`${name}.`) && /^\d{8}T/.test(f.slice(name.length + 1))).sort();
  for (const old of ours.slice(0, Math.max(0, ours.length - KEEP_BACKUPS))) await fs.rm(path.join(dir, old), { force: true });
}
