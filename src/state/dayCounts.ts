/**
 * How many sightings of a set fall in a time window, without visiting them. Per day of the set's span
 * the table holds running counts per filter class (category × confidence), so the count
 * under any window and any category/confidence choice is two binary searches over the days plus one
 * subtraction per class: a slider step costs the same at a hundred points and at a million. Built once
 * per set and text/source filter (an O(n) pass), then read for every step.
 */
import { CATEGORIES } from '../domain/schemas';
import { CONFIDENCES } from '../metrics/columns';
import type { SightingSet } from './sightingSets';

const NCONF = CONFIDENCES.length;
const K = CATEGORIES.length * NCONF;

export interface DayCounts {
  /** Days covered, ascending (days since 1970-01-01): every day of the set's span, or only those present when the span is wide. */
  days: Int32Array;
  /** `cum[d * K + k]`: sightings of class k (category × NCONF + confidence) dated before `days[d]`. */
  cum: Uint32Array;
}

/** A span up to this many days (or the number of points, if more) gets a row for every day. */
const DENSE_DAYS = 8192;

const classOf = (category: number, confidence: number) => category * NCONF + Math.min(confidence, NCONF - 1);

/**
 * Running counts of `set`'s sightings that pass (`pass[i] !== 0`, or all when `pass` is null).
 * Usually one row per day of the set's span, counted in index order (one sequential pass, no jumping
 * through the day order); a span far wider than the data (a report from 1990 among a year of them)
 * keeps rows for the days present only.
 * @example countIn(buildDayCounts(set, null), fromDay, toDay, ALL_CATEGORIES, ALL_CONFIDENCES)
 */
export function buildDayCounts(set: SightingSet, pass: Uint8Array | null): DayCounts {
  const { day } = set.columns;
  const order = set.byDay;
  if (order.length === 0) return { days: new Int32Array(0), cum: new Uint32Array(K) };
  const first = day[order[0]!]!;
  const span = day[order[order.length - 1]!]! - first + 1;
  return span <= Math.max(DENSE_DAYS, order.length) ? denseCounts(set, pass, first, span) : sparseCounts(set, pass);
}

/** A row for every day from `first`: count each sighting into its day's row, then add the rows up. */
function denseCounts(set: SightingSet, pass: Uint8Array | null, first: number, span: number): DayCounts {
  const { day, category, confidence, length } = set.columns;
  const days = new Int32Array(span);
  for (let d = 0; d < span; d++) days[d] = first + d;
  const cum = new Uint32Array((span + 1) * K);
  for (let i = 0; i < length; i++) {
    if (pass && pass[i] === 0) continue;
    cum[(day[i]! - first + 1) * K + classOf(category[i]!, confidence[i]!)]!++;
  }
  for (let j = K; j < cum.length; j++) cum[j]! += cum[j - K]!;
  return { days, cum };
}

/** Rows for the days present only, walking the day order. */
function sparseCounts(set: SightingSet, pass: Uint8Array | null): DayCounts {
  const { day, category, confidence } = set.columns;
  const order = set.byDay;
  let distinct = 0;
  for (let j = 0; j < order.length; j++) if (j === 0 || day[order[j]!] !== day[order[j - 1]!]) distinct++;
  const days = new Int32Array(distinct);
  const cum = new Uint32Array((distinct + 1) * K);
  let d = -1;
  for (let j = 0; j < order.length; j++) {
    const i = order[j]!;
    if (d < 0 || day[i] !== days[d]) {
      d++;
      days[d] = day[i]!;
      // The row after day d starts from the row before it.
      cum.copyWithin((d + 1) * K, d * K, (d + 1) * K);
    }
    if (pass && pass[i] === 0) continue;
    cum[(d + 1) * K + classOf(category[i]!, confidence[i]!)]!++;
  }
  return { days, cum };
}

/** First index whose day is ≥ `day` (or `days.length`). */
function lowerBound(days: Int32Array, day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Sightings dated `fromDay`…`toDay` (inclusive) whose category and confidence bits are set in the masks.
 * @example countIn(t, 19_600, 19_630, 1 << 2, 0b111) // training reports of that month, any confidence
 */
export function countIn(t: DayCounts, fromDay: number, toDay: number, categories: number, confidences: number): number {
  if (toDay < fromDay) return 0;
  const lo = lowerBound(t.days, fromDay) * K;
  const hi = lowerBound(t.days, toDay + 1) * K;
  if (hi === lo) return 0;
  let n = 0;
  for (let c = 0; c < CATEGORIES.length; c++) {
    if (((categories >> c) & 1) === 0) continue;
    for (let k = 0; k < NCONF; k++) {
      if ((confidences >> k) & 1) n += t.cum[hi + c * NCONF + k]! - t.cum[lo + c * NCONF + k]!;
    }
  }
  return n;
}
