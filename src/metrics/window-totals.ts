/**
 * The counting half of the windowed metrics for one zone, two ways with identical results:
 *
 * - from running totals (cube.ts): per allowed bucket, the members below the 5 window edges
 *   (from − 12·len, from − 4·len, from − len, from, to + 1) and, for the weekly series, below each week
 *   edge. Which buckets answer depends on the filters (table in README.md). Dense buckets read their
 *   prefix at offsets computed once per query; sparse ones of ≤ 16 entries are walked, larger ones
 *   binary-searched. Cost O(buckets × (weeks + 5)), independent of the number of sightings.
 * - by scanning the members from `from − 12·len` to `to`, for zones with fewer members there than the
 *   first way would do lookups (small catchments, short windows).
 *
 * Weighted counts are kept in tenths (high 10, moderate 6, low 3) so both ways give the same number.
 */
import { CATEGORIES, SOURCE_KINDS } from '../domain/schemas';
import { CONFIDENCES } from './columns';
import type { WindowCoverage } from './coverage';
import { lowerIn, type Buckets } from './buckets';
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
  /**
   * Days: from − m12·len, from − m4·len, from − m1·len, from, to + 1, where m12, m4, m1 are the covered
   * preceding windows (12, 4, 1 with full coverage; see coverage.ts). Ascending; all `from` if to < from.
   */
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
  /** Every confidence passes too: the category breakdown comes from the category buckets. */
  allConfidences: boolean;
  /** Edges as offsets into dense prefixes, for the index's (d0, span); see `denseOffsets`. */
  dense: { d0: number; span: number; edges: Int32Array; weeks: Int32Array };
  /** Scratch for the weekly running counts. */
  cum: Float64Array;
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

/**
 * Build the query for filters `f` (plain loops over small tables: this runs on every recompute). `cov`
 * limits the baselines to covered windows; without it all 12 preceding windows are used.
 */
export function windowQuery(f: ResolvedFilters, cov?: WindowCoverage): WindowQuery {
  const len = f.toDay - f.fromDay + 1;
  const m12 = cov ? cov.of12 : 12, m4 = cov ? cov.of4 : 4, m1 = cov ? cov.prev : 1;
  // Edges ascend for any window of at least a day; an inverted window counts nothing.
  const edges = len >= 1
    ? Int32Array.of(f.fromDay - m12 * len, f.fromDay - m4 * len, f.fromDay - m1 * len, f.fromDay, f.toDay + 1)
    : new Int32Array(5).fill(f.fromDay);
  const nWeeks = Math.max(0, Math.ceil(len / 7));
  const weekEdges = new Int32Array(nWeeks + 1);
  for (let w = 0; w < nWeeks; w++) weekEdges[w] = f.fromDay + 7 * w;
  weekEdges[nWeeks] = f.toDay + 1;
  const groupOk = new Uint8Array(GROUPS);
  let allGroups = true;
  for (let g = 0; g < GROUPS; g++) {
    groupOk[g] = f.categories & (1 << Math.floor(g / NCONF)) && f.confidences & (1 << g % NCONF) ? 1 : 0;
    if (!groupOk[g]) allGroups = false;
  }
  const maskOk = new Uint8Array(1 << 7);
  for (let m = 0; m < 1 << 7; m++) maskOk[m] = f.allSources || (f.sourceKinds & m) !== 0 ? 1 : 0;
  const confOk = new Uint8Array(NCONF);
  for (let c = 0; c < NCONF; c++) confOk[c] = f.confidences & (1 << c) ? 1 : 0;
  const confMaskOk = new Uint8Array(1 << 9);
  for (let c = 0; c < NCONF; c++) if (confOk[c]) confMaskOk.set(maskOk, c << 7);
  const keyOk = new Uint8Array(KEY_SPACE);
  for (let cat = 0; cat < CATEGORIES.length; cat++) {
    for (let c = 0; c < NCONF; c++) if (groupOk[cat * NCONF + c]) keyOk.set(maskOk, (cat << 9) | (c << 7));
  }
  const allCategories = (f.categories & ((1 << CATEGORIES.length) - 1)) === (1 << CATEGORIES.length) - 1;
  const allConfidences = confOk.every((c) => c === 1);
  return {
    f, edges, weekEdges, groupOk, keyOk, confOk, confMaskOk, maskOk, allGroups, allCategories, allConfidences,
    dense: { d0: NaN, span: NaN, edges: new Int32Array(5), weeks: new Int32Array(weekEdges.length) },
    cum: new Float64Array(weekEdges.length),
  };
}

