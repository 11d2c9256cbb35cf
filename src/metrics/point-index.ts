/**
 * The sightings' spatial index and day order, built once per data set and reused for every width change.
 *
 *   points ─ counting sort by grid cell (row-major) ─▶ xs, ys in cell order (ascending index per cell)
 *            a row of cells is one contiguous run, so a bounding-box query is one run per row
 *   days   ─ counting sort by day ─▶ order (sighting indices by (day, index)); rk: each entry's day rank
 *
 * Both builds are linear (no comparison sort): ~8 points a cell on average, sized from the points' own
 * bounding box. A zone's members come out of the join as ranks, which sort — and deduplicate — as a
 * bitmap over all sightings, already in (day, index) order.
 */
import type { Columns } from './columns';

export interface PointIndex {
  /** Number of sightings indexed. */
  n: number;
  /** Grid origin and cells per degree; `nx` × `ny` cells. */
  x0: number;
  y0: number;
  inv: number;
  nx: number;
  ny: number;
  /** Points of cell c are entries start[c] … start[c + 1] − 1. */
  start: Uint32Array;
  xs: Float64Array;
  ys: Float64Array;
  /** Day rank of each entry (its sighting's place in `order`), so the join reads it in cell order. */
  rk: Uint32Array;
  /** Sighting indices ordered by (day, index), and their days (ascending). */
  order: Uint32Array;
  dayByRank: Int32Array;
}

/** Average points a cell aims at; the grid has at most 2^20 cells. */
const PER_CELL = 8;
const MAX_CELLS = 1 << 20;

/**
 * Order by (day, index): a counting sort over days when the span is modest, else a comparison sort.
 * @example dayOrder(Int32Array.of(5, 3, 5)) // Uint32Array [1, 0, 2]
 */
export function dayOrder(day: Int32Array): Uint32Array {
  return dayRanks(day).order;
}

/**
 * The (day, index) order, each sighting's place in it (`rankOf`), and the days in that order. The
 * counting sort hands out each sighting's place as it goes, so `rankOf` is written in sighting order
 * instead of by a second, random-access pass.
 */
function dayRanks(day: Int32Array): { order: Uint32Array; rankOf: Uint32Array; dayByRank: Int32Array } {
  const n = day.length;
  const order = new Uint32Array(n), rankOf = new Uint32Array(n), dayByRank = new Int32Array(n);
  if (n === 0) return { order, rankOf, dayByRank };
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const span = hi - lo + 1;
  if (span > Math.max(1 << 16, 4 * n)) {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => day[a]! - day[b]! || a - b);
    for (let r = 0; r < n; r++) {
      rankOf[order[r]!] = r;
      dayByRank[r] = day[order[r]!]!;
    }
    return { order, rankOf, dayByRank };
  }
  const counts = new Uint32Array(span + 1);
  for (let i = 0; i < n; i++) counts[day[i]! - lo + 1]!++;
  for (let b = 1; b <= span; b++) counts[b]! += counts[b - 1]!;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    const r = counts[d - lo]!++;
    order[r] = i;
    dayByRank[r] = d;
    rankOf[i] = r;
  }
  return { order, rankOf, dayByRank };
}

/**
 * Build the index of `cols`.
 * @example const ix = buildPointIndex(cols); ix.order[0] // the earliest sighting
 */
export function buildPointIndex(cols: Columns): PointIndex {
  const n = cols.length;
  const { lon, lat } = cols;
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = lon[i]!, y = lat[i]!;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (n === 0) minX = minY = maxX = maxY = 0;
  const w = Math.max(maxX - minX, 1e-9), h = Math.max(maxY - minY, 1e-9);
  const cells = Math.min(MAX_CELLS, Math.max(1, Math.ceil(n / PER_CELL)));
  const side = Math.max(Math.sqrt((w * h) / cells), w / 4096, h / 4096);
  const inv = 1 / side;
  const nx = Math.min(4096, Math.floor(w * inv) + 1), ny = Math.min(4096, Math.floor(h * inv) + 1);
  const cellOf = new Uint32Array(n);
  const start = new Uint32Array(nx * ny + 1);
  for (let i = 0; i < n; i++) {
    const c = Math.min(nx - 1, Math.floor((lon[i]! - minX) * inv));
    const r = Math.min(ny - 1, Math.floor((lat[i]! - minY) * inv));
    const cell = r * nx + c;
    cellOf[i] = cell;
    start[cell + 1]!++;
  }
  for (let c = 1; c < start.length; c++) start[c]! += start[c - 1]!;
  const fill = start.slice(0, nx * ny);
  const { order, rankOf, dayByRank } = dayRanks(cols.day);
  const xs = new Float64Array(n), ys = new Float64Array(n), rk = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const at = fill[cellOf[i]!]!++;
    xs[at] = lon[i]!;
    ys[at] = lat[i]!;
    rk[at] = rankOf[i]!;
  }
  return { n, x0: minX, y0: minY, inv, nx, ny, start, xs, ys, rk, order, dayByRank };
}

/**
 * The grid cells [c0, c1] × [r0, r1] that meet the box [minX, maxX] × [minY, maxY] (clamped to the grid).
 * Row r's entries in that column range are start[r·nx + c0] … start[r·nx + c1 + 1] − 1: one contiguous run.
 */
export function cellRange(ix: PointIndex, minX: number, minY: number, maxX: number, maxY: number): [number, number, number, number] {
  const clamp = (v: number, m: number) => (v < 0 ? 0 : v >= m ? m - 1 : v);
  if (ix.n === 0 || maxX < minX || maxY < minY) return [0, 0, -1, -1];
  return [
    clamp(Math.floor((minX - ix.x0) * ix.inv), ix.nx), clamp(Math.floor((minY - ix.y0) * ix.inv), ix.ny),
    clamp(Math.floor((maxX - ix.x0) * ix.inv), ix.nx), clamp(Math.floor((maxY - ix.y0) * ix.inv), ix.ny),
  ];
}
