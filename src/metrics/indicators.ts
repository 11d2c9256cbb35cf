/**
 * Indicator evaluation: each indicator of the scenario model is bound to a metric over the sightings in
 * a window ending on `asOfDay`; its value against the watch/warning thresholds gives a status. Results
 * carry the evidence (sighting ids, latest first) and a one-line account of the arithmetic.
 */
import type { Indicator, MetricBinding, ScenarioModel, Selection, ZoneSelector } from '../domain/scenarios';
import { dayToIso } from '../domain/dates';
import { assessChange } from './change-level';
import { categoryMask, confidenceMask, sourceKindMask, CONFIDENCE_WEIGHTS, NO_UNIT, unitIndexOf, type Columns } from './columns';
import { coverageMonth, isCovered, spanAt, type CoverageSpans } from './coverage';
import { dayRange, resolveFilters, type ResolvedFilters } from './filters';
import type { JoinResult, ZoneMembers } from './join';
import type { Zone } from './zones';

export type IndicatorStatus = 'none' | 'watch' | 'warning';
/** Status steps used by the scoring: none 0, watch 1, warning 2. */
export const STATUS_VALUE: Record<IndicatorStatus, number> = { none: 0, watch: 1, warning: 2 };
/** Most evidence ids returned per indicator. */
export const MAX_EVIDENCE = 50;

export interface IndicatorResult {
  id: string;
  /** Scenario (S1…) or signpost id the indicator belongs to. */
  owner: string;
  label: string;
  /** The metric value; null when it cannot be computed (e.g. low baseline, no data). */
  value: number | null;
  status: IndicatorStatus;
  statusValue: number;
  watch: number;
  warning: number;
  direction: 'above' | 'below';
  /** The window evaluated, inclusive days. */
  fromDay: number;
  toDay: number;
  /** How the value was computed, in words and numbers. */
  explain: string;
  /** Matching sighting ids, latest first (at most MAX_EVIDENCE). */
  evidence: string[];
  evidenceCount: number;
  /**
   * How much of the days the indicator needs (its window; for a change, the previous window too) the
   * data covers: 'full', 'partial' or 'none'. Short of 'full' the indicator has too little history to
   * call "quiet": a count that reaches a threshold on the covered days still does (it can only grow),
   * anything else stays at 'none' and `history` says why.
   */
  coverage: 'full' | 'partial' | 'none';
  /** Why the history is too short, in words; empty when coverage is full. */
  history: string;
}

export interface EvaluateContext {
  join: JoinResult;
  cols: Columns;
  /** The zones of the join, same order as `join.zones`. */
  zones: readonly Zone[];
  /** Last day of every indicator window (inclusive), days since epoch. */
  asOfDay: number;
  /**
   * The on-screen filters (dates aside): an indicator counts only the reports the map shows. Precision
   * and text filters arrive as a narrowed `join` (subset.ts). Default: no filter.
   */
  filters?: ResolvedFilters;
  /** The days the data covers; null or absent: all covered. */
  coverage?: CoverageSpans | null;
}

interface Matcher {
  cat: number;
  conf: number;
  src: number;
  /** The on-screen source-kind filter (0: none). */
  screenSrc: number;
  minSources: number;
}

function matcher(sel: Selection, f: ResolvedFilters): Matcher {
  return {
    cat: categoryMask(sel.categories) & f.categories,
    conf: (sel.confidences ? confidenceMask(sel.confidences) : f.confidences) & f.confidences,
    src: sel.sourceKinds ? sourceKindMask(sel.sourceKinds) : 0,
    screenSrc: f.allSources ? 0 : f.sourceKinds,
    minSources: sel.minSources ?? 1,
  };
}

function ok(cols: Columns, i: number, m: Matcher): boolean {
  return (
    (m.cat & (1 << cols.category[i]!)) !== 0 &&
    (m.conf & (1 << cols.confidence[i]!)) !== 0 &&
    (m.src === 0 || (m.src & cols.sourceMask[i]!) !== 0) &&
    (m.screenSrc === 0 || (m.screenSrc & cols.sourceMask[i]!) !== 0) &&
    cols.sourceCount[i]! >= m.minSources
  );
}

const NO_FILTERS = resolveFilters({ fromDay: 0, toDay: 0 });

function zoneMatches(z: Zone, s: ZoneSelector): boolean {
  if (s.kind === 'all' || z.kind !== s.kind) return false;
  if (s.ids && !s.ids.includes(z.id)) return false;
  if (s.kind === 'corridor' && s.modes && !s.modes.includes(z.subkind as never)) return false;
  if (s.kind === 'node' && s.nodeKinds && !s.nodeKinds.includes(z.subkind as never)) return false;
  if (s.kind === 'area' && s.areaKinds && !s.areaKinds.includes(z.subkind as never)) return false;
  return true;
}

