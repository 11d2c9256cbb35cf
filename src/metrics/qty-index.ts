/**
 * Quantity reports of one zone, two ways with identical results:
 *
 * - `QtyReports`: the reports in day order as compact parallel arrays (day, packed key, unit, value), so
 *   a filtered window is one sequential pass over its reports with a table lookup per report — no
 *   random access into the sighting columns. Cost O(reports in the window), ~2–3 ns each.
 * - `QtyIndex`: the reports bucketed by unit (or by unit × packed key, for filtered queries), each
 * bucket sorted by day with running sums and a max tree, so a window's reports, sum, max and latest report
 * per unit cost O(buckets × log n) instead of a scan of the window's reports.
 *
 *   entries of bucket j (day order) ─ psum[e + 1] − psum[s]  = Σ values of entries s … e
 *                                    └ tree (max segment tree) = max of entries s … e
 * Sums of non-integer values may differ from a sequential sum in the last bits (integers are exact).
 */
import { NO_UNIT, QUANTITY_UNITS, type Columns } from './columns';
import { below, bucketize, lowerIn, type Buckets } from './buckets';

export interface QtyIndex {
  b: Buckets;
  /** Running sums of the values in entry order; psum[e] = Σ values of entries < e. */
  psum: Float64Array;
  /** Max segment tree over entries: leaves at [m, 2m). */
  tree: Float64Array;
  /** unit = bucket id >> unitShift (0 when bucketed by unit alone, 13 when by unit × key). */
  unitShift: number;
}

/** Per-unit aggregates of a window, indexed by unit; `latestK` is a member position or −1. */
export interface QtyAgg {
  reports: Float64Array;
  sum: Float64Array;
  max: Float64Array;
  latestK: Int32Array;
}

export const newQtyAgg = (): QtyAgg => ({
  reports: new Float64Array(QUANTITY_UNITS.length),
  sum: new Float64Array(QUANTITY_UNITS.length),
  max: new Float64Array(QUANTITY_UNITS.length).fill(-Infinity),
  latestK: new Int32Array(QUANTITY_UNITS.length).fill(-1),
});

/** Clear `agg` for reuse. */
export function resetQtyAgg(agg: QtyAgg): QtyAgg {
  agg.reports.fill(0);
  agg.sum.fill(0);
  agg.max.fill(-Infinity);
  agg.latestK.fill(-1);
  return agg;
}

/**
 * Index the zone members at `positions` (those reporting a quantity) by unit, or by unit × `keys[k]`.
 * @param members sighting index per member position; `days` their days (ascending)
 */
export function buildQtyIndex(
  positions: Uint32Array, members: Uint32Array, days: Int32Array, cols: Columns, keys: Uint16Array | null,
  d0: number, span: number,
): QtyIndex {
  const r = positions.length;
  const id = new Int32Array(r);
  const qDays = new Int32Array(r);
  for (let q = 0; q < r; q++) {
    const k = positions[q]!;
    const u = cols.qtyUnit[members[k]!]!;
    id[q] = keys ? (u << 13) | keys[k]! : u;
    qDays[q] = days[k]!;
  }
  const space = keys ? QUANTITY_UNITS.length << 13 : QUANTITY_UNITS.length;
  // By unit alone (≤ 11 buckets, looked up on every unfiltered recompute): dense prefixes for the big ones.
  const b = bucketize(id, qDays, space, d0, span, !keys, true);
  const psum = new Float64Array(r + 1);
  const tree = new Float64Array(2 * r).fill(-Infinity);
  for (let e = 0; e < r; e++) {
    const k = positions[b.pos[e]!]!;
    b.pos[e] = k;
    const v = cols.qtyValue[members[k]!]!;
    psum[e + 1] = psum[e]! + v;
    tree[r + e] = v;
  }
  for (let e = r - 1; e > 0; e--) tree[e] = Math.max(tree[2 * e]!, tree[2 * e + 1]!);
  return { b, psum, tree, unitShift: keys ? 13 : 0 };
}

