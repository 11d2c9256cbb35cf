/**
 * Windowed metrics for the current filters, per zone: count, confidence-weighted count, weekly series,
 * change against the previous equal window, change levels against the mean of the 4 and 12 preceding
 * windows, density per 1,000 km, latest day, category and source-kind breakdowns, quantities.
 * Everything comes from per-zone running totals (cube.ts, window-totals.ts, qty-index.ts): a few
 * lookups per bucket, not a rescan, so a recompute costs O(zones × buckets × weeks) whatever the number
 * of sightings. Zones with fewer members near the window than that are scanned instead (same results).
 */
import { CATEGORIES, SOURCE_KINDS, type Category, type SourceKind } from '../domain/schemas';
import { ALL_CATEGORIES, ALL_CONFIDENCES, type Columns } from './columns';
import { assessChange, type ChangeAssessment, type ChangeRule, DEFAULT_CHANGE_RULE } from './change-level';
import { windowCoverage, type CoverageSpans, type WindowCoverage } from './coverage';
import { packKey, type WindowIndex, type ZoneCube } from './cube';
import { lowerBound, resolveFilters, type Filters, type ResolvedFilters } from './filters';
import { newQtyAgg, qtyFromIndex, qtyFromReports, qtyWindow, resetQtyAgg, type QtyAgg } from './qty-index';
import type { JoinResult, ZoneMembers } from './join';
import { summariseQuantities, type Baseline, type QuantitySummary } from './quantities';
import { scanCost, totalsCost, totalsFromIndex, totalsFromScan, windowQuery, type WindowQuery, type ZoneTotals } from './window-totals';
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
  /** Σ confidence weight (high 1, moderate 0.6, low 0.3), summed in tenths then divided by 10. */
  weighted: number;
  /**
   * Same for the previous window of equal length, ending the day before `fromDay` (0 when that window is
   * not covered: see `WindowMetrics.coverage.prev`).
   */
  prevCount: number;
  prevWeighted: number;
  changeAbs: number;
  /** Percent change against the previous window; null when it had no sightings or is not covered. */
  changePct: number | null;
  /** Trendfinder-style change against the mean of the 4 preceding windows. */
  change4: ChangeAssessment;
  /** … and of the 12 preceding windows. */
  change12: ChangeAssessment;
  /** Sightings per 1,000 km of route (corridors only). */
  densityPer1000Km: number | null;
  /** Last day with a sighting in the window, or null. */
  latestDay: number | null;
  /**
   * Ids of the counted reports that start on `latestDay`, in member order, at most `LATEST_IDS_MAX`
   * (empty when none). The day alone cannot say whether the latest report gave a day or only a month
   * (`2024-10` starts on the 1st): the ids let a reader show the report's own date.
   */
  latestIds: string[];
  /** How many counted reports start on `latestDay` (more than `latestIds` holds when over the cap). */
  latestCount: number;
  /** Detail zones only (empty otherwise). */
  weekly: WeeklySeries;
  byCategory: Record<Category, number>;
  /** Sightings citing a source of each kind (a sighting with two kinds counts under both); detail zones only. */
  bySource: Record<SourceKind, number> | null;
  /** Detail zones only (empty otherwise). */
  quantities: QuantitySummary[];
  /**
   * Region reports in the window, passing the filters, whose point lies inside the zone but whose region
   * lies mostly outside it, so they are not counted (precision rule); detail zones only, else 0.
   */
  regionExcluded: number;
}

export interface WindowMetrics {
  filters: ResolvedFilters;
  /** Window length, days. */
  windowDays: number;
  /** How the data's coverage bears on this window (which baselines exist). */
  coverage: WindowCoverage;
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
   * The days the data covers (coverage.ts). Baselines use only covered preceding windows; without it
   * (undefined or null) every window counts as covered.
   */
  coverage?: CoverageSpans | null;
  /**
   * Zone ids (and 'all') that get the detail metrics — weekly series, source breakdown, quantities.
   * Default: every zone. The rest get the summary (counts, changes, density, latest, categories).
   */
  detailFor?: ReadonlySet<string>;
  /**
   * How to count: 'auto' (default) picks per zone the cheaper of the running totals and a scan of the
   * members near the window; 'totals' and 'scan' force one (tests compare them; results are identical).
   */
  strategy?: 'auto' | 'totals' | 'scan';
}

/** Zone lengths and node baselines from zones and nodes, for `WindowOptions`. */
export function zoneLengths(zones: readonly Zone[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const z of zones) if (z.lengthKm !== undefined) m.set(z.id, z.lengthKm);
  return m;
}

function toRecord<K extends string>(keys: readonly K[], v: Float64Array): Record<K, number> {
  const o = {} as Record<K, number>;
  for (let i = 0; i < keys.length; i++) o[keys[i]!] = v[i]!;
  return o;
}

interface Ctx {
  cols: Columns;
  q: WindowQuery;
  /** No category, confidence or source-kind restriction: quantities by unit alone. */
  unfiltered: boolean;
  opts: WindowOptions;
  /** Week start days, copied into each detail zone's series. */
  startDays: number[];
  cov: WindowCoverage;
  /** Scratch per-unit aggregates, reset for each zone. */
  agg: QtyAgg;
  /** Scratch totals, reused by each zone (read out before the next). */
  totals?: ZoneTotals;
}

/**
 * Reports in the window up to this many times the zone's unit × key buckets are scanned (a sequential
 * pass costs ~2–3 ns a report; a bucket lookup ~2 binary searches and a range max).
 */
const QTY_SCAN_PER_BUCKET = 4;

