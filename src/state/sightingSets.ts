/**
 * Sightings as the app holds them: one set per origin (bundled geodata, analyst imports, synthetic
 * benchmark data), each with its features (for details and export) and a columnar copy (for filters,
 * metrics and the GPU). Pure functions: data in, data out.
 */
import type { SightingFeature, Source } from '../domain/schemas';
import { dateToDay } from '../domain/dates';
import {
  categoryMask,
  confidenceMask,
  precisionMask,
  sourceKindMask,
  ALL_PRECISIONS,
  ALL_CATEGORIES,
  ALL_CONFIDENCES,
  type Columns,
} from '../metrics/columns';
import { buildSetParts, orderByDay, type SetParts } from './setParts';
import type { Filters } from './types';

export type SetKey = 'bundled' | 'imported' | 'synthetic';

export interface SightingSet {
  key: SetKey;
  /** Index-aligned with `columns`; null for synthetic data, whose details are derived from columns. */
  features: readonly SightingFeature[] | null;
  columns: Columns;
  /** Lower-cased "name summary place" per sighting, for the text search; null when not searchable. */
  haystack: readonly string[] | null;
  /** Publishers of each sighting's sources, joined by "\n"; null when unknown (synthetic). */
  publishers: readonly string[] | null;
  /** Indices ordered by day, then id: the table's default order comes out of the filter for free. */
  byDay: Uint32Array;
  /** The days the set declares it covers; absent: the span of its report dates (coverageOfSets.ts). */
  coverage?: import('../domain/schemas').DataCoverage;
}

/**
 * A set from features and their sources. `parts` (columns, search text, publishers, by-day order) may
 * come precomputed — from the import worker, say — and must then be index-aligned with `features`.
 * @example makeSet('imported', features, sources).columns.length === features.length
 */
export function makeSet(
  key: SetKey,
  features: readonly SightingFeature[],
  sources: ReadonlyMap<string, Source>,
  parts: SetParts = buildSetParts(features, sources),
): SightingSet {
  return { key, features, columns: parts.columns, haystack: parts.haystack, publishers: parts.publishers, byDay: parts.byDay };
}

/** A set known only by its columns (synthetic data); `byDay` may come precomputed (from a worker). */
export function makeColumnarSet(key: SetKey, columns: Columns, byDay: Uint32Array = orderByDay(columns)): SightingSet {
  return { key, features: null, columns, haystack: null, publishers: null, byDay };
}

/**
 * Which sightings pass the text, source-kind, publisher and location-precision filters and the "only
 * these reports" filter (those the GPU cannot do): 1 or 0 per sighting. Returns null when no such
 * filter is set (everything passes).
 */
export function textSourcePass(
  set: SightingSet,
  query: string,
  sourceKinds: Filters['sourceKinds'],
  publishers: Filters['publishers'] = [],
  precisions: Filters['precisions'] = [],
  onlyIds: Filters['onlyIds'] = null,
): Uint8Array | null {
  const q = query.trim().toLowerCase();
  const kinds = sourceKinds.length ? sourceKindMask(sourceKinds) : 0;
  const pubs = new Set(publishers);
  const prec = precisions.length ? precisionMask(precisions) : ALL_PRECISIONS;
  if (!q && !kinds && !pubs.size && prec === ALL_PRECISIONS && !onlyIds) return null;
  const n = set.columns.length;
  const out = new Uint8Array(n);
  const mask = set.columns.sourceMask;
  const precision = set.columns.precision;
  const hay = set.haystack;
  for (let i = 0; i < n; i++) {
    if (kinds && (mask[i]! & kinds) === 0) continue;
    if ((prec & (1 << precision[i]!)) === 0) continue;
    if (q && !(hay ? hay[i]!.includes(q) : set.columns.ids[i]!.includes(q))) continue;
    if (pubs.size && !(set.publishers?.[i]?.split('\n').some((p) => pubs.has(p)) ?? false)) continue;
    if (onlyIds && !onlyIds.has(set.columns.ids[i]!)) continue;
    out[i] = 1;
  }
  return out;
}

/** Window and masks of the current filters, in the columns' units. */
export function filterBounds(f: Filters) {
  return {
    fromDay: dateToDay(f.from),
    toDay: dateToDay(f.to),
    categories: f.categories.length ? categoryMask(f.categories) : ALL_CATEGORIES,
    confidences: f.confidences.length ? confidenceMask(f.confidences) : ALL_CONFIDENCES,
  };
}

/**
 * Indices of the sightings visible under the filters, in date order. Window edges are inclusive:
 * a sighting dated `to` is shown. `YYYY-MM` reports count from the first of their month.
 */
export function visibleIndices(set: SightingSet, f: Filters, pass: Uint8Array | null): Uint32Array {
  const { fromDay, toDay, categories, confidences } = filterBounds(f);
  const { day, category, confidence } = set.columns;
  const order = set.byDay;
  const out = new Uint32Array(order.length);
  let k = 0;
  // byDay is sorted: binary-search the window's start, stop at its end.
  let lo = 0;
  let hi = order.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (day[order[mid]!]! < fromDay) lo = mid + 1;
    else hi = mid;
  }
  for (let j = lo; j < order.length; j++) {
    const i = order[j]!;
    if (day[i]! > toDay) break;
    if (((1 << category[i]!) & categories) === 0) continue;
    if (((1 << confidence[i]!) & confidences) === 0) continue;
    if (pass && pass[i] === 0) continue;
    out[k++] = i;
  }
  return out.slice(0, k);
}

/** The set and index of a sighting id, or null. */
export function findSighting(sets: readonly SightingSet[], id: string): { set: SightingSet; index: number } | null {
  for (const set of sets) {
    if (set.key === 'synthetic') {
      const m = /^syn-(\d+)$/.exec(id);
      const index = m ? Number(m[1]) - 1 : -1;
      if (index >= 0 && set.columns.ids[index] === id) return { set, index };
      continue;
    }
    const index = set.columns.ids.indexOf(id);
    if (index >= 0) return { set, index };
  }
  return null;
}
