/**
 * The app's idea of "today", as a UTC day number. One place reads the real clock, so tests can set the
 * date they reason about instead of depending on the day they run.
 */

const MS_PER_DAY = 86_400_000;
let nowMs: () => number = () => Date.now();

/**
 * Days since 1970-01-01 UTC of the current moment (today in UTC).
 * @example setClock(() => Date.UTC(2026, 11, 1)); todayDay() // 20423 (2026-12-01)
 */
export function todayDay(): number {
  return Math.floor(nowMs() / MS_PER_DAY);
}

/** Replace the clock (milliseconds since the epoch); `null` restores the real one. */
export function setClock(fn: (() => number) | null): void {
  nowMs = fn ?? (() => Date.now());
}
