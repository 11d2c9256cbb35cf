/**
 * The running-totals path, the scan path and the automatic choice all equal the straightforward
 * reference (reference.ts) on random sightings, zones and filters: every windowed metric, exactly.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../../../src/domain/schemas';
import { allocColumns, NO_UNIT, QUANTITY_UNITS, type Columns } from '../../../src/metrics/columns';
import { buildWindowIndex } from '../../../src/metrics/cube';
import { resolveFilters, type Filters } from '../../../src/metrics/filters';
import { sortByDay, type JoinResult, type ZoneMembers } from '../../../src/metrics/join';
import { quantitySummary } from '../../../src/metrics/quantities';
import { windowMetrics, type ZoneMetrics } from '../../../src/metrics/window';
import { referenceWindow } from './reference';

interface Row { day: number; cat: number; conf: number; mask: number; unit: number; value: number; zones: number }

const row = fc.record({
  day: fc.integer({ min: 0, max: 400 }),
  cat: fc.integer({ min: 0, max: CATEGORIES.length - 1 }),
  conf: fc.integer({ min: 0, max: 2 }),
  mask: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 6 }).map((b) => 1 << b), fc.integer({ min: 0, max: 127 })),
  unit: fc.oneof(fc.constant(NO_UNIT), fc.constant(NO_UNIT), fc.integer({ min: 0, max: QUANTITY_UNITS.length - 1 })),
  value: fc.integer({ min: 0, max: 500 }),
  zones: fc.integer({ min: 0, max: 7 }),
});

const filters = fc.record({
  fromDay: fc.integer({ min: -30, max: 420 }),
  len: fc.integer({ min: 1, max: 120 }),
  categories: fc.option(fc.integer({ min: 0, max: (1 << CATEGORIES.length) - 1 }), { nil: undefined }),
  confidences: fc.option(fc.integer({ min: 0, max: 7 }), { nil: undefined }),
  sourceKinds: fc.option(fc.integer({ min: 0, max: 127 }), { nil: undefined }),
}).map(({ fromDay, len, ...m }): Filters => ({
  fromDay, toDay: fromDay + len - 1,
  ...Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)),
}));

function dataset(rows: Row[], dayScale = 1): { cols: Columns; join: JoinResult } {
  const cols = allocColumns(rows.length, rows.map((_, i) => `p-${i}`));
  rows.forEach((r, i) => {
    cols.day[i] = 20_000 + r.day * dayScale;
    cols.category[i] = r.cat;
    cols.confidence[i] = r.conf;
    cols.sourceMask[i] = r.mask;
    if (r.unit !== NO_UNIT) { cols.qtyUnit[i] = r.unit; cols.qtyValue[i] = r.value; }
  });
  const zone = (id: string, pick: (r: Row) => boolean): ZoneMembers => {
    const idx = Uint32Array.from(rows.flatMap((r, i) => (pick(r) ? [i] : [])));
    return { zoneId: id, kind: 'area', ...sortByDay(idx, cols.day) };
  };
  const zones = [0, 1, 2].map((b) => zone(`z${b}`, (r) => (r.zones & (1 << b)) !== 0));
  return { cols, join: { n: rows.length, zones, all: zone('all', () => true) } };
}

function comparable(m: ZoneMetrics) {
  return {
    count: m.count, weighted: m.weighted, prevCount: m.prevCount, prevWeighted: m.prevWeighted,
    n4: m.change4.baselineTotal, n12: m.change12.baselineTotal, latestDay: m.latestDay, latestIds: m.latestIds, latestCount: m.latestCount, weekly: m.weekly.counts,
    byCategory: m.byCategory, bySource: m.bySource,
    quantities: m.quantities.map((q) => ({ unit: q.unit, reports: q.reports, sum: q.sum, max: q.max, latest: q.latest })),
  };
}

describe('windowed metrics equal the straightforward scan', () => {
  it.each(['totals', 'scan', 'auto'] as const)('strategy %s, random data and filters', (strategy) => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), filters, (rows, f) => {
        const { cols, join } = dataset(rows);
        const ix = buildWindowIndex(join, cols);
        const shift = { ...f, fromDay: f.fromDay + 20_000, toDay: f.toDay + 20_000 };
        const got = windowMetrics(join, cols, ix, shift, { strategy });
        [...join.zones, join.all].forEach((zm, z) => {
          const m = z < join.zones.length ? got.zones[z]! : got.all;
          expect(comparable(m)).toEqual(referenceWindow(zm, cols, shift));
          expect(m.weekly.startDays[0]).toBe(shift.fromDay);
        });
      }),
      { numRuns: 150, seed: 20251216 },
    );
  });

  it.each(['totals', 'scan', 'auto'] as const)('strategy %s, an inverted window (to before from) counts nothing', (strategy) => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), fc.integer({ min: -30, max: 420 }), fc.integer({ min: 1, max: 60 }), (rows, from, back) => {
        const { cols, join } = dataset(rows);
        const shift = { fromDay: from + 20_000, toDay: from + 20_000 - back };
        const got = windowMetrics(join, cols, buildWindowIndex(join, cols), shift, { strategy });
        [...join.zones, join.all].forEach((zm, z) => {
          const m = z < join.zones.length ? got.zones[z]! : got.all;
          expect(comparable(m)).toEqual(referenceWindow(zm, cols, shift));
          expect(m.count + m.prevCount + m.change4.baselineTotal + m.change12.baselineTotal).toBe(0);
        });
      }),
      { numRuns: 40, seed: 20251218 },
    );
  });

  it('quantitySummary (the scan of the sighting columns) agrees too, with and without report positions', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 300 }), filters, (rows, f) => {
        const { cols, join } = dataset(rows);
        const ix = buildWindowIndex(join, cols);
        const shift = resolveFilters({ ...f, fromDay: f.fromDay + 20_000, toDay: f.toDay + 20_000 });
        [...join.zones, join.all].forEach((zm, z) => {
          const want = referenceWindow(zm, cols, shift).quantities;
          const cube = z < join.zones.length ? ix.zones[z]! : ix.all;
          for (const got of [quantitySummary(zm, cols, shift), quantitySummary(zm, cols, shift, undefined, cube.qtyPositions)]) {
            expect(got.map((q) => ({ unit: q.unit, reports: q.reports, sum: q.sum, max: q.max, latest: q.latest }))).toEqual(want);
          }
        });
      }),
      { numRuns: 100, seed: 20251217 },
    );
  });

  it('uses the running totals (dense prefixes too) for large zones and still agrees', () => {
    // 2,000 sightings over 60 days: the larger buckets get dense daily prefixes.
    const rows = fc.sample(row, { numRuns: 2000, seed: 7 }).map((r) => ({ ...r, day: r.day % 60 }));
    const { cols, join } = dataset(rows);
    const ix = buildWindowIndex(join, cols);
    expect(ix.all.groups.at.some((a) => a >= 0)).toBe(true);
    for (const f of fc.sample(filters, { numRuns: 20, seed: 3 })) {
      const shift = { ...f, fromDay: f.fromDay + 20_000, toDay: f.toDay + 20_000 };
      const auto = windowMetrics(join, cols, ix, shift);
      expect(comparable(auto.all)).toEqual(referenceWindow(join.all, cols, shift));
      expect(auto).toEqual(windowMetrics(join, cols, ix, shift, { strategy: 'scan' }));
    }
  });

  it('agrees with sparse buckets of every size (walked when small, binary-searched when larger)', () => {
    // 3,000 sightings over 400 days: buckets stay sparse (< 100 members) but many have more than 16.
    const rows = fc.sample(row, { numRuns: 3000, seed: 11 });
    const { cols, join } = dataset(rows);
    const ix = buildWindowIndex(join, cols);
    const sizes = (b: typeof ix.all.groups) => Array.from(b.ids, (_, j) => (b.at[j]! < 0 ? b.start[j + 1]! - b.start[j]! : 0));
    const all = [ix.all.groups, ix.all.confMasks, ix.all.keyed].flatMap(sizes);
    expect(all.some((s) => s > 16)).toBe(true);
    expect(all.some((s) => s > 0 && s <= 16)).toBe(true);
    for (const f of fc.sample(filters, { numRuns: 30, seed: 5 })) {
      const shift = { ...f, fromDay: f.fromDay + 20_000, toDay: f.toDay + 20_000 };
      for (const strategy of ['totals', 'auto'] as const) {
        const got = windowMetrics(join, cols, ix, shift, { strategy });
        [...join.zones, join.all].forEach((zm, z) => {
          expect(comparable(z < join.zones.length ? got.zones[z]! : got.all)).toEqual(referenceWindow(zm, cols, shift));
        });
      }
    }
  });

  it('keeps days in 16 bits over a normal span and in 32 bits over one beyond 65,536 days, agreeing both ways', () => {
    // The same rows over 400 days, then spread 300 times as far (reports centuries apart, up to the 2300s).
    const rows = fc.sample(row, { numRuns: 1500, seed: 13 });
    for (const scale of [1, 300]) {
      const { cols, join } = dataset(rows, scale);
      const ix = buildWindowIndex(join, cols);
      for (const b of [ix.all.groups, ix.all.keyed, ix.all.byConfidence, ix.all.qtyByKey.b]) {
        expect(b.offs).toBeInstanceOf(scale === 1 ? Uint16Array : Int32Array);
      }
      for (const f of fc.sample(filters, { numRuns: 12, seed: 17 })) {
        const shift = { ...f, fromDay: 20_000 + f.fromDay * scale, toDay: 20_000 + f.fromDay * scale + (f.toDay - f.fromDay) * scale };
        for (const strategy of ['totals', 'auto'] as const) {
          const got = windowMetrics(join, cols, ix, shift, { strategy });
          [...join.zones, join.all].forEach((zm, z) => {
            expect(comparable(z < join.zones.length ? got.zones[z]! : got.all)).toEqual(referenceWindow(zm, cols, shift));
          });
        }
      }
    }
  });
});
