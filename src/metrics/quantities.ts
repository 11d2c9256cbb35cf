/**
 * Quantities reported in a window (railcars, containers, ships, personnel, …): per unit, the number of
 * reports, their sum, the maximum, the latest value, and the latest against the node's stated baseline.
 */
import type { NodeProps } from '../domain/schemas';
import { QUANTITY_UNITS, NO_UNIT, type Columns, type QuantityUnit } from './columns';
import { passes, dayRange, lowerBound, type ResolvedFilters } from './filters';
import type { ZoneMembers } from './join';
import { newQtyAgg, type QtyAgg } from './qty-index';

const NO_UNIT_ = NO_UNIT;

export type Baseline = NonNullable<NodeProps['baseline']>;

export interface QuantitySummary {
  unit: QuantityUnit;
  /** Reports that give a quantity in this unit. */
  reports: number;
  /** Sum of the reported values (reports may overlap; read with care). */
  sum: number;
  max: number;
  /** The most recent report's value, day and sighting id (ties: the later index). */
  latest: { value: number; day: number; id: string };
  /** The node's stated baseline when its unit matches. */
  baseline?: Baseline;
  /** latest.value / baseline.value, when there is a baseline with a non-zero value. */
  latestVsBaseline?: number;
}

/**
 * Summarise quantities of the zone's members within the filters' window.
 * @example Tumangang, one report of 73 railcars, baseline 20 → latestVsBaseline 3.65
 */
export function quantitySummary(
  zm: ZoneMembers,
  cols: Columns,
  f: ResolvedFilters,
  baseline?: Baseline,
  positions?: Uint32Array,
): QuantitySummary[] {
  const [a, b] = dayRange(zm.days, f.fromDay, f.toDay);
  const agg = newQtyAgg();
  // With `positions` (members that report a quantity, see cube.ts) only those are visited.
  const from = positions ? lowerBound(positions, a) : a;
  const to = positions ? lowerBound(positions, b) : b;
  const { qtyUnit, qtyValue } = cols;
  for (let q = from; q < to; q++) {
    const k = positions ? positions[q]! : q;
    const i = zm.members[k]!;
    const u = qtyUnit[i]!;
    if (u === NO_UNIT_ || !passes(cols, i, f)) continue;
    const v = qtyValue[i]!;
    agg.reports[u]!++;
    agg.sum[u]! += v;
    if (v > agg.max[u]!) agg.max[u] = v;
    agg.latestK[u] = k;
  }
  return summariseQuantities(agg, zm, cols, baseline);
}

/** Turn per-unit aggregates (see qty-index.ts) into summaries, in unit order, with the baseline ratio. */
export function summariseQuantities(agg: QtyAgg, zm: ZoneMembers, cols: Columns, baseline?: Baseline): QuantitySummary[] {
  const out: QuantitySummary[] = [];
  for (let u = 0; u < QUANTITY_UNITS.length; u++) {
    const k = agg.latestK[u]!;
    if (k < 0) continue;
    const i = zm.members[k]!;
    const s: QuantitySummary = {
      unit: QUANTITY_UNITS[u]!, reports: agg.reports[u]!, sum: agg.sum[u]!, max: agg.max[u]!,
      latest: { value: cols.qtyValue[i]!, day: zm.days[k]!, id: cols.ids[i]! },
    };
    if (baseline && baseline.unit === s.unit) {
      s.baseline = baseline;
      if (baseline.value !== 0) s.latestVsBaseline = s.latest.value / baseline.value;
    }
    out.push(s);
  }
  return out;
}
