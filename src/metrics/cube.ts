/**
 * Per-zone running totals, so any windowed metric under any filter is a few lookups per bucket instead
 * of a rescan of the window's members (see buckets.ts for the lookups).
 *
 *   zone ─┬─ byConfidence: Buckets by confidence (3, dense) ─ everything but the breakdowns when every
 *         │                                                  category passes and no source filter
 *         ├─ groupKinds: Buckets by (group × source kind)   ─ the source breakdown without a source filter
 *         │                                                  and with a category subset
 *         ├─ groups: Buckets by (category × confidence), 39     ─ counts, weights, categories, latest,
 *         │                                                      weekly series when no source-kind filter
 *         ├─ confMasks, catMasks: Buckets by (confidence | category) × source mask ─ a source-kind filter
 *         │          with every category passing: counts, weights, weekly, latest; category breakdown;
 *         │          confMasks also the source breakdown without a source filter when every category passes
 *         ├─ keyed:  Buckets by packed key (category | confidence | source-kind mask), ≤ 39 × 128
 *         │          ─ source breakdown; everything when a source-kind filter is on (a sighting passes
 *         │            when mask ∧ filter ≠ 0, so the allowed keys are a set decided once per query)
 *         ├─ cats:   Buckets by category (13) ─ the category breakdown of every zone when every category,
 *         │          confidence and source kind passes (the default view): 13 lookups instead of 39. The
 *         │          source kinds of that view (detail zones only) come from confMasks.
 *         ├─ keys:   Uint16Array, packed key per member (day order), for the small-zone scan path
 *         └─ quantity reports: compact day-ordered arrays (filtered windows scan them), by unit (no
 *            filter) and by unit × key (large filtered windows), with running sums
 *
 *   count(a..b) in bucket j = below(j, b + 1) − below(j, a)
 * Each bucketing is built the first time a query reads it (`LazyZoneCube`), so a zone holds only what
 * the filters used so far need: the default view reads byConfidence and cats (confMasks and the
 * quantities by unit for its detail zones).
 * Memory: ≈ 2–3 bytes per member and bucketing built (a day per member as a 16-bit offset, see
 * buckets.ts) plus dense prefixes for buckets with ≥ span / 4 members (≤ 16 bytes per member), plus
 * 2 bytes per member for the keys and ≈ 80 bytes per quantity report.
 */
import { CATEGORIES } from '../domain/schemas';
import { SOURCE_KINDS } from '../domain/schemas';
import { CONFIDENCES, NO_UNIT, type Columns } from './columns';
import { bucketize, type Buckets } from './buckets';
import type { JoinResult, ZoneMembers } from './join';
import { buildQtyIndex, buildQtyReports, type QtyIndex, type QtyReports } from './qty-index';

export const GROUPS = CATEGORIES.length * CONFIDENCES.length;

export interface ZoneCube {
  zoneId: string;
  /** Members by confidence (3 buckets, always dense): counts, weights, weekly series, latest day. */
  byConfidence: Buckets;
  /** Members by (group × source kind), id `group << 3 | kind`; a member with two kinds is in two. */
  groupKinds: Buckets;
  /** Members by (category × confidence) group. */
  groups: Buckets;
  /** Members by packed key. */
  keyed: Buckets;
  /** Members by (confidence × source mask), id `confidence << 7 | mask`: a source filter, all categories. */
  confMasks: Buckets;
  /** Members by (category × source mask), id `category << 7 | mask`: its category breakdown. */
  catMasks: Buckets;
  /** Members by category: the unfiltered category breakdown. */
  cats: Buckets;
  /** Per member (day order): `category << 9 | confidence << 7 | sourceMask`. */
  keys: Uint16Array;
  /** Positions in the zone's member list of members reporting a quantity, ascending (so by day). */
  qtyPositions: Uint32Array;
  /** The same reports as compact day-ordered arrays (a filtered window scans these). */
  qtyReports: QtyReports;
  qtyByUnit: QtyIndex;
  qtyByKey: QtyIndex;
}

export const KINDS = SOURCE_KINDS.length;
/** Packed member key; see `ZoneCube.keys`. */
export const packKey = (category: number, confidence: number, sourceMask: number) =>
  (category << 9) | (confidence << 7) | (sourceMask & 0x7f);
export const KEY_SPACE = 1 << 13;
/** Group of a packed key. */
export const keyGroup = (key: number) => (key >> 9) * CONFIDENCES.length + ((key >> 7) & 3);

export interface WindowIndex {
  /** First day covered; days before it count as 0. */
  d0: number;
  /** Number of days covered. */
  span: number;
  zones: ZoneCube[];
  all: ZoneCube;
}

const NO_UNIT_ = NO_UNIT;

