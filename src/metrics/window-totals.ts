/**
 * The counting half of the windowed metrics for one zone, two ways with identical results:
 *
 * - from running totals (cube.ts): per allowed bucket, `below()` at the 5 window edges
 *   (from − 12·len, from − 4·len, from − len, from, to + 1) and at each week edge. Buckets are the
 *   39 (category × confidence) groups without a source-kind filter, else the packed keys whose source
 *   mask meets the filter. Cost O(buckets × (weeks + 5)), independent of the number of sightings.
 * - by scanning the members from `from − 12·len` to `to`, for zones with fewer members there than the
 *   first way would do lookups (small catchments, short windows).
 *
 * Weighted counts are kept in tenths (high 10, moderate 6, low 3) so both ways give the same number.
 */
import { CATEGORIES, SOURCE_KINDS } from '../domain/schemas';
import { CONFIDENCES } from './columns';
import { below, lastIn, type Buckets } from './buckets';
import { GROUPS, KEY_SPACE, keyGroup, type ZoneCube } from './cube';
import { lowerBound, type ResolvedFilters } from './filters';
import type { ZoneMembers } from './join';

/** Confidence weights in tenths, by confidence index. */
export const WEIGHT_TENTHS = Int32Array.of(10, 6, 3);
const NCONF = CONFIDENCES.length;
const NKINDS = SOURCE_KINDS.length;

/** A query decided once for all zones. */
export interface WindowQuery {
  f: ResolvedFilters;
  /** Days: from − 12·len, from − 4·len, from − len, from, to + 1. */
  edges: Int32Array;
  /** Week starts then to + 1. */
  weekEdges: Int32Array;
  groupOk: Uint8Array;
  keyOk: Uint8Array;
  confOk: Uint8Array;
  /** By `confidence << 7 | mask` and `category << 7 | mask`: passes the confidence / source filter. */
  confMaskOk: Uint8Array;
  maskOk: Uint8Array;
  allGroups: boolean;
  /** Every category passes: counts can come from the confidence buckets. */
  allCategories: boolean;
}

export interface ZoneTotals {
  n: number; pn: number; n4: number; n12: number;
  /** Weighted counts in tenths. */
  w10: number; pw10: number;
  latest: number;
  byCategory: Float64Array;
  bySource: Float64Array;
  weekly: Float64Array;
}

/** Build the query for filters `f`. */
export function windowQuery(f: ResolvedFilters): WindowQuery {
  const len = f.toDay - f.fromDay + 1;
  const edges = Int32Array.of(f.fromDay - 12 * len, f.fromDay - 4 * len, f.fromDay - len, f.fromDay, f.toDay + 1);
  const weeks: number[] = [];
  for (let s = f.fromDay; s <= f.toDay; s += 7) weeks.push(s);
  weeks.push(f.toDay + 1);
  const groupOk = new Uint8Array(GROUPS);
  let allGroups = true;
  for (let g = 0; g < GROUPS; g++) {
    groupOk[g] = f.categories & (1 << Math.floor(g / NCONF)) && f.confidences & (1 << g % NCONF) ? 1 : 0;
    if (!groupOk[g]) allGroups = false;
  }
  const keyOk = new Uint8Array(KEY_SPACE);
  for (let key = 0; key < KEY_SPACE; key++) {
    const g = keyGroup(key);
    const valid = ((key >> 7) & 3) < NCONF && g < GROUPS;
    keyOk[key] = valid && groupOk[g] && (f.allSources || f.sourceKinds & key & 0x7f) ? 1 : 0;
  }
  const confOk = Uint8Array.from(CONFIDENCES, (_, c) => (f.confidences & (1 << c) ? 1 : 0));
  const allCategories = (f.categories & ((1 << CATEGORIES.length) - 1)) === (1 << CATEGORIES.length) - 1;
  const maskPasses = (m: number) => f.allSources || (f.sourceKinds & m) !== 0;
  const confMaskOk = Uint8Array.from({ length: 1 << 9 }, (_, id) => (confOk[id >> 7] && maskPasses(id & 0x7f) ? 1 : 0));
  const maskOk = Uint8Array.from({ length: 1 << 7 }, (_, m) => (maskPasses(m) ? 1 : 0));
  return { f, edges, weekEdges: Int32Array.from(weeks), groupOk, keyOk, confOk, confMaskOk, maskOk, allGroups, allCategories };
}

