/**
 * The straightforward reference for windowed metrics: one pass over each zone's members with
 * `passes()`, no running totals, no shortcuts. Property tests compare the engine with it.
 */
import { CATEGORIES, SOURCE_KINDS } from '../../../src/domain/schemas';
import { NO_UNIT, QUANTITY_UNITS, type Columns } from '../../../src/metrics/columns';
import { passes, resolveFilters, type Filters } from '../../../src/metrics/filters';
import type { ZoneMembers } from '../../../src/metrics/join';
import { LATEST_IDS_MAX } from '../../../src/metrics/window';

const TENTHS = [10, 6, 3];

export interface ReferenceMetrics {
  count: number; weighted: number; prevCount: number; prevWeighted: number; n4: number; n12: number;
  latestDay: number | null; latestIds: string[]; latestCount: number; weekly: number[]; byCategory: Record<string, number>; bySource: Record<string, number>;
  quantities: { unit: string; reports: number; sum: number; max: number; latest: { value: number; day: number; id: string } }[];
}

export function referenceWindow(zm: ZoneMembers, cols: Columns, filters: Filters): ReferenceMetrics {
  const f = resolveFilters(filters);
  const len = f.toDay - f.fromDay + 1;
  const inRange = (d: number, a: number, b: number) => d >= a && d <= b;
  let count = 0, w = 0, prevCount = 0, pw = 0, n4 = 0, n12 = 0;
  let latestDay: number | null = null;
  const weekly: number[] = [];
  for (let s = f.fromDay; s <= f.toDay; s += 7) weekly.push(0);
  const byCategory = Object.fromEntries(CATEGORIES.map((c) => [c, 0]));
  const bySource = Object.fromEntries(SOURCE_KINDS.map((k) => [k, 0]));
  const qty = new Map<number, ReferenceMetrics['quantities'][number]>();
  zm.members.forEach((i, k) => {
    if (!passes(cols, i, f)) return;
    const d = zm.days[k]!;
    if (inRange(d, f.fromDay, f.toDay)) {
      count++;
      w += TENTHS[cols.confidence[i]!]!;
      latestDay = latestDay === null ? d : Math.max(latestDay, d);
      weekly[Math.floor((d - f.fromDay) / 7)]!++;
      byCategory[CATEGORIES[cols.category[i]!]!]!++;
      SOURCE_KINDS.forEach((kind, b) => { if (cols.sourceMask[i]! & (1 << b)) bySource[kind]!++; });
      const u = cols.qtyUnit[i]!;
      if (u !== NO_UNIT) {
        const v = cols.qtyValue[i]!;
        const q = qty.get(u) ?? { unit: QUANTITY_UNITS[u]!, reports: 0, sum: 0, max: -Infinity, latest: { value: v, day: d, id: '' } };
        q.reports++;
        q.sum += v;
        q.max = Math.max(q.max, v);
        q.latest = { value: v, day: d, id: cols.ids[i]! };
        qty.set(u, q);
      }
    }
    if (inRange(d, f.fromDay - len, f.fromDay - 1)) { prevCount++; pw += TENTHS[cols.confidence[i]!]!; }
    if (inRange(d, f.fromDay - 4 * len, f.fromDay - 1)) n4++;
    if (inRange(d, f.fromDay - 12 * len, f.fromDay - 1)) n12++;
  });
  // The counted reports starting on the latest day, in member order.
  const onLatest = latestDay === null ? [] : [...zm.members].filter((i, k) => zm.days[k] === latestDay && passes(cols, i, f)).map((i) => cols.ids[i]!);
  const latestIds = onLatest.slice(0, LATEST_IDS_MAX), latestCount = onLatest.length;
  const quantities = [...qty.entries()].sort((a, b) => a[0] - b[0]).map(([, q]) => q);
  return { count, weighted: w / 10, prevCount, prevWeighted: pw / 10, n4, n12, latestDay, latestIds, latestCount, weekly, byCategory, bySource, quantities };
}
