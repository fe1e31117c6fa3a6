// When a credential source deserves attention (SPEC §7, issue 14): it fails, or it ends within ten
// minutes. One rule for the status bar's colour, the "ends soon" notification and the CLI prompt.
import type { ChainSource } from './chainTypes';

/** How long before the end a source counts as ending soon (and the SSO notification comes). */
export const ENDS_SOON_MS = 10 * 60_000;

export type Attention = 'failing' | 'ending-soon' | null;

/** The earlier of the credentials' and (for SSO) the session's end, where known. */
export function sourceEndsAt(src: ChainSource): number | null {
  const ends = [src.expiresAt, src.sessionExpiresAt].filter((t): t is number => t !== null);
  return ends.length ? Math.min(...ends) : null;
}

export function sourceAttention(src: ChainSource, now: number): Attention {
  if (src.works === 'fails') return 'failing';
  const end = sourceEndsAt(src);
  return end !== null && end - now <= ENDS_SOON_MS ? 'ending-soon' : null;
}

/** When sourceAttention next changes on its own (the ten-minute mark), or null. */
export function nextAttentionChange(src: ChainSource, now: number): number | null {
  const end = sourceEndsAt(src);
  if (end === null || src.works === 'fails') return null;
  const soon = end - ENDS_SOON_MS;
  return soon > now ? soon : null;
}
