// Turns a CredentialStatus into the lines `status` and `watch` print.
import type { CredentialStatus } from '../core/amtc/state';
import type { ChainSource } from '../core/credentials/chainTypes';
import { minutesLeft } from '../core/amtc/statusTimes';
import type { Messages } from './messages';

export function headline(s: CredentialStatus, m: Messages, now: number): string {
  switch (s.state) {
    case 'managed': return m.state.managed(minutesLeft(s.amtc!.expiresAt, now));
    case 'overridden': return m.state.overridden(s.activeProfile, s.profileFrom === 'env-keys' ? m.envKeys : s.profileFrom);
    default: return m.state[s.state];
  }
}

/** The source in words: kind, works, time left, then the problem or what only a call would tell. */
export function sourceLine(src: ChainSource, m: Messages, now: number, brief = false): string {
  const w = m.source;
  const parts = [src.kind ? w.kind[src.kind] : w.none, w.works[src.works]];
  if (src.expiresAt !== null && src.expiresAt > now) parts.push(w.left(m.duration(minutesLeft(src.expiresAt, now))));
  if (brief) return parts.join(m.sep.list);
  const why = src.works === 'fails' ? w.problem(src) : src.works === 'unchecked' ? w.unchecked(src.detail) : null;
  return `${parts.join(m.sep.list)}${why ? ` — ${why}` : ''}`;
}

export function statusLines(s: CredentialStatus, m: Messages, now: number): string[] {
  const lines = [headline(s, m, now)];
  const src = s.source;
  lines.push(`  ${m.fields.profile}: ${s.activeProfile}`);
  lines.push(`  ${m.source.label}: ${sourceLine(src, m, now)}`);
  if (src.sessionExpiresAt !== null && src.sessionExpiresAt !== src.expiresAt) lines.push(`  ${m.source.sessionUntil(new Date(src.sessionExpiresAt).toISOString())}`);
  if (src.keyId) lines.push(`  ${m.fields.key}: ${src.keyId}`);
  lines.push(`  ${m.fields.files}: ${s.credentialsFile}${m.sep.list}${s.configFile}`);
  if (s.amtc) {
    const ago = Math.floor((now - s.amtc.refreshedAt) / 60_000);
    const end = s.amtc.expiresAt > now ? `${m.fields.expires}: ${m.inMinutes(minutesLeft(s.amtc.expiresAt, now))}` : `${m.fields.expired}: ${m.ago(Math.floor((now - s.amtc.expiresAt) / 60_000))}`;
    const times = `${m.fields.refreshed}: ${m.ago(ago)}${m.sep.clause}${end}`;
    // Another profile (or env keys) in use: these times are the managed [default]'s, not the source's, and say so.
    if (managedInUse(s)) lines.push(`  ${times}`);
    else lines.push(`  ${m.fields.managedNotUsed}:`, `    ${times}`);
  }
  for (const p of s.problems) lines.push(`  ! ${m.problem(p)}`);
  return lines;
}

/** The AWS CLI signs with Cloud9's managed [default] keys: only then do the AMTC states apply (SPEC §3). */
export function managedInUse(s: CredentialStatus): boolean {
  return s.state === 'managed' || s.state === 'modified' || s.state === 'expired';
}

/** `status --json`: the SPEC §6 shape, times as ISO strings. */
export function statusJson(s: CredentialStatus): object {
  const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
  return {
    state: s.state,
    problems: s.problems,
    activeProfile: s.activeProfile,
    profileFrom: s.profileFrom,
    credentialsFile: s.credentialsFile,
    configFile: s.configFile,
    source: sourceJson(s.source),
    amtc: s.amtc && {
      refreshedAt: iso(s.amtc.refreshedAt),
      nextRefreshAt: iso(s.amtc.nextRefreshAt),
      expiresAt: iso(s.amtc.expiresAt),
      keyId: s.amtc.keyId,
      region: s.amtc.region,
    },
    profiles: s.profiles.map(({ keysTag: _tag, ...p }) => p),
    profileCount: s.profileCount,
  };
}

/** SPEC §7's `source` object: kind, works, problem, expiresAt (ISO), from, plus what the files told. */
export function sourceJson(src: ChainSource): object {
  const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());
  return { ...src, expiresAt: iso(src.expiresAt), sessionExpiresAt: iso(src.sessionExpiresAt), via: src.via && sourceJson(src.via) };
}
