/**
 * The filters every windowed metric takes. Windows are in whole UTC days and both ends are inclusive:
 * a sighting counts when `fromDay <= day <= toDay` (its report start day; see `dateToDay`).
 */
import { ALL_CATEGORIES, ALL_CONFIDENCES, ALL_PRECISIONS, ALL_SOURCE_KINDS, type Columns } from './columns';

export interface Filters {
  /** First day in the window, inclusive (days since 1970-01-01 UTC). */
  fromDay: number;
  /** Last day in the window, inclusive. */
  toDay: number;
  /** Bitmask over `CATEGORIES` (see `categoryMask`); default all. */
  categories?: number;
  /** Bitmask over `CONFIDENCES` (see `confidenceMask`); default all. */
  confidences?: number;
  /**
   * Bitmask over `SOURCE_KINDS` (see `sourceKindMask`): a sighting passes when one of its sources is of
   * a selected kind. Default all (sightings with unknown source kinds pass too). Restricting it counts
   * from the running-totals buckets whose source mask meets the filter (see cube.ts).
   */
  sourceKinds?: number;
  /**
   * Bitmask over `PRECISIONS` (see `precisionMask`); default all. Applied by narrowing the join
   * (subset.ts), like the page's text and publisher flags (`MetricsEngine.setPass`).
   */
  precisions?: number;
}

export interface ResolvedFilters {
  fromDay: number;
  toDay: number;
  categories: number;
  confidences: number;
  sourceKinds: number;
  precisions: number;
  /** True when `sourceKinds` selects every kind (no source filtering). */
  allSources: boolean;
}

/** Fill in defaults. */
export function resolveFilters(f: Filters): ResolvedFilters {
  const sourceKinds = f.sourceKinds ?? ALL_SOURCE_KINDS;
  return {
    fromDay: f.fromDay,
    toDay: f.toDay,
    categories: f.categories ?? ALL_CATEGORIES,
    confidences: f.confidences ?? ALL_CONFIDENCES,
    sourceKinds,
    precisions: (f.precisions ?? ALL_PRECISIONS) & ALL_PRECISIONS,
    allSources: (sourceKinds & ALL_SOURCE_KINDS) === ALL_SOURCE_KINDS,
  };
}

/** Whether sighting `i` passes the category, confidence, precision and source-kind filters (not the dates). */
export function passes(cols: Columns, i: number, f: ResolvedFilters): boolean {
  return (
    (f.categories & (1 << cols.category[i]!)) !== 0 &&
    (f.confidences & (1 << cols.confidence[i]!)) !== 0 &&
    (f.precisions & (1 << cols.precision[i]!)) !== 0 &&
    (f.allSources || (f.sourceKinds & cols.sourceMask[i]!) !== 0)
  );
}

/** First position in ascending `days` (days, or member positions) with `days[k] >= day`. */
export function lowerBound(days: Int32Array | Uint32Array, day: number): number {
  let lo = 0, hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions [start, end) of the members whose day is within [fromDay, toDay]. */
export function dayRange(days: Int32Array, fromDay: number, toDay: number): [number, number] {
  return [lowerBound(days, fromDay), lowerBound(days, toDay + 1)];
}
