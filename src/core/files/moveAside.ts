// Moves a file aside and back, losslessly, under the lock our writers share (safeWrite.ts). The
// move is one rename to a 0600 file among the backups (.amtc-guard-backups/, beside the file), so the bytes are never in only one
// place in memory; the file is re-read just before the rename and the moved bytes compared after
// it: if someone else (Cloud9) wrote meanwhile, nothing is moved and nothing is lost. Undo puts the
// same inode back with link(), which never replaces a file written since.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { withFileLock } from './lock';
import { backupDir, fileStamp, isInside, resolveTarget, syncDir } from './safeWrite';

export type MoveFailure = 'changed' | 'missing' | 'locked' | 'outside-home' | 'io';

export type MoveOutcome = { ok: true; target: string; aside: string } | { ok: false; failure: MoveFailure; target: string; detail?: string };

export type RestoreOutcome =
  | { ok: true; target: string; aside: string }
  | { ok: false; failure: 'nothing-to-undo' | 'written-meanwhile' | 'locked' | 'io'; target: string; aside?: string; detail?: string };

export interface MoveOptions {
  file: string;
  home: string;
  /** The bytes the caller checked; the move happens only while the file still holds exactly these. */
  expect: Buffer;
  now?: () => Date;
  lockTimeoutMs?: number;
  /** Test hook: runs after the re-read and before the rename (the window a concurrent write can hit). */
  beforeRename?: () => Promise<void> | void;
}

/** Moved files are `<name>.moved-<stamp>-<pid>` in the backup folder (never pruned with the backups). */
export const ASIDE_MARK = '.moved-';

export async function moveAside(o: MoveOptions): Promise<MoveOutcome> {
  const target = await resolveTarget(o.file);
  if (target !== o.file && !isInside(target, o.home)) return { ok: false, failure: 'outside-home', target };
  const r = await withFileLock(target, o.lockTimeoutMs ?? 15_000, async (): Promise<MoveOutcome> => {
    const now = await fs.readFile(target).catch((e: NodeJS.ErrnoException) => e);
    if (!Buffer.isBuffer(now)) return { ok: false, failure: now.code === 'ENOENT' ? 'missing' : 'io', target, detail: now.code };
    if (!now.equals(o.expect)) return { ok: false, failure: 'changed', target };
    await fs.mkdir(backupDir(target), { recursive: true, mode: 0o700 });
    const aside = path.join(backupDir(target), `${path.basename(target)}${ASIDE_MARK}${fileStamp(o.now?.() ?? new Date())}-${process.pid}`);
    await o.beforeRename?.();
    try {
      await fs.rename(target, aside);
    } catch (e) {
      return { ok: false, failure: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'io', target, detail: (e as NodeJS.ErrnoException).code };
    }
    await fs.chmod(aside, 0o600);
    await syncDir(path.dirname(target));
    const moved = await fs.readFile(aside);
    if (moved.equals(o.expect)) return { ok: true, target, aside };
    // Written between the re-read and the rename: put the new bytes back unless yet another file is there.
    await putBack(aside, target);
    return { ok: false, failure: 'changed', target };
  });
  return r ?? { ok: false, failure: 'locked', target };
}

/** The newest file moved aside from `file`, if any. */
export async function latestAside(file: string): Promise<string | undefined> {
  const target = await resolveTarget(file);
  const prefix = `${path.basename(target)}${ASIDE_MARK}`;
  const names = await fs.readdir(backupDir(target)).catch(() => [] as string[]);
  const ours = names.filter((n) => n.startsWith(prefix)).sort();
  return ours.length ? path.join(backupDir(target), ours.at(-1)!) : undefined;
}

/** Puts the newest moved file back, only where no file has been written since. */
export async function restoreAside(file: string, lockTimeoutMs = 15_000): Promise<RestoreOutcome> {
  const target = await resolveTarget(file);
  const r = await withFileLock(target, lockTimeoutMs, async (): Promise<RestoreOutcome> => {
    const aside = await latestAside(target);
    if (!aside) return { ok: false, failure: 'nothing-to-undo', target };
    const back = await putBack(aside, target);
    if ('code' in back) return { ok: false, failure: back.code === 'EEXIST' ? 'written-meanwhile' : 'io', target, aside, detail: back.code };
    return { ok: true, target, aside };
  });
  return r ?? { ok: false, failure: 'locked', target };
}

/** link() the moved file back (fails rather than replace a newer file), then drop the aside name. */
async function putBack(aside: string, target: string): Promise<{ done: true } | { code: string }> {
  try {
    await fs.link(aside, target);
  } catch (e) {
    return { code: (e as NodeJS.ErrnoException).code ?? 'io' };
  }
  await fs.rm(aside, { force: true });
  await syncDir(path.dirname(target));
  return { done: true };
}