/** `q.edges` and `q.weekEdges` as clamped offsets into dense prefixes starting at `d0` (cached per query). */
function denseOffsets(q: WindowQuery, d0: number, span: number): WindowQuery['dense'] {
  const o = q.dense;
  if (o.d0 === d0 && o.span === span) return o;
  const clamp = (day: number) => Math.min(span, Math.max(0, day - d0));
  for (let x = 0; x < 5; x++) o.edges[x] = clamp(q.edges[x]!);
  for (let x = 0; x < q.weekEdges.length; x++) o.weeks[x] = clamp(q.weekEdges[x]!);
  o.d0 = d0;
  o.span = span;
  return o;
}

/** Totals for a query: `into` (a scratch from an earlier zone of the same query) cleared, or new. */
function freshTotals(q: WindowQuery, into?: ZoneTotals): ZoneTotals {
  if (!into) {
    return {
      n: 0, pn: 0, n4: 0, n12: 0, w10: 0, pw10: 0, latest: -Infinity, byCategory: new Float64Array(CATEGORIES.length),
      bySource: new Float64Array(NKINDS), weekly: new Float64Array(q.weekEdges.length - 1),
    };
  }
  into.n = into.pn = into.n4 = into.n12 = into.w10 = into.pw10 = 0;
  into.latest = -Infinity;
  into.byCategory.fill(0);
  into.bySource.fill(0);
  into.weekly.fill(0);
  return into;
}

/**
 * Rough cost of the running-totals way for this zone, in "member visits": ~8 per allowed bucket for the
 * edge lookups; week edges of dense buckets; sparse buckets walk their window entries (≤ span / 4 each),
 * which costs far less per entry than the scan's per-member work.
 */
export function totalsCost(cube: ZoneCube, q: WindowQuery, detail: boolean, sources: boolean): number {
  const weeks = detail ? q.weekEdges.length : 0;
  if (!q.f.allSources && q.allCategories) return lookupCost(cube.confMasks, q.confMaskOk, weeks) + cube.catMasks.ids.length * 4;
  if (!q.f.allSources) return lookupCost(cube.keyed, q.keyOk, weeks);
  if (q.allCategories) {
    const categories = (q.allConfidences ? cube.cats : cube.groups).ids.length * 4;
    return lookupCost(cube.byConfidence, q.confOk, weeks) + categories + (sources ? cube.confMasks.ids.length * 4 : 0);
  }
  return lookupCost(cube.groups, q.groupOk, weeks) + (sources ? cube.groupKinds.ids.length * 4 : 0);
}

/** ~8 per allowed bucket, plus a lookup per week edge for dense ones. */
function lookupCost(b: Buckets, ok: Uint8Array, weeks: number): number {
  const { ids, at } = b;
  let cost = 0;
  for (let j = 0; j < ids.length; j++) if (ok[ids[j]!]) cost += at[j]! >= 0 ? 8 + weeks : 8;
  return cost;
}

/** Members the scan would visit for this zone. */
export function scanCost(zm: ZoneMembers, q: WindowQuery): number {
  return lowerBound(zm.days, q.edges[4]!) - lowerBound(zm.days, q.edges[0]!);
}

/** Bucket ids: 0 groups, 1 packed keys, 2 confidences, 3 confidence × mask (no category breakdown for 2, 3). */
type Mode = 0 | 1 | 2 | 3;

