/**
 * Coverage: the days a data set speaks for. A day outside the coverage is unknown, not a day on which
 * nothing happened, so a metric that compares with the past (change levels, trend indicators) may only
 * use windows that lie wholly inside it. Spans are whole UTC days, both ends inclusive.
 *
 *   declared (bundled: sightings.geojson `coverage`)  ─┐
 *   derived (an imported file: its reports' date span) ─┼─ unionCoverage ─▶ CoverageSpans (sorted, disjoint)
 *                                                       │
 *   window [from, to], k preceding windows ─────────────┴─ coveredRun ─▶ how many of them are covered
 */
import { dateEndDay, dateToDay, dayToIso } from '../domain/dates';
import type { DataCoverage } from '../domain/schemas';

/** One covered span of days, inclusive. */
export interface CoverageSpan {
  fromDay: number;
  toDay: number;
}

/** Covered spans, ascending, disjoint and not adjacent (see `unionCoverage`). */
export type CoverageSpans = readonly CoverageSpan[];

/**
 * The spans a declared coverage gives: `from` (first day) to `to` (last day; a `YYYY-MM` date runs to
 * its month's end; no `to` → up to `openEndDay`), with the gaps cut out.
 * @example declaredSpans({ from: '2023-07', to: '2025-12' }) // [{ fromDay: 19539, toDay: 20453 }]
 */
export function declaredSpans(c: DataCoverage, openEndDay = Number.MAX_SAFE_INTEGER): CoverageSpan[] {
  let spans: CoverageSpan[] = [{ fromDay: dateToDay(c.from), toDay: c.to === undefined ? openEndDay : dateEndDay(c.to) }];
  for (const g of c.gaps ?? []) {
    const a = dateToDay(g.from), b = dateEndDay(g.to);
    spans = spans.flatMap((s) => [
      ...(a > s.fromDay ? [{ fromDay: s.fromDay, toDay: Math.min(s.toDay, a - 1) }] : []),
      ...(b < s.toDay ? [{ fromDay: Math.max(s.fromDay, b + 1), toDay: s.toDay }] : []),
    ]);
  }
  return spans.filter((s) => s.toDay >= s.fromDay);
}

/**
 * The span of a set of report days (first to last), for data that declares none: an imported file
 * covers the days from its first report to its last. Empty input → no span.
 * @example spanOfDays(Int32Array.of(20000, 19990, 20010)) // [{ fromDay: 19990, toDay: 20010 }]
 */
export function spanOfDays(days: ArrayLike<number>): CoverageSpan[] {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  return days.length ? [{ fromDay: lo, toDay: hi }] : [];
}

/**
 * The union of several data sets' spans: sorted, overlapping or adjacent spans merged.
 * @example unionCoverage([[{ fromDay: 0, toDay: 9 }], [{ fromDay: 10, toDay: 20 }]]) // [{ fromDay: 0, toDay: 20 }]
 */
export function unionCoverage(sets: readonly CoverageSpans[]): CoverageSpan[] {
  const all = sets.flat().map((s) => ({ ...s })).sort((a, b) => a.fromDay - b.fromDay);
  const out: CoverageSpan[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s.fromDay <= last.toDay + 1) last.toDay = Math.max(last.toDay, s.toDay);
    else out.push(s);
  }
  return out;
}

/** The span holding `day`, or null. */
export function spanAt(spans: CoverageSpans, day: number): CoverageSpan | null {
  for (const s of spans) if (s.fromDay <= day && day <= s.toDay) return s;
  return null;
}

/**
 * Whether every day of [fromDay, toDay] is covered (spans are merged, so one span must hold it all).
 * An empty or inverted window is not covered.
 */
export function isCovered(spans: CoverageSpans, fromDay: number, toDay: number): boolean {
  if (toDay < fromDay) return false;
  const s = spanAt(spans, fromDay);
  return s !== null && toDay <= s.toDay;
}

/**
 * How many of the `k` windows of `len` days just before `fromDay` are wholly covered, counting back from
 * the nearest and stopping at the first that is not (older windows behind a gap are not used: the
 * baseline is the most recent unbroken history).
 * @example coveredRun([{ fromDay: 100, toDay: 500 }], 200, 28, 12) // 3 (windows from 172, 144, 116)
 */
export function coveredRun(spans: CoverageSpans, fromDay: number, len: number, k: number): number {
  if (len < 1) return 0;
  const s = spanAt(spans, fromDay - 1);
  if (!s) return 0;
  return Math.max(0, Math.min(k, Math.floor((fromDay - s.fromDay) / len)));
}

/**
 * How the coverage bears on one query window: whether the window itself is covered, how many
 * preceding windows the previous-window change and the 4- and 12-window change levels may use, and the
 * first day of the covered span the window is in (for "data starts 2023-07").
 */
export interface WindowCoverage {
  /** The window [fromDay, toDay] lies wholly inside the coverage. */
  covered: boolean;
  /** Covered preceding windows used: 0 or 1 for the previous window, ≤ 4, ≤ 12. */
  prev: number;
  of4: number;
  of12: number;
  /** First day of the span holding the window's start (or the first span at all), null with no coverage. */
  startDay: number | null;
  /** Last day of that span. */
  endDay: number | null;
}

/**
 * The coverage of a window. With `spans` null (coverage unknown) every window counts as covered, as
 * before coverage was declared.
 * @example windowCoverage([{ fromDay: 0, toDay: 99 }], 50, 59) // { covered: true, prev: 1, of4: 4, of12: 5, … }
 */
export function windowCoverage(spans: CoverageSpans | null, fromDay: number, toDay: number): WindowCoverage {
  const len = toDay - fromDay + 1;
  if (spans === null) return { covered: true, prev: 1, of4: 4, of12: 12, startDay: null, endDay: null };
  const covered = isCovered(spans, fromDay, toDay);
  const span = spanAt(spans, fromDay) ?? spans[0] ?? null;
  const run = covered ? coveredRun(spans, fromDay, len, 12) : 0;
  return { covered, prev: Math.min(1, run), of4: Math.min(4, run), of12: run, startDay: span?.fromDay ?? null, endDay: span?.toDay ?? null };
}

/**
 * A month label for a coverage edge, for messages such as "no baseline (data starts 2023-07)".
 * @example coverageMonth(dateToDay('2023-07-01')) // '2023-07'
 */
export const coverageMonth = (day: number) => dayToIso(day).slice(0, 7);
