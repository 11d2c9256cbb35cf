/**
 * The location-precision rule applied to one zone's point members (precision.ts states the rule): region
 * reports whose region lies mostly outside the zone are moved out of the members into `excluded`.
 * Sample points are tested like sightings — cell grid first, `booleanPointInPolygon` on the component
 * for boundary cells — so the decision equals the reference's plain Turf test.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon } from 'geojson';
import { REGION, type Columns } from './columns';
import { CELL_BOUNDARY, CELL_INSIDE, type CellGrid } from './grid';
import { DISC_I, DISC_J, DISC_SAMPLES, discSteps, mostlyInside, MOSTLY, REGION_RADIUS_KM, type RegionRule } from './precision';

/**
 * `mostlyInside(discSamples(x, y, radiusKm), …)` without building the samples: the same coordinates
 * (same arithmetic), tested against the parts near the disc, stopping once the answer is known.
 */
function discMostlyInside(x: number, y: number, dLon: number, dLat: number, parts: readonly ZonePart[], pt: [number, number]): boolean {
  const need = Math.ceil(MOSTLY * DISC_SAMPLES);
  let yes = 0, no = 0;
  for (let k = 0; k < DISC_SAMPLES; k++) {
    if (insideParts(parts, x + DISC_I[k]! * dLon, y + DISC_J[k]! * dLat, pt)) {
      if (++yes >= need) return true;
    } else if (++no > DISC_SAMPLES - need) return false;
  }
  return yes >= need;
}

/** The parts whose bounding box meets [minX, maxX] × [minY, maxY] (a sample elsewhere is outside them). */
function partsNear(parts: readonly ZonePart[], minX: number, minY: number, maxX: number, maxY: number, out: ZonePart[]): ZonePart[] {
  out.length = 0;
  for (const p of parts) {
    const b = p.grid.bbox;
    if (b[0] <= maxX && b[2] >= minX && b[1] <= maxY && b[3] >= minY) out.push(p);
  }
  return out;
}

/** Bounding box of interleaved lon/lat samples. */
function samplesBox(s: Float64Array): [number, number, number, number] {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let k = 0; k < s.length; k += 2) {
    const x = s[k]!, y = s[k + 1]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
}

/** One component polygon of a zone with its cell grid. */
export interface ZonePart {
  grid: CellGrid;
  geom: Polygon;
}

/** Whether (x, y) is inside any component (exactly `booleanPointInPolygon` on the zone's MultiPolygon). */
export function insideParts(parts: readonly ZonePart[], x: number, y: number, pt: [number, number] = [0, 0]): boolean {
  for (let k = 0; k < parts.length; k++) {
    const { grid, geom } = parts[k]!;
    const b = grid.bbox;
    if (x < b[0] || x > b[2] || y < b[1] || y > b[3]) continue;
    const c = Math.floor((x - grid.x0) * grid.inv);
    const r = Math.floor((y - grid.y0) * grid.inv);
    if (c < 0 || r < 0 || c >= grid.nx || r >= grid.ny) continue;
    const s = grid.cells[r * grid.nx + c];
    if (s === CELL_INSIDE) return true;
    if (s === CELL_BOUNDARY) {
      pt[0] = x;
      pt[1] = y;
      if (booleanPointInPolygon(pt, geom)) return true;
    }
  }
  return false;
}

/**
 * Split ascending member indices into those that count and the region reports that do not.
 * Decisions are cached per position and per area within the zone (stacked reports share one).
 * @returns `members` (a prefix of `ascending`, reused) and `excluded`, both ascending
 */
export function applyRegionRule(
  ascending: Uint32Array, cols: Columns, parts: readonly ZonePart[], rule: RegionRule,
): { members: Uint32Array; excluded: Uint32Array } {
  const { precision, areaSamples } = rule;
  const radiusKm = rule.radiusKm ?? REGION_RADIUS_KM;
  let anyRegion = false;
  for (let k = 0; k < ascending.length; k++) if (precision[ascending[k]!] === REGION) { anyRegion = true; break; }
  if (!anyRegion) return { members: ascending, excluded: new Uint32Array(0) };
  const byArea = new Map<Float64Array, boolean>();
  // Decisions of shared positions (stacked region reports), by the position's first report.
  const byPos = new Map<number, boolean>();
  const pt: [number, number] = [0, 0];
  // Only the parts near a region can hold its samples (a corridor has many legs; a region meets a few).
  const near: ZonePart[] = [];
  const inside = (x: number, y: number) => insideParts(near, x, y, pt);
  const decide = (samples: Float64Array) => {
    const [a, b, c, d] = samplesBox(samples);
    return partsNear(parts, a, b, c, d, near).length > 0 && mostlyInside(samples, inside);
  };
  const out = new Uint32Array(ascending.length);
  let m = 0, o = 0;
  for (let k = 0; k < ascending.length; k++) {
    const i = ascending[k]!;
    let keep = true;
    if (precision[i] === REGION) {
      const area = areaSamples.get(i);
      if (area) {
        let d = byArea.get(area);
        if (d === undefined) byArea.set(area, (d = decide(area)));
        keep = d;
      } else {
        const x = cols.lon[i]!, y = cols.lat[i]!;
        const shared = rule.samePosition?.[i] ?? -1;
        let d = shared >= 0 ? byPos.get(shared) : undefined;
        if (d === undefined) {
          const [dLon, dLat] = discSteps(y, radiusKm);
          d = partsNear(parts, x - 4 * dLon, y - 4 * dLat, x + 4 * dLon, y + 4 * dLat, near).length > 0 && discMostlyInside(x, y, dLon, dLat, near, pt);
          if (shared >= 0) byPos.set(shared, d);
        }
        keep = d;
      }
    }
    if (keep) ascending[m++] = i;
    else out[o++] = i;
  }
  return { members: ascending.subarray(0, m), excluded: out.slice(0, o) };
}
