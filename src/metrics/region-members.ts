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
import { discSamples, mostlyInside, REGION_RADIUS_KM, type RegionRule } from './precision';

/** One component polygon of a zone with its cell grid. */
export interface ZonePart {
  grid: CellGrid;
  geom: Polygon;
}

/** Whether (x, y) is inside any component (exactly `booleanPointInPolygon` on the zone's MultiPolygon). */
export function insideParts(parts: readonly ZonePart[], x: number, y: number, pt: [number, number] = [0, 0]): boolean {
  for (const { grid, geom } of parts) {
    const [minX, minY, maxX, maxY] = grid.bbox;
    if (x < minX || x > maxX || y < minY || y > maxY) continue;
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
  const byPos = new Map<number, Map<number, boolean>>();
  const scratch = new Float64Array(discSamples(0, 0, radiusKm).length);
  const pt: [number, number] = [0, 0];
  const inside = (x: number, y: number) => insideParts(parts, x, y, pt);
  const out: number[] = [];
  let m = 0;
  for (let k = 0; k < ascending.length; k++) {
    const i = ascending[k]!;
    let keep = true;
    if (precision[i] === REGION) {
      const area = areaSamples.get(i);
      if (area) {
        let d = byArea.get(area);
        if (d === undefined) byArea.set(area, (d = mostlyInside(area, inside)));
        keep = d;
      } else {
        const x = cols.lon[i]!, y = cols.lat[i]!;
        let row = byPos.get(x);
        if (!row) byPos.set(x, (row = new Map()));
        let d = row.get(y);
        if (d === undefined) row.set(y, (d = mostlyInside(discSamples(x, y, radiusKm, scratch), inside)));
        keep = d;
      }
    }
    if (keep) ascending[m++] = i;
    else out.push(i);
  }
  return { members: ascending.subarray(0, m), excluded: Uint32Array.from(out) };
}
