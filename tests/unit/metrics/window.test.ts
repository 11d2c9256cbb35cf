import { describe, expect, it } from 'vitest';
import { dateToDay } from '../../../src/domain/dates';
import { assessChange } from '../../../src/metrics/change-level';
import { categoryMask, confidenceMask, sourceKindMask, toColumns } from '../../../src/metrics/columns';
import { buildCorridors } from '../../../src/metrics/corridors';
import { nodeCatchments } from '../../../src/metrics/catchments';
import { buildWindowIndex } from '../../../src/metrics/cube';
import { spatialJoin } from '../../../src/metrics/join';
import { LATEST_IDS_MAX, windowMetrics, zoneLengths } from '../../../src/metrics/window';
import type { Source } from '../../../src/domain/schemas';
import { createNode, createRoute, createSighting } from './helpers';

const route = createRoute('r', [[10, 0], [12, 0]]); // 222.4 km
const on = (d: string, extra = {}) => createSighting([11, 0], d, extra);
const day = dateToDay;

function metricsFor(sightings: ReturnType<typeof on>[], from: string, to: string, filters = {}) {
  const zones = buildCorridors([route], 25);
  const sources = new Map<string, Source>([
    ['src-a', { id: 'src-a', publisher: 'A', title: 'A', kind: 'government' }],
    ['src-b', { id: 'src-b', publisher: 'B', title: 'B', kind: 'state-media' }],
  ]);
  const cols = toColumns(sightings, sources);
  const join = spatialJoin(cols, zones);
  return windowMetrics(join, cols, buildWindowIndex(join, cols), { fromDay: day(from), toDay: day(to), ...filters }, { lengthKm: zoneLengths(zones) }).zones[0]!;
}

describe('window edges: both inclusive, whole days', () => {
  const s = [on('2024-02-29'), on('2024-03-01'), on('2024-03-31'), on('2024-04-01')];
  it('counts the first and last day of the window, not the days outside', () => {
    const m = metricsFor(s, '2024-03-01', '2024-03-31');
    expect(m.count).toBe(2);
    expect(m.latestDay).toBe(day('2024-03-31'));
    // Previous equal window: 31 days ending 2024-02-29 → contains 2024-02-29 only.
    expect(m.prevCount).toBe(1);
    expect(m.changeAbs).toBe(1);
    expect(m.changePct).toBe(100);
  });
});

describe('trend with a known percentage', () => {
  it('15 events against 10 in the previous window is +50 %', () => {
    const prev = Array.from({ length: 10 }, () => on('2024-01-15'));
    const cur = Array.from({ length: 15 }, () => on('2024-02-15'));
    const m = metricsFor([...prev, ...cur], '2024-02-01', '2024-02-29');
    // Window 29 days; previous window 2024-01-03 … 2024-01-31.
    expect([m.count, m.prevCount, m.changePct]).toEqual([15, 10, 50]);
    // Density: 15 per 222.39 km → 67.45 per 1,000 km.
    expect(m.densityPer1000Km!).toBeCloseTo((15 / 222.39) * 1000, 1);
  });
});

describe('confidence weights, categories, sources, weekly series', () => {
  it('weights high 1, moderate 0.6, low 0.3 beside the raw count', () => {
    const s = [on('2024-05-01'), on('2024-05-02', { confidence: 'moderate' }), on('2024-05-03', { confidence: 'low' }),
      on('2024-05-09', { category: 'training', sources: ['src-a', 'src-b'] })];
    const m = metricsFor(s, '2024-05-01', '2024-05-14');
    expect(m.count).toBe(4);
    expect(m.weighted).toBeCloseTo(2.9, 10);
    expect(m.byCategory['training']).toBe(1);
    expect(m.byCategory['munitions-shipment']).toBe(3);
    expect(m.bySource!['government']).toBe(4);
    expect(m.bySource!['state-media']).toBe(1);
    expect(m.weekly).toEqual({ startDays: [day('2024-05-01'), day('2024-05-08')], counts: [3, 1] });
  });
  it('filters by category and confidence bitmasks', () => {
    const s = [on('2024-05-01'), on('2024-05-02', { confidence: 'low' }), on('2024-05-03', { category: 'training' })];
    const m = metricsFor(s, '2024-05-01', '2024-05-31', { categories: categoryMask(['munitions-shipment']), confidences: confidenceMask(['high']) });
    expect(m.count).toBe(1);
  });
  it('filters by source kind through the scan path', () => {
    const s = [on('2024-05-01'), on('2024-05-02', { sources: ['src-b'] })];
    const m = metricsFor(s, '2024-05-01', '2024-05-31', { sourceKinds: 1 << 3 });
    expect([m.count, m.latestDay]).toEqual([1, day('2024-05-02')]);
  });
});

