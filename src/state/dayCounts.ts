/**
 * How many sightings of a set fall in a time window, without visiting them. Per distinct day (in the
 * set's day order) the table holds running counts per filter class (category × confidence), so the count
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
  /** Distinct days present, ascending (days since 1970-01-01). */
  days: Int32Array;
  /** `cum[d * K + k]`: sightings of class k (category × NCONF + confidence) dated before `days[d]`. */
  cum: Uint32Array;
}

/**
 * Running counts of `set`'s sightings that pass (`pass[i] !== 0`, or all when `pass` is null).
 * @example countIn(buildDayCounts(set, null), fromDay, toDay, ALL_CATEGORIES, ALL_CONFIDENCES)
 */
export function buildDayCounts(set: SightingSet, pass: Uint8Array | null): DayCounts {
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
    cum[(d + 1) * K + category[i]! * NCONF + Math.min(confidence[i]!, NCONF - 1)]!++;
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
