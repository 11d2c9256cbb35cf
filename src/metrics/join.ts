/**
 * Spatial join: for each zone, the indices of the sightings inside its polygon, sorted by day. Candidates
 * come from the point index (point-index.ts) for each component polygon's bounding box; a cell grid (see
 * grid.ts) settles most of them, and `turf.booleanPointInPolygon` on that component decides the rest, so
 * membership is exactly Turf's. Members are collected as day ranks, so deduplication (overlapping leg
 * buffers) and the (day, index) order come from one pass over a bitmap, or a sort for small zones. With
 * a `RegionRule`, region-precise reports whose region lies mostly outside the zone are set apart as
 * `excluded` (precision.ts, region-members.ts).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import type { Columns } from './columns';
import { buildCellGrid, CELL_BOUNDARY, CELL_OUTSIDE, type CellGrid } from './grid';
import { buildPointIndex, cellRange, type PointIndex } from './point-index';
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
  index?: PointIndex;
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

/** Sort `ranks` in place and drop repeats; returns how many distinct ranks lead the array. */
function sortedUnique(ranks: Uint32Array): number {
  ranks.sort();
  let m = 0;
  for (let k = 0; k < ranks.length; k++) if (k === 0 || ranks[k] !== ranks[k - 1]) ranks[m++] = ranks[k]!;
  return m;
}

/**
 * Distinct `ranks` in ascending order, written back into `ranks` through a bitmap of n bits (`bits`,
 * all zero on entry and on exit); returns how many.
 */
function bitmapUnique(ranks: Uint32Array, bits: Uint32Array): number {
  for (let k = 0; k < ranks.length; k++) bits[ranks[k]! >>> 5]! |= 1 << (ranks[k]! & 31);
  let m = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    if (word === 0) continue;
    bits[w] = 0;
    while (word !== 0) {
      const low = word & -word;
      ranks[m++] = (w << 5) + 31 - Math.clz32(low);
      word ^= low;
    }
  }
  return m;
}

/** The first `m` ranks (ascending) as sighting indices and their days: reads move forward through both tables. */
function resolveRanks(ranks: Uint32Array, m: number, order: Uint32Array, dayByRank: Int32Array): { members: Uint32Array; days: Int32Array } {
  const members = new Uint32Array(m), days = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const r = ranks[k]!;
    members[k] = order[r]!;
    days[k] = dayByRank[r]!;
  }
  return { members, days };
}

/**
 * Distinct day ranks of `ranks` (each < n) in ascending order, as sighting indices and their days: a
 * zone's members in (day, index) order. Zones with many candidates go through a bitmap of n bits
 * (`bits`, cleared again on the way out); small ones are sorted. (Each loop sits in a function of its
 * own, so each is optimised on its own feedback instead of one function re-optimised per zone.)
 */
