/**
 * A prefix-sum cube per zone: for each (category, confidence) group, cumulative daily counts. Any
 * window count under category/confidence filters is then a few subtractions, not a rescan.
 *
 *   zone ─┬─ group (category × confidence, 39) ─ Int32Array P, P[t] = members with day < d0 + t
 *         ├─ keys: Uint16Array, one per member in day order: category | confidence | source kinds,
 *         │        scanned sequentially for the source breakdown and source-kind filters
 *         └─ quantity positions                 ─ members that report a quantity (scanned per window)
 *                                                   count(a..b) = P[b − d0 + 1] − P[a − d0]
 * Memory: 4 bytes × (days + 1) per non-empty group, plus 2 bytes per member.
 */
import { CATEGORIES } from '../domain/schemas';
import { SOURCE_KINDS } from '../domain/schemas';
import { CONFIDENCES, NO_UNIT, type Columns } from './columns';
import type { JoinResult, ZoneMembers } from './join';

export const GROUPS = CATEGORIES.length * CONFIDENCES.length;
/** Group of a (category index, confidence index) pair. */
export const groupOf = (category: number, confidence: number) => category * CONFIDENCES.length + confidence;

export interface ZoneCube {
  zoneId: string;
  /** Prefix counts per group (null when the zone has no member of that group). */
  prefix: (Int32Array | null)[];
  /** Per member (day order): `category << 9 | confidence << 7 | sourceMask`. */
  keys: Uint16Array;
  /** Positions in the zone's member list of members reporting a quantity, ascending (so by day). */
  qtyPositions: Uint32Array;
}

export const KINDS = SOURCE_KINDS.length;
/** Packed member key; see `ZoneCube.keys`. */
export const packKey = (category: number, confidence: number, sourceMask: number) =>
  (category << 9) | (confidence << 7) | (sourceMask & 0x7f);
export const KEY_SPACE = 1 << 13;

export interface WindowIndex {
  /** First day covered; days before it count as 0. */
  d0: number;
  /** Number of days covered. */
  span: number;
  zones: ZoneCube[];
  all: ZoneCube;
}

const NCONF = CONFIDENCES.length;
const NO_UNIT_ = NO_UNIT;

function cubeOf(zm: ZoneMembers, cols: Columns, d0: number, span: number): ZoneCube {
  const prefix: (Int32Array | null)[] = new Array(GROUPS).fill(null);
  const { members, days } = zm;
  const { category, confidence, sourceMask, qtyUnit } = cols;
  const keys = new Uint16Array(members.length);
  const qty: number[] = [];
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const cat = category[i]!, conf = confidence[i]!;
    (prefix[cat * NCONF + conf] ??= new Int32Array(span + 1))[days[k]! - d0 + 1]!++;
    keys[k] = (cat << 9) | (conf << 7) | (sourceMask[i]! & 0x7f);
    if (qtyUnit[i] !== NO_UNIT_) qty.push(k);
  }
  for (const p of prefix) if (p) for (let t = 1; t <= span; t++) p[t]! += p[t - 1]!;
  return { zoneId: zm.zoneId, prefix, keys, qtyPositions: Uint32Array.from(qty) };
}

/** Build the cube for every zone of a join. O(members + zones × groups × days). */
export function buildWindowIndex(join: JoinResult, cols: Columns): WindowIndex {
  const { days } = join.all;
  const d0 = days.length ? days[0]! : 0;
  const span = days.length ? days[days.length - 1]! - d0 + 1 : 1;
  return {
    d0,
    span,
    zones: join.zones.map((z) => cubeOf(z, cols, d0, span)),
    all: cubeOf(join.all, cols, d0, span),
  };
}

/** Members of group prefix `p` with day in [fromDay, toDay] (inclusive). */
export function rangeCount(p: Int32Array, d0: number, span: number, fromDay: number, toDay: number): number {
  const a = Math.min(span, Math.max(0, fromDay - d0));
  const b = Math.min(span, Math.max(0, toDay - d0 + 1));
  return b > a ? p[b]! - p[a]! : 0;
}

/** Last day ≤ toDay and ≥ fromDay with a member in group prefix `p`, or -Infinity. */
export function latestIn(p: Int32Array, d0: number, span: number, fromDay: number, toDay: number): number {
  const a = Math.min(span, Math.max(0, fromDay - d0));
  const b = Math.min(span, Math.max(0, toDay - d0 + 1));
  if (b <= a || p[b] === p[a]) return -Infinity;
  // Smallest t in (a, b] with p[t] === p[b]: the last member's day is d0 + t - 1.
  let lo = a + 1, hi = b;
  const target = p[b]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (p[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return d0 + lo - 1;
}