function quantitiesOf(zm: ZoneMembers, cube: ZoneCube, c: Ctx): QuantitySummary[] {
  const { f } = c.q;
  const baseline = c.opts.baselines?.get(zm.zoneId);
  const strategy = c.opts.strategy ?? 'auto';
  const agg = resetQtyAgg(c.agg);
  if (strategy !== 'scan' && c.unfiltered) {
    qtyFromIndex(cube.qtyByUnit, null, f.fromDay, f.toDay, agg);
  } else {
    const [lo, hi] = qtyWindow(cube.qtyReports, f.fromDay, f.toDay);
    if (strategy === 'totals' || (strategy === 'auto' && hi - lo > cube.qtyByKey.b.ids.length * QTY_SCAN_PER_BUCKET)) {
      qtyFromIndex(cube.qtyByKey, c.q.keyOk, f.fromDay, f.toDay, agg);
    } else {
      qtyFromReports(cube.qtyReports, c.q.keyOk, lo, hi, agg);
    }
  }
  return summariseQuantities(agg, zm, c.cols, baseline);
}

/** Excluded region reports of the zone in the window that pass the filters (a short list: scanned). */
function regionExcludedOf(zm: ZoneMembers, c: Ctx): number {
  const ex = zm.excluded;
  if (!ex) return 0;
  const { f, keyOk } = c.q;
  const { category, confidence, sourceMask } = c.cols;
  let n = 0;
  for (let k = lowerBound(ex.days, f.fromDay); k < ex.days.length && ex.days[k]! <= f.toDay; k++) {
    const i = ex.members[k]!;
    if (keyOk[packKey(category[i]!, confidence[i]!, sourceMask[i]!)]) n++;
  }
  return n;
}

/** Most ids `ZoneMetrics.latestIds` carries: a few suffice to read the latest date's precision. */
export const LATEST_IDS_MAX = 50;

/** Counted reports of the zone starting on `day` (members are sorted by day: one run), ids capped. */
function latestOf(zm: ZoneMembers, c: Ctx, day: number): { latestIds: string[]; latestCount: number } {
  const { keyOk } = c.q;
  const { category, confidence, sourceMask, ids } = c.cols;
  const latestIds: string[] = [];
  let latestCount = 0;
  for (let k = lowerBound(zm.days, day); k < zm.days.length && zm.days[k] === day; k++) {
    const i = zm.members[k]!;
    if (!keyOk[packKey(category[i]!, confidence[i]!, sourceMask[i]!)]) continue;
    if (latestCount++ < LATEST_IDS_MAX) latestIds.push(ids[i]!);
  }
  return { latestIds, latestCount };
}

function zoneMetrics(zm: ZoneMembers, cube: ZoneCube, c: Ctx, detail: boolean): ZoneMetrics {
  const { f } = c.q;
  const sources = detail || !f.allSources;
  const strategy = c.opts.strategy ?? 'auto';
  const scan = strategy === 'scan' || (strategy === 'auto' && scanCost(zm, c.q) <= totalsCost(cube, c.q, detail, sources));
  const t = scan ? totalsFromScan(zm, cube, c.q, detail, sources, c.totals) : totalsFromIndex(cube, c.q, detail, sources, c.totals);
  c.totals = t;
  const rule = c.opts.rule ?? DEFAULT_CHANGE_RULE;
  const weekly: WeeklySeries = { startDays: [], counts: [] };
  if (detail) {
    weekly.startDays = c.startDays.slice();
    const counts: number[] = (weekly.counts = new Array<number>(t.weekly.length));
    for (let w = 0; w < counts.length; w++) counts[w] = t.weekly[w]!;
  }
  const { n, pn } = t;
  const { cov } = c;
  const lengthKm = c.opts.lengthKm?.get(zm.zoneId);
  return {
    zoneId: zm.zoneId,
    count: n,
    weighted: t.w10 / 10,
    prevCount: pn,
    prevWeighted: t.pw10 / 10,
    changeAbs: n - pn,
    changePct: pn > 0 && cov.prev > 0 ? ((n - pn) / pn) * 100 : null,
    change4: assessChange(n, t.n4, cov.of4, rule, 4, cov.covered),
    change12: assessChange(n, t.n12, cov.of12, rule, 12, cov.covered),
    densityPer1000Km: lengthKm ? (n / lengthKm) * 1000 : null,
    latestDay: Number.isFinite(t.latest) ? t.latest : null,
    ...(Number.isFinite(t.latest) ? latestOf(zm, c, t.latest) : { latestIds: [], latestCount: 0 }),
    weekly,
    byCategory: toRecord(CATEGORIES, t.byCategory),
    bySource: sources ? toRecord(SOURCE_KINDS, t.bySource) : null,
    quantities: detail ? quantitiesOf(zm, cube, c) : [],
    regionExcluded: detail ? regionExcludedOf(zm, c) : 0,
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
  const unfiltered = f.allSources && (f.categories & ALL_CATEGORIES) === ALL_CATEGORIES &&
    (f.confidences & ALL_CONFIDENCES) === ALL_CONFIDENCES;
  const cov = windowCoverage(opts.coverage ?? null, f.fromDay, f.toDay);
  const q = windowQuery(f, cov);
  const c: Ctx = { cols, q, unfiltered, opts, cov, startDays: Array.from(q.weekEdges.subarray(0, q.weekEdges.length - 1)), agg: newQtyAgg() };
  const detail = (id: string) => !opts.detailFor || opts.detailFor.has(id);
  return {
    filters: f,
    windowDays: f.toDay - f.fromDay + 1,
    coverage: cov,
    zones: join.zones.map((zm, z) => zoneMetrics(zm, ix.zones[z]!, c, detail(zm.zoneId))),
    all: zoneMetrics(join.all, ix.all, c, detail('all')),
  };
}
