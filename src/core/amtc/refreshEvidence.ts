// Which write of the managed credentials file was Cloud9's (SPEC §3, issue 13). Only evidence of a
// Cloud9 write counts as a refresh: the header's time (Cloud9 writes the time of its next refresh,
// one period ahead) and a new key id. The file's mtime counts only while neither contradicts it, so
// a save by the user or a Repair by us never starts a new lifetime.
import { createHash } from 'node:crypto';

/** Cloud9 rewrites the file every five minutes and writes that time into the header (inferred from the docs). */
export const CLOUD9_REFRESH_PERIOD_MS = 5 * 60_000;
/** How far the mtime may lie after the write the header implies (the header has whole seconds; clocks drift). */
export const WRITE_TOLERANCE_MS = 60_000;

/** What is known of Cloud9's last write; the monitor keeps the previous one, a one-shot CLI has none. */
export interface Cloud9Write {
  /** Epoch ms of the write. */
  at: number;
  /** A fingerprint of the key id Cloud9 wrote (never the key id itself). */
  keyTag: string | null;
  nextRefreshAt: number | null;
}

/** What the file on disk says now. */
export interface FileEvidence {
  mtimeMs: number;
  keyTag: string | null;
  nextRefreshAt: number | null;
}

export interface RefreshJudgement {
  /** Cloud9's last write as far as the evidence goes. */
  write: Cloud9Write;
  /** Someone other than Cloud9 wrote the file after it, and which evidence says so. */
  savedSince: 'header' | 'key-id' | null;
}

export function keyTag(keyId: string | undefined): string | null {
  return keyId ? createHash('sha256').update(keyId).digest('hex').slice(0, 16) : null;
}

/** A fingerprint of a profile's keys (id, secret, token), to notice that they changed; never the keys themselves. */
export function keysTag(keyId: string | undefined, secret: string | undefined, token: string | undefined): string | null {
  return keyId ? createHash('sha256').update([keyId, secret ?? '', token ?? ''].join('\0')).digest('hex').slice(0, 16) : null;
}

export function judgeRefresh(file: FileEvidence, previous?: Cloud9Write): RefreshJudgement {
  const asWritten: Cloud9Write = { at: file.mtimeMs, keyTag: file.keyTag, nextRefreshAt: file.nextRefreshAt };
  if (previous && file.keyTag !== null) {
    // A new key id: only Cloud9 issues one.
    if (file.keyTag !== previous.keyTag) return { write: asWritten, savedSince: null };
    // The key and header of the last Cloud9 write seen: a later mtime is someone else's save.
    if (file.nextRefreshAt === previous.nextRefreshAt && file.mtimeMs > previous.at) return { write: previous, savedSince: 'key-id' };
  }
  if (file.nextRefreshAt !== null) {
    const headerWrite = file.nextRefreshAt - CLOUD9_REFRESH_PERIOD_MS;
    if (file.mtimeMs > headerWrite + WRITE_TOLERANCE_MS) {
      return { write: { ...asWritten, at: headerWrite }, savedSince: 'header' };
    }
  }
  return { write: asWritten, savedSince: null };
}