describe('change levels (Trendfinder bands, low-baseline rule)', () => {
  // Baseline: 4 preceding windows totalling 80 → mean 20.
  it.each([
    [26, 'large-rise'], // +30 %
    [25, 'moderate-rise'], // +25 % exactly: not above 25
    [23, 'moderate-rise'], // +15 %
    [22, 'limited-change'], // +10 % exactly: not above 10
    [15, 'limited-change'], // −25 % exactly: not below −25
    [14, 'large-fall'], // −30 %
  ])('current %i against a mean of 20 → %s', (current, level) => {
    expect(assessChange(current, 80, 4).level).toBe(level);
  });
  it('does not call 1 → 2 a surge', () => {
    const c = assessChange(2, 1, 1);
    expect(c.level).toBe('low-baseline');
    expect(c.changePct).toBe(100);
  });
  it('calls a rise from a low baseline once it is large in events', () => {
    expect(assessChange(4, 1, 1).level).toBe('large-rise');
    expect(assessChange(3, 0, 4).level).toBe('large-rise');
    expect(assessChange(0, 0, 4).level).toBe('low-baseline');
  });
  it('computes change4 from the windows before the current one', () => {
    const before = ['2024-01-10', '2024-02-10', '2024-03-10', '2024-04-10'].flatMap((d) => Array.from({ length: 5 }, () => on(d)));
    const now = Array.from({ length: 8 }, () => on('2024-05-10'));
    const m = metricsFor([...before, ...now], '2024-05-01', '2024-05-30'); // 30-day windows back to 2024-01-02
    expect(m.change4.baselineTotal).toBe(20);
    expect(m.change4.level).toBe('large-rise'); // 8 vs mean 5: +60 %
  });
});

describe('quantities against a node baseline', () => {
  it('Tumangang: 73 railcars against a stated ≤ 20 is 3.65×', () => {
    const node = createNode('tumangang', [130.6, 42.42], { catchmentKm: 10, baseline: { value: 20, unit: 'railcars', note: '≤ 20 before', sources: ['fixture'] } });
    const s = [createSighting([130.6, 42.42], '2023-10-05', { quantity: { value: 73, unit: 'railcars' } }),
      createSighting([130.61, 42.42], '2023-09-01', { quantity: { value: 30, unit: 'railcars' } })];
    const zones = nodeCatchments([node]);
    const cols = toColumns(s);
    const join = spatialJoin(cols, zones);
    const m = windowMetrics(join, cols, buildWindowIndex(join, cols), { fromDay: day('2023-07-01'), toDay: day('2023-12-31') },
      { baselines: new Map([['tumangang', node.properties.baseline!]]) }).zones[0]!;
    expect(m.quantities).toHaveLength(1);
    const q = m.quantities[0]!;
    expect([q.reports, q.sum, q.max, q.latest.value, q.latest.day]).toEqual([2, 103, 73, 73, day('2023-10-05')]);
    expect(q.latestVsBaseline).toBeCloseTo(3.65, 10);
  });
});

