/**
 * The fixed naive reference for membership: `turf.booleanPointInPolygon` of every point against every
 * zone polygon, no index, no shortcut. Tests and the benchmark compare the engine with it.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Columns } from './columns';
import type { Zone } from './zones';

/**
 * Member indices (ascending) of each zone, by brute force.
 * @example naiveMembership(cols, corridors)[0] // indices inside the first corridor
 */
export function naiveMembership(cols: Columns, zones: readonly Zone[]): Uint32Array[] {
  return zones.map((zone) => {
    const hits: number[] = [];
    for (let i = 0; i < cols.length; i++) {
      if (booleanPointInPolygon([cols.lon[i]!, cols.lat[i]!], zone.polygon)) hits.push(i);
    }
    return Uint32Array.from(hits);
  });
}
