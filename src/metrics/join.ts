/**
 * Spatial join: for each zone, the indices of the sightings inside its polygon, sorted by day. Candidates
 * come from a flatbush query of each component polygon's bounding box; a cell grid (see grid.ts) settles
 * most of them, and `turf.booleanPointInPolygon` on that component decides the rest, so membership is
 * exactly Turf's. With a `RegionRule`, region-precise reports whose region lies mostly outside the zone
 * are set apart as `excluded` (precision.ts, region-members.ts).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type Flatbush from 'flatbush';
import type { Polygon, Position } from 'geojson';
import type { Columns } from './columns';
import { buildCellGrid, CELL_BOUNDARY, CELL_INSIDE, type CellGrid } from './grid';
import { buildPointIndex } from './point-index';
import type { RegionRule } from './precision';
import { applyRegionRule, type ZonePart } from './region-members';
import { zoneComponents, type Zone, type ZoneKind } from './zones';

/** Members of one zone. `members[k]` is a sighting index, `days[k]` its day; ordered by (day, index). */
export interface ZoneMembers {
  zoneId: string;
  kind: ZoneKind | 'all';
  members: Uint32Array;
  days: Int32Array;
  /**
   * Region reports whose point is inside the polygon but whose region lies mostly outside it: drawn
   * there, not counted (precision rule). Same order; absent when no rule was applied.
   */
  excluded?: { members: Uint32Array; days: Int32Array };
}

export interface JoinResult {
  /** Number of sightings joined. */
  n: number;
  /** One entry per input zone, same order. */
  zones: ZoneMembers[];
  /** Every sighting, sorted by day: the "anywhere" zone. */
  all: ZoneMembers;
}

export interface JoinProgress {
  /** Zones done, out of `total`. */
  done: number;
  total: number;
  zoneId: string;
}

export interface JoinOptions {
  /** A point index of the same columns, to reuse across joins. */
  index?: Flatbush;
  onProgress?: (p: JoinProgress) => void;
  /** Apply the location-precision rule (precision.ts); without it every point inside counts. */
  regions?: RegionRule;
}

const gridCache = new WeakMap<Position[][], CellGrid>();
function gridFor(rings: Position[][]): CellGrid {
  let g = gridCache.get(rings);
  if (!g) {
    g = buildCellGrid(rings);
    gridCache.set(rings, g);
  }
  return g;
}

/**
 * Distinct values of `idx` (indices < n) in ascending order. Large sets go through a byte map of all n
 * sightings (linear, no comparison sort); small ones are sorted.
 */
export function uniqueAscending(idx: Uint32Array, n: number, scratch: Uint8Array): Uint32Array {
  if (idx.length * 32 < n) {
    idx.sort();
    let m = 0;
    for (let k = 0; k < idx.length; k++) if (k === 0 || idx[k] !== idx[k - 1]) idx[m++] = idx[k]!;
    return idx.slice(0, m);
  }
  for (let k = 0; k < idx.length; k++) scratch[idx[k]!] = 1;
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (scratch[i] === 1) {
      idx[m++] = i;
      scratch[i] = 0;
    }
  }
  return idx.slice(0, m);
}

/**
 * Order ascending sighting indices by (day, index): a counting sort over days, stable, so ties keep
 * index order. Returns the members and their days.
 */
export function sortByDay(ascending: Uint32Array, day: Int32Array): { members: Uint32Array; days: Int32Array } {
  const n = ascending.length;
  const members = new Uint32Array(n);
  const days = new Int32Array(n);
  if (n === 0) return { members, days };
  const own = new Int32Array(n);
  let lo = Infinity, hi = -Infinity;
  for (let k = 0; k < n; k++) {
    const d = day[ascending[k]!]!;
    own[k] = d;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const counts = new Uint32Array(hi - lo + 2);
  for (let k = 0; k < n; k++) counts[own[k]! - lo + 1]!++;
  for (let b = 1; b < counts.length; b++) counts[b]! += counts[b - 1]!;
  for (let k = 0; k < n; k++) {
    const at = counts[own[k]! - lo]!++;
    members[at] = ascending[k]!;
    days[at] = own[k]!;
  }
  return { members, days };
}

function membersOf(zoneId: string, kind: ZoneMembers['kind'], ascending: Uint32Array, cols: Columns): ZoneMembers {
  return { zoneId, kind, ...sortByDay(ascending, cols.day) };
}

/**
 * Join sightings to zones.
 * @example const join = spatialJoin(cols, [...corridors, ...catchments, ...areas]);
 *          join.zones[0].members // Uint32Array of sighting indices inside the first zone, by day
 */
export function spatialJoin(cols: Columns, zones: readonly Zone[], options: JoinOptions = {}): JoinResult {
  const index = options.index ?? buildPointIndex(cols);
  let buf = new Uint32Array(1024);
  const scratch = new Uint8Array(cols.length);
  const out: ZoneMembers[] = [];
  const pt: [number, number] = [0, 0];
  zones.forEach((zone, z) => {
    let n = 0;
    const components = zoneComponents(zone);
    const parts: ZonePart[] = [];
    for (const rings of components) {
      const grid = gridFor(rings);
      const geom: Polygon = { type: 'Polygon', coordinates: rings };
      parts.push({ grid, geom });
      const { x0, y0, inv, nx, ny, cells } = grid;
      const [minX, minY, maxX, maxY] = grid.bbox;
      // The callback gets the point from the index's own (Hilbert-ordered) box array: no random reads.
      index.search(minX, minY, maxX, maxY, (i, x, y) => {
        const c = Math.floor((x - x0) * inv);
        const r = Math.floor((y - y0) * inv);
        if (c < 0 || r < 0 || c >= nx || r >= ny) return false;
        const s = cells[r * nx + c];
        let inside = s === CELL_INSIDE;
        if (s === CELL_BOUNDARY) {
          pt[0] = x;
          pt[1] = y;
          inside = booleanPointInPolygon(pt, geom);
        }
        if (inside) {
          if (n === buf.length) {
            const next = new Uint32Array(buf.length * 2);
            next.set(buf);
            buf = next;
          }
          buf[n++] = i;
        }
        return false;
      });
    }
    // Overlapping leg buffers report a point once per leg; the index reports in its own order.
    const unique = uniqueAscending(buf.subarray(0, n), cols.length, scratch);
    if (options.regions) {
      const split = applyRegionRule(unique, cols, parts, options.regions);
      out.push({ ...membersOf(zone.id, zone.kind, split.members, cols), excluded: sortByDay(split.excluded, cols.day) });
    } else {
      out.push(membersOf(zone.id, zone.kind, unique, cols));
    }
    options.onProgress?.({ done: z + 1, total: zones.length, zoneId: zone.id });
  });
  const allIdx = new Uint32Array(cols.length);
  for (let i = 0; i < cols.length; i++) allIdx[i] = i;
  return { n: cols.length, zones: out, all: membersOf('all', 'all', allIdx, cols) };
}
