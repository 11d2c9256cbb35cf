/**
 * Derived views of the store, memoised on their inputs (by reference), so panels and layers that ask
 * for the same thing share one computation and get the same object back.
 */
import type { SightingFeature } from '../domain/schemas';
import { CATEGORIES } from '../domain/schemas';
import { dayToIso } from '../domain/dates';
import { CONFIDENCES } from '../metrics/columns';
import type { AppState } from './store';
import { textSourcePass, visibleIndices, type SightingSet } from './sightingSets';

function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => Object.is(a, lastArgs![i]))) return last;
    lastArgs = args;
    last = fn(...args);
    return last;
  };
}

type F = AppState['filters'];
type PassFn = (q: string, k: F['sourceKinds'], p: F['publishers'], pr: F['precisions']) => Uint8Array | null;
const passCache = new WeakMap<SightingSet, PassFn>();
/** Text/source/publisher/precision pass flags of one set (null = all pass), memoised per set. */
export function passOf(set: SightingSet, f: AppState['filters']): Uint8Array | null {
  let m = passCache.get(set);
  if (!m) {
    m = memo((q: string, kinds: F['sourceKinds'], pubs: F['publishers'], prec: F['precisions']) => textSourcePass(set, q, kinds, pubs, prec));
    passCache.set(set, m);
  }
  return m(f.query, f.sourceKinds, f.publishers, f.precisions);
}

export interface VisibleSet {
  set: SightingSet;
  indices: Uint32Array;
}

/** Visible sightings per set under the current filters (and layer toggles). */
export const selectVisible = memo((sets: SightingSet[], f: AppState['filters'], layers: AppState['layers']): VisibleSet[] =>
  sets
    .filter((set) => (set.key === 'imported' ? layers.imported : layers.sightings))
    .map((set) => ({ set, indices: visibleIndices(set, f, passOf(set, f)) })),
);

export const visibleCount = (v: VisibleSet[]) => v.reduce((n, s) => n + s.indices.length, 0);

/** A sighting as a feature: the stored one, or one described from columns for synthetic data. */
export function sightingAt(set: SightingSet, i: number): SightingFeature {
  const stored = set.features?.[i];
  if (stored) return stored;
  const c = set.columns;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [c.lon[i]!, c.lat[i]!] },
    properties: {
      id: c.ids[i]!,
      name: `Synthetic sighting ${c.ids[i]}`,
      date: dayToIso(c.day[i]!),
      category: CATEGORIES[c.category[i]!] ?? 'presence',
      summary: 'Synthetic benchmark point: not a report.',
      confidence: CONFIDENCES[c.confidence[i]!] ?? 'low',
      location: 'exact',
      sources: ['synthetic'],
      synthetic: true,
    },
  };
}
