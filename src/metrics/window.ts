/**
 * Windowed metrics for the current filters, per zone: count, confidence-weighted count, weekly series,
 * change against the previous equal window, change levels against the mean of the 4 and 12 preceding
 * windows, density per 1,000 km, latest day, category and source-kind breakdowns, quantities.
 * Counts, category breakdown, latest day and weekly series come from the prefix-sum cube (cube.ts); the
 * source breakdown is one sequential pass over the window's packed keys; quantities visit only members
 * that report one. A source-kind filter moves counting to the key scan too.
 */
import { CATEGORIES, SOURCE_KINDS, type Category, type SourceKind } from '../domain/schemas';
import { CONFIDENCES, CONFIDENCE_WEIGHTS, type Columns } from './columns';
import { assessChange, type ChangeAssessment, type ChangeRule, DEFAULT_CHANGE_RULE } from './change-level';
import { GROUPS, KEY_SPACE, latestIn, packKey, rangeCount, type WindowIndex, type ZoneCube } from './cube';
import { dayRange, resolveFilters, type Filters, type ResolvedFilters } from './filters';
import type { JoinResult, ZoneMembers } from './join';
import { quantitySummary, type Baseline, type QuantitySummary } from './quantities';
import type { Zone } from './zones';

export interface WeeklySeries {
  /** First day of each week; week k covers [startDays[k], startDays[k] + 6] clipped to the window. */
  startDays: number[];
  counts: number[];
}

export interface ZoneMetrics {
  zoneId: string;
  /** Sightings in the window passing the filters. */
  count: number;
  /** Σ confidence weight (high 1, moderate 0.6, low 0.3). */
  weighted: number;
  /** Same for the previous window of equal length, ending the day before `fromDay`. */
  prevCount: number;
  prevWeighted: number;
  changeAbs: number;
  /** Percent change against the previous window; null when it had no sightings. */
  changePct: number | null;
  /** Trendfinder-style change against the mean of the 4 preceding windows. */
  change4: ChangeAssessment;
  /** … and of the 12 preceding windows. */
  change12: ChangeAssessment;
  /** Sightings per 1,000 km of route (corridors only). */
  densityPer1000Km: number | null;
  /** Last day with a sighting in the window, or null. */
  latestDay: number | null;
  /** Detail zones only (empty otherwise). */
  weekly: WeeklySeries;
  byCategory: Record<Category, number>;
  /** Sightings citing a source of each kind (a sighting with two kinds counts under both); detail zones only. */
  bySource: Record<SourceKind, number> | null;
  /** Detail zones only (empty otherwise). */
  quantities: QuantitySummary[];
}

export interface WindowMetrics {
  filters: ResolvedFilters;
  /** Window length, days. */
  windowDays: number;
  zones: ZoneMetrics[];
  /** All sightings regardless of place. */
  all: ZoneMetrics;
}

export interface WindowOptions {
  /** Route length per zone id, km (corridors). */
  lengthKm?: ReadonlyMap<string, number>;
  /** Stated baseline per node id. */
  baselines?: ReadonlyMap<string, Baseline>;
  rule?: ChangeRule;
  /**
   * Zone ids (and 'all') that get the detail metrics — weekly series, source breakdown, quantities.
   * Default: every zone. The rest get the summary (counts, changes, density, latest, categories).
   */
  detailFor?: ReadonlySet<string>;
}

/** Zone lengths and node baselines from zones and nodes, for `WindowOptions`. */
export function zoneLengths(zones: readonly Zone[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const z of zones) if (z.lengthKm !== undefined) m.set(z.id, z.lengthKm);
  return m;
}