/** A zone's quantity reports in day order (the order of `pos`), one entry per report. */
export interface QtyReports {
  /** Member position of each report in the zone's member list, ascending (so by day). */
  pos: Uint32Array;
  days: Int32Array;
  /** Packed key (category | confidence | source mask, see cube.ts) of each report. */
  keys: Uint16Array;
  units: Uint8Array;
  values: Float64Array;
}

/**
 * Copy the reports at member `positions` into compact arrays.
 * @param keys packed key per member position
 */
export function buildQtyReports(positions: Uint32Array, members: Uint32Array, days: Int32Array, cols: Columns, keys: Uint16Array): QtyReports {
  const r = positions.length;
  const out: QtyReports = {
    pos: positions, days: new Int32Array(r), keys: new Uint16Array(r), units: new Uint8Array(r), values: new Float64Array(r),
  };
  for (let q = 0; q < r; q++) {
    const k = positions[q]!, i = members[k]!;
    out.days[q] = days[k]!;
    out.keys[q] = keys[k]!;
    out.units[q] = cols.qtyUnit[i]!;
    out.values[q] = cols.qtyValue[i]!;
  }
  return out;
}

/** Reports [lo, hi) of `r` with day in [fromDay, toDay]. */
export function qtyWindow(r: QtyReports, fromDay: number, toDay: number): [number, number] {
  const lo = lowerIn(r.days, 0, r.days.length, fromDay);
  return [lo, lowerIn(r.days, lo, r.days.length, toDay + 1)];
}

/**
 * Add the reports in [lo, hi) (see `qtyWindow`) whose key `keyOk` allows to `agg`, in day order: sums
 * are sequential, so they equal a scan of the sighting columns to the last bit.
 */
export function qtyFromReports(r: QtyReports, keyOk: Uint8Array, lo: number, hi: number, agg: QtyAgg): void {
  const { keys, units, values, pos } = r;
  const { reports, sum, max, latestK } = agg;
  for (let q = lo; q < hi; q++) {
    if (!keyOk[keys[q]!]) continue;
    const u = units[q]!, v = values[q]!;
    reports[u]!++;
    sum[u]! += v;
    if (v > max[u]!) max[u] = v;
    latestK[u] = pos[q]!;
  }
}

function rangeMax(tree: Float64Array, n: number, lo: number, hi: number): number {
  let m = -Infinity;
  for (lo += n, hi += n; lo < hi; lo >>= 1, hi >>= 1) {
    if (lo & 1) m = Math.max(m, tree[lo++]!);
    if (hi & 1) m = Math.max(m, tree[--hi]!);
  }
  return m;
}

/**
 * Add the window [fromDay, toDay]'s reports of the buckets for which `keyOk` allows the key (all buckets
 * when `keyOk` is null) to `agg`. O(buckets × log n).
 */
export function qtyFromIndex(q: QtyIndex, keyOk: Uint8Array | null, fromDay: number, toDay: number, agg: QtyAgg): void {
  const { b, psum, tree, unitShift } = q;
  const n = b.offs.length;
  for (let j = 0; j < b.ids.length; j++) {
    const id = b.ids[j]!;
    if (keyOk && !keyOk[id & 0x1fff]) continue;
    const s = b.start[j]!;
    const lo = s + below(b, j, fromDay);
    const hi = s + below(b, j, toDay + 1);
    if (hi <= lo) continue;
    const u = id >> unitShift;
    if (u === NO_UNIT) continue;
    agg.reports[u]! += hi - lo;
    agg.sum[u]! += psum[hi]! - psum[lo]!;
    agg.max[u] = Math.max(agg.max[u]!, rangeMax(tree, n, lo, hi));
    // Entries of a bucket are in member order, so the window's last entry is its latest report.
    if (b.pos[hi - 1]! > agg.latestK[u]!) agg.latestK[u] = b.pos[hi - 1]!;
  }
}