describe('the reports on the latest day', () => {
  it('names the counted reports that start on the latest day, in member order, capped', () => {
    // 2024-03-20 once; 2024-03-31: 60 high-confidence reports and one low one (filtered out below).
    const s = [on('2024-03-20'), ...Array.from({ length: 60 }, () => on('2024-03-31')), on('2024-03-31', { confidence: 'low' })];
    const m = metricsFor(s, '2024-03-01', '2024-03-31', { confidences: confidenceMask(['high']) });
    expect(m.latestDay).toBe(day('2024-03-31'));
    expect(m.latestCount).toBe(60);
    expect(m.latestIds).toHaveLength(LATEST_IDS_MAX);
    const ids = s.map((x) => x.properties.id);
    expect(m.latestIds).toEqual(ids.slice(1, 1 + LATEST_IDS_MAX));
    // A window with one report on its latest day names just that one; an empty window names none.
    expect(metricsFor(s, '2024-03-01', '2024-03-25')).toMatchObject({ latestIds: [ids[0]], latestCount: 1 });
    expect(metricsFor(s, '2024-01-01', '2024-01-31')).toMatchObject({ latestDay: null, latestIds: [], latestCount: 0 });
  });
});

describe('running totals are built as the filters need them', () => {
  const sightings = [on('2024-03-02'), on('2024-03-05', { confidence: 'low' }), on('2024-03-09', { category: 'training' })];
  const zones = buildCorridors([route], 25);
  const sources = new Map<string, Source>([['src-a', { id: 'src-a', publisher: 'A', title: 'A', kind: 'government' }]]);
  const built = (cube: ReturnType<typeof buildWindowIndex>) => Object.keys((cube.zones[0] as unknown as { built: object }).built).sort();
  const run = (cube: ReturnType<typeof buildWindowIndex>, join: ReturnType<typeof spatialJoin>, cols: ReturnType<typeof toColumns>, filters = {}) =>
    windowMetrics(join, cols, cube, { fromDay: day('2024-03-01'), toDay: day('2024-03-31'), ...filters }, { lengthKm: zoneLengths(zones), strategy: 'totals' }).zones[0]!;

  it('builds nothing with the join, only confidence and category buckets for the default view, more for a source filter', () => {
    const cols = toColumns(sightings, sources);
    const join = spatialJoin(cols, zones);
    const cube = buildWindowIndex(join, cols);
    expect(built(cube)).toEqual([]);
    // Every zone with detail (no detailFor): counts from the confidence buckets, categories from the category
    // buckets, source kinds from confidence × mask, quantities by unit.
    expect(run(cube, join, cols).count).toBe(3);
    expect(built(cube)).toEqual(['byConfidence', 'cats', 'confMasks', 'qtyByUnit']);
    expect(run(cube, join, cols, { sourceKinds: sourceKindMask(['state-media']) }).count).toBe(0);
    expect(built(cube)).toEqual(['byConfidence', 'catMasks', 'cats', 'confMasks', 'qtyByKey', 'qtyByUnit', 'qtyReports']);
    // Built once: the same answers again, nothing rebuilt.
    const first = (cube.zones[0] as unknown as { built: Record<string, unknown> }).built.cats;
    expect(run(cube, join, cols).count).toBe(3);
    expect((cube.zones[0] as unknown as { built: Record<string, unknown> }).built.cats).toBe(first);
  });

  it('gives the same counts built late as a cube whose every bucketing was read first', () => {
    const cols = toColumns(sightings, sources);
    const join = spatialJoin(cols, zones);
    const late = buildWindowIndex(join, cols);
    const early = buildWindowIndex(join, cols);
    for (const z of early.zones) void [z.byConfidence, z.groups, z.groupKinds, z.keyed, z.confMasks, z.catMasks, z.cats, z.qtyByKey, z.qtyByUnit, z.qtyReports];
    for (const filters of [{}, { confidences: confidenceMask(['low']) }, { categories: categoryMask(['training']) }, { sourceKinds: sourceKindMask(['government']) }]) {
      const a = run(late, join, cols, filters), b = run(early, join, cols, filters);
      expect(a).toEqual(b);
      expect(a.count).toBeGreaterThan(0);
    }
  });
});
