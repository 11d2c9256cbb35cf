/**
 * Location precision in the counts: the rule that decides whether a report counts in a zone.
 *
 *   exact, settlement   count where they are drawn: inside the zone polygon → member (as before)
 *   region              the point only stands for a region. It counts in a zone when its point is inside
 *                       the zone AND its region lies mostly inside the zone: at least half of the
 *                       region's sample points are inside (the same `booleanPointInPolygon` test).
 *                       The region is the area polygon its `place` names, else a disc of
 *                       `REGION_RADIUS_KM` around the point.
 *
 * Sample points: a square lattice over the region, spaced a quarter of the disc radius (49 points in a
 * disc; cell centres of an 8 × 8 grid over an area's bounding box that fall inside the area), so the
 * share of points inside estimates the share of the region's area inside. Why this rule, and not a
 * reduced weight: see README.md ("Location precision").
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Position } from 'geojson';
import type { AreaFeature } from '../domain/schemas';

import { MOSTLY, REGION_RADIUS_KM } from './precision-rule';

export { MOSTLY, REGION_RADIUS_KM };
const KM_PER_DEG = 111.195;
/** Lattice steps per radius: points (i, j) with i² + j² ≤ STEPS². */
const STEPS = 4;
/** Grid cells per side over an area's bounding box. */
const AREA_GRID = 8;

/** Lattice offsets in units of radius/STEPS, the outermost first (they decide a "no" soonest). */
const DISC_LATTICE: readonly [number, number][] = (() => {
  const out: [number, number][] = [];
  for (let i = -STEPS; i <= STEPS; i++) for (let j = -STEPS; j <= STEPS; j++) if (i * i + j * j <= STEPS * STEPS) out.push([i, j]);
  return out.sort((a, b) => b[0] * b[0] + b[1] * b[1] - (a[0] * a[0] + a[1] * a[1]) || a[0] - b[0] || a[1] - b[1]);
})();

/** Number of samples in a disc region. */
export const DISC_SAMPLES = DISC_LATTICE.length;
/** The lattice as two typed arrays (lon steps, lat steps), same order, for loops that compute samples in place. */
export const DISC_I = Int8Array.from(DISC_LATTICE, (p) => p[0]);
export const DISC_J = Int8Array.from(DISC_LATTICE, (p) => p[1]);
/** Lat and lon step of the lattice for a disc of `radiusKm` at `lat`, degrees (as `discSamples` uses them). */
export function discSteps(lat: number, radiusKm: number): [dLon: number, dLat: number] {
  const dLat = radiusKm / STEPS / KM_PER_DEG;
  return [dLat / Math.max(1e-6, Math.cos((lat * Math.PI) / 180)), dLat];
}

/**
 * Sample points of the disc of `radiusKm` around (lon, lat), lon/lat interleaved, in a local
 * equirectangular frame (the same approximation at every call, so engine and reference agree).
 * @example discSamples(35.27, 51.19).length // 98 (49 points)
 */
export function discSamples(lon: number, lat: number, radiusKm = REGION_RADIUS_KM, out = new Float64Array(2 * DISC_SAMPLES)): Float64Array {
  const [dLon, dLat] = discSteps(lat, radiusKm);
  for (let k = 0; k < DISC_SAMPLES; k++) {
    out[2 * k] = lon + DISC_I[k]! * dLon;
    out[2 * k + 1] = lat + DISC_J[k]! * dLat;
  }
  return out;
}

/**
 * Sample points of an area polygon: centres of an 8 × 8 grid over its bounding box that lie inside it
 * (its first vertex if none does), lon/lat interleaved.
 */
export function polygonSamples(rings: Position[][]): Float64Array {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (const p of rings[0] ?? []) {
    minX = Math.min(minX, p[0]!); maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!); maxY = Math.max(maxY, p[1]!);
  }
  const pts: number[] = [];
  const geom = { type: 'Polygon' as const, coordinates: rings };
  for (let r = 0; r < AREA_GRID; r++) {
    for (let c = 0; c < AREA_GRID; c++) {
      const x = minX + ((c + 0.5) * (maxX - minX)) / AREA_GRID, y = minY + ((r + 0.5) * (maxY - minY)) / AREA_GRID;
      if (booleanPointInPolygon([x, y], geom)) pts.push(x, y);
    }
  }
  const first = rings[0]?.[0];
  return Float64Array.from(pts.length || !first ? pts : [first[0]!, first[1]!]);
}

/** Area id → its region samples, for region reports whose `place` is an area. */
export function areaRegions(areas: readonly AreaFeature[]): Map<string, Float64Array> {
  return new Map(areas.map((a) => [a.properties.id, polygonSamples(a.geometry.coordinates)]));
}

/**
 * Whether at least `MOSTLY` of the samples are inside, per `inside(lon, lat)`; stops as soon as the
 * answer is known (the engine's cost), with the same answer as counting them all (the reference's).
 * @example mostlyInside(discSamples(0, 0), (x) => x >= 0) // true (29 of 49 have lon ≥ 0)
 */
export function mostlyInside(samples: Float64Array, inside: (lon: number, lat: number) => boolean): boolean {
  const n = samples.length / 2;
  const need = Math.ceil(MOSTLY * n);
  let yes = 0, no = 0;
  for (let k = 0; k < n; k++) {
    if (inside(samples[2 * k]!, samples[2 * k + 1]!)) {
      if (++yes >= need) return true;
    } else if (++no > n - need) return false;
  }
  return yes >= need;
}

/** Share of the samples inside (the reference counts them all; the panel can show it). */
export function insideShare(samples: Float64Array, inside: (lon: number, lat: number) => boolean): number {
  const n = samples.length / 2;
  let yes = 0;
  for (let k = 0; k < n; k++) if (inside(samples[2 * k]!, samples[2 * k + 1]!)) yes++;
  return n ? yes / n : 0;
}

/**
 * What the join needs to apply the rule: each sighting's precision, and the region samples of the
 * region reports whose place is an area (sighting index → samples). Others get a disc.
 */
export interface RegionRule {
  precision: Uint8Array;
  areaSamples: ReadonlyMap<number, Float64Array>;
  radiusKm?: number;
  /**
   * For region reports sharing their position with another region report: the first such report's
   * index (a decision is made once per position); −1 otherwise. See `sharedRegionPositions`.
   */
  samePosition?: Int32Array;
}

/**
 * For each region report that shares its exact position with another region report, the lowest index
 * among them; −1 for every other sighting. One sort of the region reports by position, once per data set.
 * @example sharedRegionPositions(lon, lat, precision)[i] // i's stack representative, or −1
 */
export function sharedRegionPositions(lon: Float64Array, lat: Float64Array, precision: Uint8Array): Int32Array {
  const out = new Int32Array(precision.length).fill(-1);
  const idx: number[] = [];
  for (let i = 0; i < precision.length; i++) if (precision[i] === 2) idx.push(i);
  idx.sort((a, b) => lon[a]! - lon[b]! || lat[a]! - lat[b]! || a - b);
  for (let k = 0; k < idx.length; ) {
    let e = k + 1;
    while (e < idx.length && lon[idx[e]!] === lon[idx[k]!] && lat[idx[e]!] === lat[idx[k]!]) e++;
    if (e - k > 1) for (let x = k; x < e; x++) out[idx[x]!] = idx[k]!;
    k = e;
  }
  return out;
}