function addBuckets(b: Buckets, ok: Uint8Array, mode: Mode, q: WindowQuery, detail: boolean, sources: boolean, t: ZoneTotals): void {
  const e = q.edges, we = q.weekEdges, nw = we.length;
  const o = denseOffsets(q, b.d0, b.span), oe = o.edges, ow = o.weeks;
  const { ids, at, dense, start, offs, d0 } = b;
  // The edges as offsets from the buckets' d0, as their entries are kept.
  const r0 = e[0]! - d0, r1 = e[1]! - d0, r2 = e[2]! - d0, r3 = e[3]! - d0, r4 = e[4]! - d0;
  const cum = detail ? q.cum.fill(0) : null;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (!ok[id]) continue;
    const a = at[j]!;
    let v0, v1, v2, v3, v4;
    if (a >= 0) {
      v0 = dense[a + oe[0]!]!; v1 = dense[a + oe[1]!]!; v2 = dense[a + oe[2]!]!; v3 = dense[a + oe[3]!]!; v4 = dense[a + oe[4]!]!;
    } else if (start[j + 1]! - start[j]! <= SMALL) {
      // A few entries: counting them beats five binary searches.
      v0 = v1 = v2 = v3 = v4 = 0;
      for (let x = start[j]!, end = start[j + 1]!; x < end; x++) {
        const d = offs[x]!;
        if (d >= r4) break;
        v4++;
        if (d < r3) { v3++; if (d < r2) { v2++; if (d < r1) { v1++; if (d < r0) v0++; } } }
      }
    } else {
      const s = start[j]!, end = start[j + 1]!;
      v4 = lowerIn(offs, s, end, r4);
      v3 = lowerIn(offs, s, v4, r3);
      v2 = lowerIn(offs, s, v3, r2);
      v1 = lowerIn(offs, s, v2, r1);
      v0 = lowerIn(offs, s, v1, r0) - s;
      v1 -= s; v2 -= s; v3 -= s; v4 -= s;
    }
    const g = mode === 1 ? keyGroup(id) : id;
    const n = v4 - v3, w = WEIGHT_TENTHS[mode === 2 ? id : mode === 3 ? id >> 7 : g % NCONF]!;
    t.n += n; t.pn += v3 - v2; t.n4 += v3 - v1; t.n12 += v3 - v0;
    t.w10 += n * w; t.pw10 += (v3 - v2) * w;
    if (n === 0) continue;
    if (mode < 2) t.byCategory[Math.floor(g / NCONF)]! += n;
    // The window's last entry is at start + v4 − 1 (entries are in day order).
    const last = offs[start[j]! + v4 - 1]! + d0;
    if (last > t.latest) t.latest = last;
    if (sources && (mode === 1 || mode === 3)) for (let k = 0; k < NKINDS; k++) if (id & (1 << k)) t.bySource[k]! += n;
    if (!cum) continue;
    if (a >= 0) {
      // Dense: one O(1) lookup per week edge.
      for (let w2 = 0; w2 < nw; w2++) cum[w2]! += dense[a + ow[w2]!]!;
    } else {
      // Sparse (< span / 4 members): walking the window's entries is cheaper than a search per week.
      const s = start[j]! + v3;
      for (let x = s; x < s + n; x++) t.weekly[Math.floor((offs[x]! - r3) / 7)]! += 1;
    }
  }
  if (cum) for (let w2 = 0; w2 < nw - 1; w2++) t.weekly[w2]! += cum[w2 + 1]! - cum[w2]!;
}

/** Sparse buckets with at most this many entries are counted by a walk instead of binary searches. */
const SMALL = 16;

/** Window count of bucket `j` (dense offsets `o`). */
function windowCount(b: Buckets, j: number, q: WindowQuery, o: WindowQuery['dense']): number {
  const a = b.at[j]!;
  if (a >= 0) return b.dense[a + o.edges[4]!]! - b.dense[a + o.edges[3]!]!;
  const s = b.start[j]!, e = b.start[j + 1]!, from = q.edges[3]! - b.d0, to = q.edges[4]! - b.d0;
  if (e - s <= SMALL) {
    let n = 0;
    for (let x = s; x < e; x++) {
      const d = b.offs[x]!;
      if (d >= to) break;
      if (d >= from) n++;
    }
    return n;
  }
  const hi = lowerIn(b.offs, s, e, to);
  return hi - lowerIn(b.offs, s, hi, from);
}

