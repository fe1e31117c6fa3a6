// The lock our writers share for one file (safeWrite.ts, moveAside.ts): `<file>.amtc-guard.lock`.
//
// The lock file never exists empty: its line (pid, time, host, process start, nonce) is written to a
// temp file first and link()ed into place, which fails while a lock is there. A lock is stale only
// when its owner is gone: on this host a dead pid, or a pid that now names a process started at
// another time (a reused pid). A lock nobody can vouch for (another host sharing this home, an older
// amtc-guard's empty or short line, no /proc) is stale only once it is older than any write takes.
// Breaking is atomic: the breaker link()s the lock to a marker named after the lock it judged stale,
// which only one breaker can create and which shows whether the lock it pinned is still that one;
// a lock that was meanwhile replaced is never touched. So a live writer, however slow (a loaded
// machine can stall it for seconds), is never joined by a second one; nor is the next writer when a
// waiter judged the lock of one that had just finished and exited (the race that lost profiles).
import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';

export interface LockTestHooks {
  /** Runs once the lock file is in place and ours, before the work. */
  created?: () => Promise<void> | void;
  /** Runs when a lock seen was judged stale, before it is broken. */
  judgedStale?: () => Promise<void> | void;
}

/** A lock whose owner cannot be checked is broken only when older than this: far beyond any write. */
const UNCHECKED_STALE_MS = 60_000;
/** Breaking takes a moment; a marker this old was left by a breaker that died meanwhile. */
const ABANDONED_BREAK_MS = 10_000;
/** link() errors of a file system without hard links (then: create-exclusive, and break by rename only). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

/** Runs `fn` holding the lock for `target`; undefined when the lock was not had within `timeoutMs`. */
export async function withFileLock<T>(target: string, timeoutMs: number, fn: () => Promise<T>, hooks: LockTestHooks = {}): Promise<T | undefined> {
  const lock = `${target}.amtc-guard.lock`;
  const line = await acquire(lock, timeoutMs, hooks);
  if (line === undefined) return undefined;
  try {
    await hooks.created?.();
    return await fn();
  } finally {
    await release(lock, line);
  }
}

async function acquire(lock: string, timeoutMs: number, hooks: LockTestHooks): Promise<string | undefined> {
  const deadline = Date.now() + timeoutMs;
  // pid and time first: what amtc-guard before this lock reads (it checks that pid, or 30 s of age).
  const line = `${process.pid} ${Date.now()} ${hostName()} ${(await processStart(process.pid)) ?? '-'} ${randomBytes(6).toString('hex')}\n`;
  const temp = `${lock}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  await fs.writeFile(temp, line, { flag: 'wx', mode: 0o600 });
  try {
    for (;;) {
      if (await place(temp, lock, line)) return line;
      const seen = await inspect(lock);
      if (seen === undefined) continue; // released just now: try again at once
      if (seen !== 'unreadable' && (await isStale(seen))) {
        await hooks.judgedStale?.();
        if (await breakStale(lock, seen)) continue;
      }
      if (Date.now() > deadline) return undefined;
      await new Promise((r) => setTimeout(r, 10 + Math.random() * 40));
    }
  } finally {
    await fs.rm(temp, { force: true });
  }
}

/** Puts our line in place unless a lock is there; false when one is. */
async function place(temp: string, lock: string, line: string): Promise<boolean> {
  try {
    await fs.link(temp, lock);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw e;
  }
  // No hard links here: the lock is empty for a moment, which waiters read as unchecked (not stale).
  try {
    await fs.writeFile(lock, line, { flag: 'wx', mode: 0o600 });
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
}

/** Removes our lock, and only ours: a lock someone took from us (judged stale) stays theirs. */
async function release(lock: string, line: string): Promise<void> {
  const now = await inspect(lock);
  if (now !== undefined && now !== 'unreadable' && now.text === line) await fs.rm(lock, { force: true });
}

interface Seen {
  text: string;
  mtimeMs: number;
  /** This very lock file: device, inode, time and line (an empty line is not unique by itself). */
  id: string;
}

/** One lock file's line and age, read from one open file; undefined when there is none. */
async function inspect(file: string): Promise<Seen | 'unreadable' | undefined> {
  let h;
  try {
    h = await fs.open(file, 'r');
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'unreadable';
  }
  try {
    const st = await h.stat();
    const text = await h.readFile('utf8');
    return { text, mtimeMs: st.mtimeMs, id: `${st.dev}:${st.ino}:${st.mtimeMs}:${text}` };
  } catch {
    return 'unreadable';
  } finally {
    await h.close();
  }
}

async function isStale(seen: Seen): Promise<boolean> {
  const [pidText, atText, host, start] = seen.text.trim().split(/\s+/);
  const pid = Number(pidText);
  const old = Date.now() - seen.mtimeMs > UNCHECKED_STALE_MS;
  if (!Number.isInteger(pid) || pid <= 0 || !Number(atText)) return old; // empty or garbled
  if (host !== undefined && host !== hostName()) return old; // its pid says nothing on this host
  if (!isAlive(pid)) return true;
  if (start === undefined || start === '-') return old; // a live pid, but maybe reused: cannot tell
  const now = await processStart(pid);
  return now === undefined ? old : now !== start;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH'; // EPERM: alive, another user's
  }
}

/** When a process started (boot id + clock ticks since boot, from /proc); undefined where unknown. */
async function processStart(pid: number): Promise<string | undefined> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]; // field 22, starttime
    const boot = await fs.readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '');
    return ticks ? `${boot.trim().slice(0, 8)}.${ticks}` : undefined;
  } catch {
    return undefined;
  }
}

function hostName(): string {
  return hostname().replace(/\s+/g, '_') || '-';
}

/**
 * Removes the stale lock `seen` and nothing else; true when the caller should try to take the lock
 * at once. link(lock, marker) pins whatever lock is there now under a name only one breaker of
 * `seen` can create; if the pinned lock is not `seen`, someone broke it already (and a writer may
 * hold a fresh one), so it is left alone. The winner renames the lock aside and checks it once more
 * before deleting it, putting back anything else with link(), which never replaces a newer lock.
 */
async function breakStale(lock: string, seen: Seen): Promise<boolean> {
  const marker = `${lock}.break-${createHash('sha256').update(seen.id).digest('hex').slice(0, 16)}.tmp`;
  let pinned = true;
  try {
    await fs.link(lock, marker);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return true; // gone already
    if (code === 'EEXIST') await dropAbandoned(marker);
    if (!NO_HARD_LINKS.has(code)) return false;
    pinned = false;
  }
  try {
    const still = pinned ? await inspect(marker) : seen;
    if (still === undefined || still === 'unreadable' || still.id !== seen.id) return false;
    const aside = `${lock}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await fs.rename(lock, aside);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT'; // gone already
    }
    const moved = await inspect(aside);
    const wasStale = moved !== undefined && moved !== 'unreadable' && moved.id === seen.id;
    if (!wasStale) await fs.link(aside, lock).catch(() => undefined);
    await fs.rm(aside, { force: true });
    return wasStale;
  } finally {
    if (pinned) await fs.rm(marker, { force: true });
  }
}

/** A marker left by a breaker that died between pinning and removing: the lock inode's ctime stopped then. */
async function dropAbandoned(marker: string): Promise<void> {
  const st = await fs.stat(marker).catch(() => undefined);
  if (st && Date.now() - st.ctimeMs > ABANDONED_BREAK_MS) await fs.rm(marker, { force: true });
}