export function membersFromRanks(ranks: Uint32Array, ix: PointIndex, bits: Uint32Array): { members: Uint32Array; days: Int32Array } {
  // A sort costs ~m log m; the bitmap n / 32 words plus m: for n = 1M it wins from a few hundred members.
  const m = ranks.length * 256 < ix.n ? sortedUnique(ranks) : bitmapUnique(ranks, bits);
  return resolveRanks(ranks, m, ix.order, ix.dayByRank);
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

/** A growable list of day ranks (one per zone, reused). */
interface RankList {
  buf: Uint32Array;
  n: number;
}

/**
 * Add the day ranks of the points inside one component polygon to `acc`. Points come from the index's
 * cell-ordered arrays, one contiguous run per grid row, narrowed to the columns where the component's
 * grid has cells not wholly outside; the cell grid settles most, `booleanPointInPolygon` the rest. A
 * top-level function with plain locals: the hot loop of the join.
 */
function joinComponent(ix: PointIndex, grid: CellGrid, geom: Polygon, acc: RankList, pt: [number, number]): void {
  const { x0, y0, inv, nx, ny, cells, cs, rowLo, rowHi } = grid;
  const { xs, ys, rk, start } = ix;
  const inx = ix.nx, pinv = ix.inv, pside = 1 / ix.inv, px0 = ix.x0, py0 = ix.y0;
  let { buf, n } = acc;
  const [c0, r0, c1, r1] = cellRange(ix, grid.bbox[0], grid.bbox[1], grid.bbox[2], grid.bbox[3]);
  for (let row = r0; row <= r1; row++) {
    // This latitude band's grid rows give the columns where the component can be; one row and column
    // of margin either way absorbs rounding between the two grids.
    const yLo = py0 + row * pside;
    const ga = Math.max(0, Math.floor((yLo - y0) * inv) - 1), gb = Math.min(ny - 1, Math.floor((yLo + pside - y0) * inv) + 1);
    let lo = nx, hi = -1;
    for (let g = ga; g <= gb; g++) {
      const l = rowLo[g]!, h = rowHi[g]!;
      if (l >= 0 && l < lo) lo = l;
      if (h > hi) hi = h;
    }
    if (hi < lo) continue;
    const pc0 = Math.max(c0, Math.floor((x0 + lo * cs - px0) * pinv) - 1);
    const pc1 = Math.min(c1, Math.floor((x0 + (hi + 1) * cs - px0) * pinv) + 1);
    if (pc1 < pc0) continue;
    const end = start[row * inx + pc1 + 1]!;
    if (n + (end - start[row * inx + pc0]!) > buf.length) {
      const next = new Uint32Array(Math.max(buf.length * 2, n + end - start[row * inx + pc0]!));
      next.set(buf.subarray(0, n));
      buf = next;
    }
    for (let e = start[row * inx + pc0]!; e < end; e++) {
      const x = xs[e]!, y = ys[e]!;
      const c = Math.floor((x - x0) * inv);
      const r = Math.floor((y - y0) * inv);
      if (c < 0 || r < 0 || c >= nx || r >= ny) continue;
      const st = cells[r * nx + c];
      if (st === CELL_OUTSIDE) continue;
      if (st === CELL_BOUNDARY) {
        pt[0] = x;
        pt[1] = y;
        if (!booleanPointInPolygon(pt, geom)) continue;
      }
      buf[n++] = rk[e]!;
    }
  }
  acc.buf = buf;
  acc.n = n;
}

/**
 * Join sightings to zones.
 * @example const join = spatialJoin(cols, [...corridors, ...catchments, ...areas]);
 *          join.zones[0].members // Uint32Array of sighting indices inside the first zone, by day
 */
export function spatialJoin(cols: Columns, zones: readonly Zone[], options: JoinOptions = {}): JoinResult {
  const index = options.index ?? buildPointIndex(cols);
  const acc: RankList = { buf: new Uint32Array(1024), n: 0 };
  const bits = new Uint32Array(Math.ceil(cols.length / 32));
  const out: ZoneMembers[] = [];
  const pt: [number, number] = [0, 0];
  zones.forEach((zone, z) => {
    acc.n = 0;
    const parts: ZonePart[] = [];
    for (const rings of zoneComponents(zone)) {
      const part = { grid: gridFor(rings), geom: { type: 'Polygon', coordinates: rings } as Polygon };
      parts.push(part);
      joinComponent(index, part.grid, part.geom, acc, pt);
    }
    // Overlapping leg buffers report a point once per leg; ranks give the (day, index) order.
    const zm = membersFromRanks(acc.buf.subarray(0, acc.n), index, bits);
    if (options.regions) {
      const split = applyRegionRule(zm.members, cols, parts, options.regions);
      const days = (m: Uint32Array) => {
        const out = new Int32Array(m.length);
        for (let k = 0; k < m.length; k++) out[k] = cols.day[m[k]!]!;
        return out;
      };
      out.push({
        zoneId: zone.id, kind: zone.kind, members: split.members, days: days(split.members),
        excluded: { members: split.excluded, days: days(split.excluded) },
      });
    } else {
      out.push({ zoneId: zone.id, kind: zone.kind, ...zm });
    }
    options.onProgress?.({ done: z + 1, total: zones.length, zoneId: zone.id });
  });
  // Every sighting, in day order: the index's own arrays, shared (nothing writes to a join's members),
  // not copied on each width change (8 bytes a sighting).
  return { n: cols.length, zones: out, all: { zoneId: 'all', kind: 'all', members: index.order, days: index.dayByRank } };
}