/**
 * A zone's running totals, each bucketing built on first use: the default view reads only
 * `byConfidence` and `cats` (and `confMasks`, `qtyByUnit` for the detail zones), so the bucketings a
 * category, confidence or source filter needs cost neither time nor memory until such a filter is set
 * (at a million sightings they are ~50 MB).
 */
class LazyZoneCube implements ZoneCube {
  readonly zoneId: string;
  readonly keys: Uint16Array;
  readonly qtyPositions: Uint32Array;
  /** The parts built so far, by name (what the cube holds beyond its keys). */
  readonly built: Record<string, unknown> = {};
  // Private fields stay out of Object.values, so a walk of the cube counts only what it holds itself.
  readonly #zm: ZoneMembers;
  readonly #cols: Columns;
  readonly #d0: number;
  readonly #span: number;

  constructor(zm: ZoneMembers, cols: Columns, d0: number, span: number) {
    this.#zm = zm;
    this.#cols = cols;
    this.#d0 = d0;
    this.#span = span;
    const { members } = zm;
    const { category, confidence, sourceMask, qtyUnit } = cols;
    this.zoneId = zm.zoneId;
    this.keys = new Uint16Array(members.length);
    const qty: number[] = [];
    for (let k = 0; k < members.length; k++) {
      const i = members[k]!;
      this.keys[k] = packKey(category[i]!, confidence[i]!, sourceMask[i]!);
      if (qtyUnit[i] !== NO_UNIT_) qty.push(k);
    }
    this.qtyPositions = Uint32Array.from(qty);
  }

  private once<T>(name: string, build: () => T): T {
    return (this.built[name] ??= build()) as T;
  }

  /** Buckets by a per-member id derived from the packed key (typed arrays filled by plain loops). */
  private byKey(name: string, space: number, of: (key: number) => number, dense: boolean | 'always' = true): Buckets {
    return this.once(name, () => {
      const { keys } = this;
      const ids = space <= 256 ? new Uint8Array(keys.length) : new Uint16Array(keys.length);
      for (let k = 0; k < keys.length; k++) ids[k] = of(keys[k]!);
      return bucketize(ids, this.#zm.days, space, this.#d0, this.#span, dense);
    });
  }

  get byConfidence(): Buckets { return this.byKey('byConfidence', CONFIDENCES.length, (key) => (key >> 7) & 3, 'always'); }
  get groups(): Buckets { return this.byKey('groups', GROUPS, keyGroup); }
  get keyed(): Buckets { return this.once('keyed', () => bucketize(this.keys, this.#zm.days, KEY_SPACE, this.#d0, this.#span)); }
  get confMasks(): Buckets { return this.byKey('confMasks', 1 << 9, (key) => key & 0x1ff); }
  get catMasks(): Buckets { return this.byKey('catMasks', CATEGORIES.length << 7, (key) => ((key >> 9) << 7) | (key & 0x7f)); }
  get cats(): Buckets { return this.byKey('cats', CATEGORIES.length, (key) => key >> 9); }

  /** A member with k source kinds is in k buckets. */
  get groupKinds(): Buckets {
    return this.once('groupKinds', () => {
      const { keys } = this, { days } = this.#zm;
      let nk = 0;
      for (let k = 0; k < keys.length; k++) for (let b = keys[k]! & 0x7f; b; b &= b - 1) nk++;
      const gk = new Uint16Array(nk), gkDays = new Int32Array(nk);
      for (let k = 0, x = 0; k < keys.length; k++) {
        const g = keyGroup(keys[k]!);
        for (let b = 0; b < KINDS; b++) if (keys[k]! & (1 << b)) { gk[x] = (g << 3) | b; gkDays[x++] = days[k]!; }
      }
      return bucketize(gk, gkDays, GROUPS << 3, this.#d0, this.#span);
    });
  }

  get qtyReports(): QtyReports {
    return this.once('qtyReports', () => buildQtyReports(this.qtyPositions, this.#zm.members, this.#zm.days, this.#cols, this.keys));
  }
  get qtyByUnit(): QtyIndex {
    return this.once('qtyByUnit', () => buildQtyIndex(this.qtyPositions, this.#zm.members, this.#zm.days, this.#cols, null, this.#d0, this.#span));
  }
  get qtyByKey(): QtyIndex {
    return this.once('qtyByKey', () => buildQtyIndex(this.qtyPositions, this.#zm.members, this.#zm.days, this.#cols, this.keys, this.#d0, this.#span));
  }
}

/** Build the running totals for every zone of a join. O(members + zones × buckets × days). */
export function buildWindowIndex(join: JoinResult, cols: Columns): WindowIndex {
  const { days } = join.all;
  const d0 = days.length ? days[0]! : 0;
  const span = days.length ? days[days.length - 1]! - d0 + 1 : 1;
  return {
    d0,
    span,
    zones: join.zones.map((z) => new LazyZoneCube(z, cols, d0, span)),
    all: new LazyZoneCube(join.all, cols, d0, span),
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