/** Category breakdown from buckets by group (ids: group), category × mask (ids: category << 7 | mask) or packed key. */
function addCategories(b: Buckets, mode: 'group' | 'catMask' | 'key', q: WindowQuery, out: Float64Array): void {
  const o = denseOffsets(q, b.d0, b.span), ids = b.ids;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (mode === 'group' ? !q.groupOk[id] : mode === 'catMask' ? !q.maskOk[id & 0x7f] : !q.keyOk[id]) continue;
    out[mode === 'group' ? Math.floor(id / NCONF) : mode === 'catMask' ? id >> 7 : id >> 9]! += windowCount(b, j, q, o);
  }
}

/** Window counts of every bucket into `out[id]` (buckets by category). */
function addPlain(b: Buckets, q: WindowQuery, out: Float64Array): void {
  const o = denseOffsets(q, b.d0, b.span), ids = b.ids;
  for (let j = 0; j < ids.length; j++) out[ids[j]!]! += windowCount(b, j, q, o);
}

/** Source-kind breakdown without a source filter: from group × kind buckets, or (every category passing) confidence × mask. */
function addSources(b: Buckets, mode: 'groupKind' | 'confMask', q: WindowQuery, out: Float64Array): void {
  const o = denseOffsets(q, b.d0, b.span), ids = b.ids;
  for (let j = 0; j < ids.length; j++) {
    const id = ids[j]!;
    if (mode === 'groupKind') {
      if (q.groupOk[id >> 3]) out[id & 7]! += windowCount(b, j, q, o);
    } else if (q.confOk[id >> 7] && id & 0x7f) {
      const n = windowCount(b, j, q, o);
      if (n) for (let k = 0; k < NKINDS; k++) if (id & (1 << k)) out[k]! += n;
    }
  }
}

/** Totals from the running totals. */
export function totalsFromIndex(cube: ZoneCube, q: WindowQuery, detail: boolean, sources: boolean, into?: ZoneTotals): ZoneTotals {
  const t = freshTotals(q, into);
  if (!q.f.allSources && q.allCategories) {
    addBuckets(cube.confMasks, q.confMaskOk, 3, q, detail, sources, t);
    // The category breakdown: by category × mask when every confidence passes, else by packed key.
    if (q.confOk.every((c) => c === 1)) addCategories(cube.catMasks, 'catMask', q, t.byCategory);
    else addCategories(cube.keyed, 'key', q, t.byCategory);
    return t;
  }
  if (!q.f.allSources) {
    addBuckets(cube.keyed, q.keyOk, 1, q, detail, sources, t);
    return t;
  }
  if (q.allCategories) {
    addBuckets(cube.byConfidence, q.confOk, 2, q, detail, false, t);
    // Nothing filtered: one bucket per category; else by (category × confidence) group.
    if (q.allConfidences) addPlain(cube.cats, q, t.byCategory);
    else addCategories(cube.groups, 'group', q, t.byCategory);
    // Every category passes: the confidence × mask buckets (fewer than group × kind) give the source kinds.
    if (sources) addSources(cube.confMasks, 'confMask', q, t.bySource);
    return t;
  }
  addBuckets(cube.groups, q.groupOk, 0, q, detail, false, t);
  if (sources) addSources(cube.groupKinds, 'groupKind', q, t.bySource);
  return t;
}

/** Totals by scanning the zone's members in [from − 12·len, to]. */
export function totalsFromScan(
  zm: ZoneMembers, cube: ZoneCube, q: WindowQuery, detail: boolean, sources: boolean, into?: ZoneTotals,
): ZoneTotals {
  const t = freshTotals(q, into);
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