const emptyRecord = <K extends string>(keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Per packed key: 1 when a member with that key passes the filters. */
function allowedKeys(f: ResolvedFilters): Uint8Array {
  const t = new Uint8Array(KEY_SPACE_);
  for (let cat = 0; cat < CATEGORIES.length; cat++) {
    if (!(f.categories & (1 << cat))) continue;
    for (let conf = 0; conf < CONFIDENCES.length; conf++) {
      if (!(f.confidences & (1 << conf))) continue;
      for (let m = 0; m < 128; m++) {
        if (f.allSources || f.sourceKinds & m) t[packKey(cat, conf, m)] = 1;
      }
    }
  }
  return t;
}

// Module-local copies: imported bindings read in hot loops cost a getter call under some loaders.
const KEY_SPACE_ = KEY_SPACE;
const WEIGHTS = Float64Array.from(CONFIDENCE_WEIGHTS);
const NCONF = CONFIDENCES.length;

interface Ctx {
  ix: WindowIndex;
  cols: Columns;
  f: ResolvedFilters;
  /** Cube groups allowed by the category and confidence filters. */
  groups: number[];
  keyOk: Uint8Array;
  /** Scratch histogram over keys, all zero between uses. */
  hist: Uint32Array;
  opts: WindowOptions;
}

/** Count and weighted count over [a, b]: from the cube, or by scanning keys under a source filter. */
function countIn(zm: ZoneMembers, cube: ZoneCube, c: Ctx, a: number, b: number): [number, number] {
  let n = 0, w = 0;
  if (c.f.allSources) {
    for (const g of c.groups) {
      const p = cube.prefix[g];
      if (!p) continue;
      const k = rangeCount(p, c.ix.d0, c.ix.span, a, b);
      n += k;
      w += k * WEIGHTS[g % NCONF]!;
    }
    return [n, w];
  }
  const [s, e] = dayRange(zm.days, a, b);
  for (let k = s; k < e; k++) {
    const key = cube.keys[k]!;
    if (c.keyOk[key]) {
      n++;
      w += WEIGHTS[(key >> 7) & 3]!;
    }
  }
  return [n, w];
}

function zoneMetrics(zm: ZoneMembers, cube: ZoneCube, c: Ctx, detail: boolean): ZoneMetrics {
  const { fromDay, toDay } = c.f;
  const { d0, span } = c.ix;
  const len = toDay - fromDay + 1;
  const [n, w] = countIn(zm, cube, c, fromDay, toDay);
  const [pn, pw] = countIn(zm, cube, c, fromDay - len, fromDay - 1);
  const [n4] = countIn(zm, cube, c, fromDay - 4 * len, fromDay - 1);
  const [n12] = countIn(zm, cube, c, fromDay - 12 * len, fromDay - 1);
  const rule = c.opts.rule ?? DEFAULT_CHANGE_RULE;
  const byCategory = emptyRecord(CATEGORIES);
  const bySource = emptyRecord(SOURCE_KINDS);
  let latest = -Infinity;
  // One sequential pass over the window's keys: source kinds (and categories, latest day, when a source
  // filter is on) — a histogram of keys, expanded afterwards.
  const [s, e] = dayRange(zm.days, fromDay, toDay);
  const hist = c.hist;
  const keys = cube.keys;
  if (detail || !c.f.allSources) for (let k = s; k < e; k++) hist[keys[k]!]!++;
  for (let key = 0; key < KEY_SPACE_; key++) {
    const h = hist[key]!;
    if (h === 0) continue;
    hist[key] = 0;
    if (!c.keyOk[key]) continue;
    const m = key & 0x7f;
    for (let b = 0; m >> b; b++) if (m & (1 << b)) bySource[SOURCE_KINDS[b]!] += h;
    if (!c.f.allSources) byCategory[CATEGORIES[key >> 9]!] += h;
  }
  if (c.f.allSources) {
    for (const g of c.groups) {
      const p = cube.prefix[g];
      if (!p) continue;
      byCategory[CATEGORIES[Math.floor(g / NCONF)]!] += rangeCount(p, d0, span, fromDay, toDay);
      latest = Math.max(latest, latestIn(p, d0, span, fromDay, toDay));
    }
  } else {
    for (let k = e - 1; k >= s; k--) {
      if (c.keyOk[keys[k]!]) {
        latest = zm.days[k]!;
        break;
      }
    }
  }
  const weekly: WeeklySeries = { startDays: [], counts: [] };
  if (detail) {
    for (let start = fromDay; start <= toDay; start += 7) {
      weekly.startDays.push(start);
      weekly.counts.push(countIn(zm, cube, c, start, Math.min(toDay, start + 6))[0]);
    }
  }
  const lengthKm = c.opts.lengthKm?.get(zm.zoneId);
  return {
    zoneId: zm.zoneId,
    count: n,
    weighted: w,
    prevCount: pn,
    prevWeighted: pw,
    changeAbs: n - pn,
    changePct: pn > 0 ? ((n - pn) / pn) * 100 : null,
    change4: assessChange(n, n4, 4, rule),
    change12: assessChange(n, n12, 12, rule),
    densityPer1000Km: lengthKm ? (n / lengthKm) * 1000 : null,
    latestDay: Number.isFinite(latest) ? latest : null,
    weekly,
    byCategory,
    bySource: detail || !c.f.allSources ? bySource : null,
    quantities: detail ? quantitySummary(zm, c.cols, c.f, c.opts.baselines?.get(zm.zoneId), cube.qtyPositions) : [],
  };
}

/**
 * Windowed metrics for every zone of a join.
 * @param filters window [fromDay, toDay] inclusive, in days since epoch, plus category/confidence masks
 * @example windowMetrics(join, cols, buildWindowIndex(join, cols), { fromDay, toDay }).zones[0].count
 */
export function windowMetrics(
  join: JoinResult, cols: Columns, ix: WindowIndex, filters: Filters, opts: WindowOptions = {},
): WindowMetrics {
  const f = resolveFilters(filters);
  const groups: number[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const cat = Math.floor(g / CONFIDENCES.length);
    const conf = g % CONFIDENCES.length;
    if (f.categories & (1 << cat) && f.confidences & (1 << conf)) groups.push(g);
  }
  const c: Ctx = { ix, cols, f, groups, keyOk: allowedKeys(f), hist: new Uint32Array(KEY_SPACE_), opts };
  const detail = (id: string) => !opts.detailFor || opts.detailFor.has(id);
  return {
    filters: f,
    windowDays: f.toDay - f.fromDay + 1,
    zones: join.zones.map((zm, z) => zoneMetrics(zm, ix.zones[z]!, c, detail(zm.zoneId))),
    all: zoneMetrics(join.all, ix.all, c, detail('all')),
  };
}