const newTotals = (weeks: number): ZoneTotals => ({
  n: 0, pn: 0, n4: 0, n12: 0, w10: 0, pw10: 0, latest: -Infinity,
  byCategory: new Float64Array(CATEGORIES.length), bySource: new Float64Array(NKINDS), weekly: new Float64Array(weeks),
});

/**
 * Rough cost of the running-totals way for this zone, in "member visits": ~8 per allowed bucket for the
 * edge lookups; week edges of dense buckets; sparse buckets walk their window entries (≤ span / 4 each),
 * which costs far less per entry than the scan's per-member work.
 */
export function totalsCost(cube: ZoneCube, q: WindowQuery, detail: boolean, sources: boolean): number {
  const weekly = (b: Buckets, ok: Uint8Array) => {
    let cost = 0;
    for (let j = 0; j < b.ids.length; j++) if (ok[b.ids[j]!]) cost += 8 + (detail && b.at[j]! >= 0 ? q.weekEdges.length : 0);
    return cost;
  };
  if (!q.f.allSources && q.allCategories) return weekly(cube.confMasks, q.confMaskOk) + cube.catMasks.ids.length * 4;
  if (!q.f.allSources) return weekly(cube.keyed, q.keyOk);
  const kinds = sources ? cube.groupKinds.ids.length * 4 : 0;
  if (q.allCategories) return weekly(cube.byConfidence, q.confOk) + cube.groups.ids.length * 4 + kinds;
  return weekly(cube.groups, q.groupOk) + kinds;
}

/** Members the scan would visit for this zone. */
export function scanCost(zm: ZoneMembers, q: WindowQuery): number {
  return lowerBound(zm.days, q.edges[4]!) - lowerBound(zm.days, q.edges[0]!);
}

/** Bucket ids: 0 groups, 1 packed keys, 2 confidences, 3 confidence × mask (no category breakdown for 2, 3). */
type Mode = 0 | 1 | 2 | 3;

function addBuckets(b: Buckets, ok: Uint8Array, mode: Mode, q: WindowQuery, detail: boolean, sources: boolean, t: ZoneTotals): void {
  const e = q.edges, we = q.weekEdges;
  const cum = detail ? new Float64Array(we.length) : null;
  for (let j = 0; j < b.ids.length; j++) {
    const id = b.ids[j]!;
    if (!ok[id]) continue;
    const v0 = below(b, j, e[0]!), v1 = below(b, j, e[1]!), v2 = below(b, j, e[2]!);
    const v3 = below(b, j, e[3]!), v4 = below(b, j, e[4]!);
    const g = mode === 1 ? keyGroup(id) : id;
    const n = v4 - v3, w = WEIGHT_TENTHS[mode === 2 ? id : mode === 3 ? id >> 7 : g % NCONF]!;
    t.n += n; t.pn += v3 - v2; t.n4 += v3 - v1; t.n12 += v3 - v0;
    t.w10 += n * w; t.pw10 += (v3 - v2) * w;
    if (mode < 2) t.byCategory[Math.floor(g / NCONF)]! += n;
    if (n > 0) t.latest = Math.max(t.latest, b.days[lastIn(b, j, e[3]!, e[4]! - 1)]!);
    if (sources && (mode === 1 || mode === 3)) for (let k = 0; k < NKINDS; k++) if (id & (1 << k)) t.bySource[k]! += n;
    if (!cum || n === 0) continue;
    if (b.at[j]! >= 0) {
      // Dense: one O(1) lookup per week edge.
      cum[0]! += v3;
      cum[we.length - 1]! += v4;
      for (let w2 = 1; w2 < we.length - 1; w2++) cum[w2]! += below(b, j, we[w2]!);
    } else {
      // Sparse (< span / 4 members): walking the window's entries is cheaper than a search per week.
      const s = b.start[j]! + v3, from = e[3]!;
      for (let x = s; x < s + n; x++) t.weekly[Math.floor((b.days[x]! - from) / 7)]!++;
    }
  }
  if (cum) for (let w2 = 0; w2 < we.length - 1; w2++) t.weekly[w2]! += cum[w2 + 1]! - cum[w2]!;
}

