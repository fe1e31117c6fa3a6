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