/** Member lists selected by a Selection's zone selectors. */
function selectedZones(sel: Selection, ctx: EvaluateContext): ZoneMembers[] {
  if (sel.zones.some((s) => s.kind === 'all')) return [ctx.join.all];
  return ctx.join.zones.filter((_, k) => sel.zones.some((s) => zoneMatches(ctx.zones[k]!, s)));
}

/** Distinct matching sighting indices in [a, b], ordered by (day, index). */
function matching(sel: Selection, ctx: EvaluateContext, a: number, b: number): number[] {
  const m = matcher(sel, ctx.filters ?? NO_FILTERS);
  const seen = new Set<number>();
  const out: number[] = [];
  for (const zm of selectedZones(sel, ctx)) {
    const [s, e] = dayRange(zm.days, a, b);
    for (let k = s; k < e; k++) {
      const i = zm.members[k]!;
      if (!seen.has(i) && ok(ctx.cols, i, m)) {
        seen.add(i);
        out.push(i);
      }
    }
  }
  return out.sort((x, y) => ctx.cols.day[x]! - ctx.cols.day[y]! || x - y);
}

const describe = (sel: Selection) =>
  `${sel.categories.join('/')}` +
  (sel.sourceKinds ? ` cited by ${sel.sourceKinds.join('/')}` : '') +
  (sel.minSources ? ` with ≥ ${sel.minSources} sources` : '') +
  ` in ${sel.zones.map((z) => (z.kind === 'all' ? 'any place' : [z.kind, ...(z.ids ?? z.modes ?? z.nodeKinds ?? z.areaKinds ?? [])].join(':'))).join(', ')}`;

interface Computed {
  value: number | null;
  explain: string;
  evidence: number[];
}

function compute(metric: MetricBinding, ctx: EvaluateContext, a: number, b: number): Computed {
  const { cols } = ctx;
  switch (metric.kind) {
    case 'count': {
      const ev = matching(metric.select, ctx, a, b);
      if (metric.measure === 'weighted') {
        const w = ev.reduce((s, i) => s + CONFIDENCE_WEIGHTS[cols.confidence[i]!]!, 0);
        return { value: w, explain: `confidence-weighted count of ${describe(metric.select)} = ${w.toFixed(1)} (${ev.length} sightings)`, evidence: ev };
      }
      return { value: ev.length, explain: `${ev.length} sightings of ${describe(metric.select)}`, evidence: ev };
    }
    case 'change': {
      const len = b - a + 1;
      const ev = matching(metric.select, ctx, a, b);
      const prev = matching(metric.select, ctx, a - len, a - 1).length;
      const covered = !ctx.coverage || isCovered(ctx.coverage, a - len, b);
      const c = assessChange(ev.length, prev, covered ? 1 : 0, undefined, 1);
      const pct = c.level === 'low-baseline' || !covered ? null : c.changePct ?? (ev.length > 0 ? Infinity : 0);
      return {
        value: pct,
        explain: `${describe(metric.select)}: ${ev.length} vs ${covered ? prev : 'unknown'} in the previous ${len} days → ` +
          (!covered ? 'no baseline (the previous window is outside the data)' : pct === null ? 'too few to call (low baseline)' : `${Number.isFinite(pct) ? pct.toFixed(0) : '∞'} %`),
        evidence: ev,
      };
    }
    case 'distinct-zones': {
      const active: string[] = [];
      const ev: number[] = [];
      const zoneSel = metric.select.zones;
      ctx.join.zones.forEach((zm, k) => {
        if (!zoneSel.some((s) => zoneMatches(ctx.zones[k]!, s))) return;
        const one = matching({ ...metric.select, zones: [{ kind: ctx.zones[k]!.kind, ids: [zm.zoneId] }] }, ctx, a, b);
        if (one.length >= metric.minCount) {
          active.push(zm.zoneId);
          ev.push(...one);
        }
      });
      return { value: active.length, explain: `${active.length} zones with ≥ ${metric.minCount} sightings of ${describe(metric.select)}${active.length ? `: ${active.join(', ')}` : ''}`, evidence: [...new Set(ev)] };
    }
    case 'ratio': {
      const num = matching(metric.numerator, ctx, a, b);
      const den = matching(metric.denominator, ctx, a, b);
      const v = (num.length + 1) / (den.length + 1);
      return { value: v, explain: `(${num.length} + 1) / (${den.length} + 1) = ${v.toFixed(2)}: ${describe(metric.numerator)} over ${describe(metric.denominator)}`, evidence: [...num, ...den] };
    }
    case 'quantity-ratio': {
      const u = unitIndexOf(metric.unit);
      const maxOf = (ids: number[]) => {
        let best: number | null = null, at = -1;
        for (const i of ids) {
          if (cols.qtyUnit[i] === NO_UNIT || cols.qtyUnit[i] !== u) continue;
          if (best === null || cols.qtyValue[i]! > best) { best = cols.qtyValue[i]!; at = i; }
        }
        return [best, at] as const;
      };
      const [n, ni] = maxOf(matching(metric.numerator, ctx, a, b));
      const [d, di] = maxOf(matching(metric.denominator, ctx, a, b));
      const v = n !== null && d !== null && d > 0 ? n / d : null;
      return {
        value: v,
        explain: v === null ? `no pair of ${metric.unit} figures to compare` : `largest ${metric.unit} ${n} (${cols.ids[ni]}) / ${d} (${cols.ids[di]}) = ${v.toFixed(1)}`,
        evidence: [ni, di].filter((i) => i >= 0),
      };
    }
  }
}

