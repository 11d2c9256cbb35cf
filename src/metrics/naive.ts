/**
 * The fixed naive reference for membership: `turf.booleanPointInPolygon` of every point against every
 * zone polygon, no index, no shortcut. With a region rule it applies the location-precision rule
 * (precision.ts) just as plainly: a region report inside the polygon counts only when at least half of
 * its region's sample points pass the same test, all of them counted. Tests and the benchmark compare
 * the engine with it.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { REGION, type Columns } from './columns';
import { discSamples, insideShare, MOSTLY, REGION_RADIUS_KM, type RegionRule } from './precision';
import type { Zone } from './zones';

/**
 * Member indices (ascending) of each zone, by brute force.
 * @example naiveMembership(cols, corridors)[0] // indices inside the first corridor
 */
export function naiveMembership(cols: Columns, zones: readonly Zone[], regions?: RegionRule): Uint32Array[] {
  return zones.map((zone) => {
    const hits: number[] = [];
    const inside = (x: number, y: number) => booleanPointInPolygon([x, y], zone.polygon);
    for (let i = 0; i < cols.length; i++) {
      if (!inside(cols.lon[i]!, cols.lat[i]!)) continue;
      if (regions && regions.precision[i] === REGION) {
        const samples = regions.areaSamples.get(i) ?? discSamples(cols.lon[i]!, cols.lat[i]!, regions.radiusKm ?? REGION_RADIUS_KM);
        if (insideShare(samples, inside) < MOSTLY) continue;
      }
      hits.push(i);
    }
    return Uint32Array.from(hits);
  });
}
