/**
 * Derived views of the store, memoised on their inputs (by reference), so panels and layers that ask
 * for the same thing share one computation and get the same object back.
 */
import type { SightingFeature } from '../domain/schemas';
import { CATEGORIES } from '../domain/schemas';
import { dayToIso } from '../domain/dates';
import { CONFIDENCES } from '../metrics/columns';
import type { AppState } from './store';
import { buildDayCounts, countIn, type DayCounts } from './dayCounts';
import { filterBounds, textSourcePass, visibleIndices, type SightingSet } from './sightingSets';

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
type PassFn = (q: string, k: F['sourceKinds'], p: F['publishers'], pr: F['precisions'], o: F['onlyIds']) => Uint8Array | null;
const passCache = new WeakMap<SightingSet, PassFn>();
/** Text/source/publisher/precision (and "only these reports") pass flags of one set (null = all pass), memoised per set. */
export function passOf(set: SightingSet, f: Pick<F, 'query' | 'sourceKinds' | 'publishers' | 'precisions'> & Partial<Pick<F, 'onlyIds'>>): Uint8Array | null {
  let m = passCache.get(set);
  if (!m) {
    m = memo((q: string, kinds: F['sourceKinds'], pubs: F['publishers'], prec: F['precisions'], only: F['onlyIds']) => textSourcePass(set, q, kinds, pubs, prec, only));
    passCache.set(set, m);
  }
  return m(f.query, f.sourceKinds, f.publishers, f.precisions, f.onlyIds ?? null);
}

export interface VisibleSet {
  set: SightingSet;
  indices: Uint32Array;
}

const visibleOf = (sets: readonly SightingSet[], f: F, layers: AppState['layers']): VisibleSet[] =>
  sets
    .filter((set) => (set.key === 'imported' ? layers.imported : layers.sightings))
    .map((set) => ({ set, indices: visibleIndices(set, f, passOf(set, f)) }));
const visibleMemo = memo(visibleOf);
// Its own memo: the map asks for it on every step, the table and exports for every set.
const reportsMemo = memo((sets: SightingSet[], f: F, layers: AppState['layers']) => visibleOf(sets.filter((set) => set.key !== 'synthetic'), f, layers));
let lastSeen: F | null = null;
/** The filters as the sightings see them: the same object while only the corridor width changes. */
function sightingFilters(f: F): F {
  const l = lastSeen;
  if (l && (Object.keys(f) as (keyof F)[]).every((k) => k === 'widthKm' || Object.is(l[k], f[k]))) return l;
  return (lastSeen = f);
}

/**
 * Visible sightings per set under the current filters (and layer toggles); the same array back while
 * nothing that decides visibility changed (a corridor width change does not).
 */
export const selectVisible = (sets: SightingSet[], f: F, layers: AppState['layers']): VisibleSet[] => visibleMemo(sets, sightingFilters(f), layers);

/**
 * `selectVisible` of the sets that hold reports: synthetic benchmark points are not reports, so positions,
 * stacks and halos are built without listing them (a slider step at a million points makes no full pass).
 */
export const selectVisibleReports = (sets: SightingSet[], f: F, layers: AppState['layers']): VisibleSet[] => reportsMemo(sets, sightingFilters(f), layers);

export const visibleCount = (v: VisibleSet[]) => v.reduce((n, s) => n + s.indices.length, 0);

/** Sighting points the map draws: every set whose layer is switched on (whatever the filters). */
export const sightingPoints = (s: Pick<AppState, 'sightingSets' | 'layers'>): number =>
  s.sightingSets.reduce((n, set) => n + ((set.key === 'imported' ? s.layers.imported : s.layers.sightings) ? set.columns.length : 0), 0);

const countsCache = new WeakMap<SightingSet, { pass: Uint8Array | null; counts: DayCounts }>();
/** The day table of a set under its current pass flags, rebuilt only when those change. */
function countsOf(set: SightingSet, pass: Uint8Array | null): DayCounts {
  const last = countsCache.get(set);
  if (last && last.pass === pass) return last.counts;
  const counts = buildDayCounts(set, pass);
  countsCache.set(set, { pass, counts });
  return counts;
}

/**
 * How many sightings the filters and layer toggles show: the same number as `visibleCount(selectVisible(…))`
 * without listing them (day-table lookups, see dayCounts.ts), so the time bar can read it on every step.
 * @example visibleTotal(s.sightingSets, s.filters, s.layers) // 106 with the bundled data and default filters
 */
export function visibleTotal(sets: readonly SightingSet[], f: AppState['filters'], layers: AppState['layers']): number {
  const b = filterBounds(f);
  let n = 0;
  for (const set of sets) {
    if (!(set.key === 'imported' ? layers.imported : layers.sightings)) continue;
    n += countIn(countsOf(set, passOf(set, f)), b.fromDay, b.toDay, b.categories, b.confidences);
  }
  return n;
}

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