/** Status of a value against thresholds. `null` → 'none'. */
export function statusOf(value: number | null, ind: Pick<Indicator, 'watch' | 'warning' | 'direction'>): IndicatorStatus {
  if (value === null || Number.isNaN(value)) return 'none';
  const above = ind.direction !== 'below';
  if (above ? value >= ind.warning : value <= ind.warning) return 'warning';
  if (above ? value >= ind.watch : value <= ind.watch) return 'watch';
  return 'none';
}

/** Kinds whose value on part of the window is a lower bound of the whole (a threshold reached stands). */
const MONOTONE = new Set<MetricBinding['kind']>(['count', 'distinct-zones']);

/** Coverage of the days [a, b] an indicator needs, and why it is short (see `IndicatorResult.coverage`). */
function historyOf(spans: CoverageSpans | null | undefined, a: number, b: number): { coverage: IndicatorResult['coverage']; history: string } {
  if (!spans || isCovered(spans, a, b)) return { coverage: 'full', history: '' };
  const first = spans[0];
  let inside = false;
  for (const s of spans) if (s.fromDay <= b && s.toDay >= a) inside = true;
  const at = spanAt(spans, b) ?? first;
  const where = at ? `data ${coverageMonth(at.fromDay)} – ${coverageMonth(at.toDay)}` : 'no data coverage';
  return { coverage: inside ? 'partial' : 'none', history: `too little history: needs ${dayToIso(a)} – ${dayToIso(b)}, ${where}` };
}

function evaluateOne(owner: string, ind: Indicator, ctx: EvaluateContext): IndicatorResult {
  const b = ctx.asOfDay;
  const a = b - ind.metric.windowDays + 1;
  const c = compute(ind.metric, ctx, a, b);
  const need = ind.metric.kind === 'change' ? a - ind.metric.windowDays : a;
  const h = historyOf(ctx.coverage, need, b);
  const raw = statusOf(c.value, ind);
  // Short history: only a count that already reached a threshold (direction above) may speak.
  const speaks = h.coverage === 'full' || (MONOTONE.has(ind.metric.kind) && ind.direction !== 'below' && raw !== 'none');
  const status = speaks ? raw : 'none';
  const latestFirst = [...c.evidence].sort((x, y) => ctx.cols.day[y]! - ctx.cols.day[x]! || y - x);
  return {
    id: ind.id, owner, label: ind.label, value: c.value, status, statusValue: STATUS_VALUE[status],
    watch: ind.watch, warning: ind.warning, direction: ind.direction ?? 'above', fromDay: a, toDay: b,
    explain: `${dayToIso(a)}…${dayToIso(b)}: ${c.explain}${h.history ? ` (${h.history})` : ''}`,
    evidence: latestFirst.slice(0, MAX_EVIDENCE).map((i) => ctx.cols.ids[i]!),
    evidenceCount: c.evidence.length,
    ...h,
  };
}

/**
 * Evaluate every scenario indicator and signpost indicator of the model.
 * @example evaluateIndicators(model, { join, cols, zones, asOfDay: dateToDay('2025-12-16') })
 */
export function evaluateIndicators(model: ScenarioModel, ctx: EvaluateContext): IndicatorResult[] {
  return [
    ...model.scenarios.flatMap((s) => s.indicators.map((i) => evaluateOne(s.id, i, ctx))),
    ...model.signposts.flatMap((s) => s.indicators.map((i) => evaluateOne(s.id, i, ctx))),
  ];
}
