/**
 * What the metrics worker needs from the page beyond the columns: the text and publisher filters as
 * flags per sighting, and which region reports name an area. Pure: sets and filters in, arrays out.
 */
import type { AreaFeature } from '../domain/schemas';
import { REGION } from '../metrics/columns';
import type { RegionAreas } from '../metrics/protocol';
import { regionAreasOf } from '../metrics/region-areas';
import { passOf } from './derived';
import { textSourcePass, type SightingSet } from './sightingSets';
import type { Filters } from './types';

/**
 * The text and publisher filters as one flag per sighting of the concatenated sets (1 passes), or null
 * when neither is set. Source kinds and precision are left to the engine's own filters.
 * @example passFlags(sets, { ...filters, query: 'rajin' }) // Uint8Array with 1 where the search text matches
 */
export function passFlags(sets: readonly SightingSet[], f: Filters): Uint8Array | null {
  // Without source-kind and precision filters the map's own (memoised) flags are these flags.
  const mapFlags = !f.sourceKinds.length && !f.precisions.length;
  const parts = sets.map((set) => (mapFlags ? passOf(set, f) : textSourcePass(set, f.query, [], f.publishers)));
  if (parts.every((p) => p === null)) return null;
  const out = new Uint8Array(sets.reduce((n, s) => n + s.columns.length, 0));
  let at = 0;
  sets.forEach((set, k) => {
    const p = parts[k];
    if (p) out.set(p, at);
    else out.fill(1, at, at + set.columns.length);
    at += set.columns.length;
  });
  return out;
}

/** Region reports of every set whose place is one of `areas`, as indices into the concatenated columns. */
export function regionAreasOfSets(sets: readonly SightingSet[], areas: readonly AreaFeature[]): RegionAreas {
  const areaIds = new Set(areas.map((a) => a.properties.id));
  const index: number[] = [], ids: string[] = [];
  let offset = 0;
  for (const set of sets) {
    // The precision column first: a set with no region report (most imports) is not walked feature by feature.
    if (set.features && set.columns.precision.includes(REGION)) {
      const r = regionAreasOf(set.features, areaIds, offset);
      for (let k = 0; k < r.index.length; k++) {
        index.push(r.index[k]!);
        ids.push(r.areaIds[k]!);
      }
    }
    offset += set.columns.length;
  }
  return { index: Uint32Array.from(index), areaIds: ids };
}

