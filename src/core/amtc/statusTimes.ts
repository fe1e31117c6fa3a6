// Small time helpers shared by both shells' renderers (data only, no words).

/** Whole minutes left until `at` (rounded up, never negative). */
export function minutesLeft(at: number, now: number): number {
  return Math.max(0, Math.ceil((at - now) / 60_000));
}

/** When a countdown shown in whole minutes next changes its number. */
export function nextMinuteTick(at: number, now: number): number {
  const left = at - now;
  if (left <= 0) return now + 60_000;
  const rem = left % 60_000;
  return now + (rem === 0 ? 60_000 : rem);
}

/**
 * The one rounding rule for every minute count both shells show: a time ahead is rounded up (so
 * "in 1 min" and "1m" last until the moment itself, matching minutesLeft and nextMinuteTick), a
 * time passed is rounded down ("0 min ago" is "now"). Negative for the past.
 */
export function wholeMinutesFrom(now: number, at: number): number {
  // ceil moves toward +∞: up for a time ahead, toward zero for a time passed; `+ 0` turns -0 into 0.
  return Math.ceil((at - now) / 60_000) + 0;
}