/** Window counts of the buckets `ok` allows, added at `out[slot(id)]`. */
function addWindow(b: Buckets, ok: Uint8Array, idOk: (id: number) => number, slot: (id: number) => number, q: WindowQuery, out: Float64Array): void {
  const from = q.edges[3]!, to = q.edges[4]!;
  for (let j = 0; j < b.ids.length; j++) {
    const id = b.ids[j]!;
    if (!ok[idOk(id)]) continue;
    out[slot(id)]! += below(b, j, to) - below(b, j, from);
  }
}

const same = (id: number) => id;
const catOfGroup = (g: number) => Math.floor(g / NCONF);
const groupOfGk = (id: number) => id >> 3;
const kindOfGk = (id: number) => id & 7;
const maskOf = (id: number) => id & 0x7f;
const catOfMask = (id: number) => id >> 7;
const catOfKey = (id: number) => id >> 9;

/** Totals from the running totals. */
export function totalsFromIndex(cube: ZoneCube, q: WindowQuery, detail: boolean, sources: boolean): ZoneTotals {
  const t = newTotals(q.weekEdges.length - 1);
  if (!q.f.allSources && q.allCategories) {
    addBuckets(cube.confMasks, q.confMaskOk, 3, q, detail, sources, t);
    // The category breakdown: by category × mask when every confidence passes, else by packed key.
    if (q.confOk.every((c) => c === 1)) addWindow(cube.catMasks, q.maskOk, maskOf, catOfMask, q, t.byCategory);
    else addWindow(cube.keyed, q.keyOk, same, catOfKey, q, t.byCategory);
    return t;
  }
  if (!q.f.allSources) {
    addBuckets(cube.keyed, q.keyOk, 1, q, detail, sources, t);
    return t;
  }
  if (q.allCategories) {
    addBuckets(cube.byConfidence, q.confOk, 2, q, detail, false, t);
    addWindow(cube.groups, q.groupOk, same, catOfGroup, q, t.byCategory);
  } else {
    addBuckets(cube.groups, q.groupOk, 0, q, detail, false, t);
  }
  if (sources) addWindow(cube.groupKinds, q.groupOk, groupOfGk, kindOfGk, q, t.bySource);
  return t;
}

/** Totals by scanning the zone's members in [from − 12·len, to]. */
export function totalsFromScan(zm: ZoneMembers, cube: ZoneCube, q: WindowQuery, detail: boolean, sources: boolean): ZoneTotals {
  const t = newTotals(q.weekEdges.length - 1);
  const [d12, d4, d1, from] = q.edges;
  const lo = lowerBound(zm.days, d12!), hi = lowerBound(zm.days, q.edges[4]!);
  const keys = cube.keys, days = zm.days;
  for (let k = lo; k < hi; k++) {
    const key = keys[k]!;
    if (!q.keyOk[key]) continue;
    const d = days[k]!;
    if (d >= from!) {
      const conf = (key >> 7) & 3;
      t.n++;
      t.w10 += WEIGHT_TENTHS[conf]!;
      t.byCategory[key >> 9]!++;
      t.latest = d;
      if (sources) for (let b = 0; b < NKINDS; b++) if (key & (1 << b)) t.bySource[b]!++;
      if (detail) t.weekly[Math.floor((d - from!) / 7)]!++;
    } else {
      t.n12++;
      if (d >= d4!) t.n4++;
      if (d >= d1!) {
        t.pn++;
        t.pw10 += WEIGHT_TENTHS[(key >> 7) & 3]!;
      }
    }
  }
  return t;
}
