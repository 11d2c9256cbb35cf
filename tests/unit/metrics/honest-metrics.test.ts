/**
 * The bundled data through the engine, the way the app runs it: declared coverage, the precision rule,
 * and the page's filter flags. What the change levels may claim, which reports count where, and that a
 * narrowed engine equals an engine built on the narrowed data.
 */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { BUNDLED_COVERAGE } from '../../../src/domain/coverage';
import { dateToDay } from '../../../src/domain/dates';
import { loadGeodata } from '../../../src/domain/load';
import { ScenarioModel } from '../../../src/domain/scenarios';
import type { SightingFeature } from '../../../src/domain/schemas';
import { TREND_LEVELS } from '../../../src/metrics/change-level';
import { precisionMask } from '../../../src/metrics/columns';
import { declaredSpans } from '../../../src/metrics/coverage';
import { MetricsEngine } from '../../../src/metrics/engine';
import type { WorkerGeodata } from '../../../src/metrics/protocol';
import { GEODATA_DIR, readGeodataDir } from '../../fixtures/geodata/read';

const { data } = loadGeodata(readGeodataDir(GEODATA_DIR));
const model = ScenarioModel.parse(JSON.parse(readFileSync('geodata/scenarios.json', 'utf8')));
const coverage = declaredSpans(data.coverage ?? BUNDLED_COVERAGE);
const geo = (sightings: readonly SightingFeature[]): WorkerGeodata => ({
  routes: data.routes, nodes: data.nodes, areas: data.areas, sightings, sources: [...data.sources.values()],
});
const engineOf = (sightings: readonly SightingFeature[], withCoverage = true) => {
  const e = new MetricsEngine(geo(sightings), model, withCoverage ? { coverage } : {});
  e.setWidth(25);
  return e;
};
const d = dateToDay;
const full = engineOf(data.sightings);

describe('coverage-aware change levels on the bundled data', () => {
  it('declares its coverage: 2023-07 – 2025-12, every report inside', () => {
    expect(data.coverage ?? BUNDLED_COVERAGE).toMatchObject({ from: '2023-07', to: '2025-12' });
    expect(data.sightings.every((s) => d(s.properties.date) >= coverage[0]!.fromDay && d(s.properties.date) <= coverage[0]!.toDay)).toBe(true);
  });

  it('the default window: without coverage empty history reads as "large rise"; with it, no corridor claims a trend', () => {
    const f = { fromDay: d('2023-07-01'), toDay: d('2025-12-31') };
    const naive = engineOf(data.sightings, false).window(f).zones.filter((z) => z.zoneId.startsWith('rail-') || z.zoneId.startsWith('sea-'));
    expect(naive.filter((z) => z.change4.level === 'large-rise').length).toBeGreaterThan(5);
    const w = full.window(f);
    const corridors = w.zones.filter((z) => z.zoneId.startsWith('rail-') || z.zoneId.startsWith('sea-'));
    expect(corridors.length).toBe(data.routes.length);
    expect(corridors.map((z) => [z.change4.level, z.change12.level, z.changePct])).toEqual(corridors.map(() => ['no-baseline', 'no-baseline', null]));
  });

  it('for every window from a month to a year, a rise or fall level only ever rests on covered windows', () => {
    const start = coverage[0]!.fromDay;
    let trends = 0;
    for (const len of [30, 91, 182, 365]) {
      for (let from = start; from + len - 1 <= coverage[0]!.toDay; from += 30) {
        const w = full.window({ fromDay: from, toDay: from + len - 1 });
        for (const z of [...w.zones, w.all]) {
          for (const c of [z.change4, z.change12]) {
            if (!TREND_LEVELS.has(c.level)) continue;
            trends++;
            expect(c.windows).toBeGreaterThan(0);
            expect(from - c.windows * len).toBeGreaterThanOrEqual(start);
          }
        }
      }
    }
    expect(trends).toBeGreaterThan(100); // later windows do have a history to compare with
  });
});

describe('location precision in the counts', () => {
  it('Rajin – Tumangang – Khasan in autumn 2023: the region reports placed at Rajin port are drawn there but not counted', () => {
    const f = { fromDay: d('2023-09-01'), toDay: d('2023-11-30') };
    const z = full.window(f, ['rail-rajin-ussuriysk']).zones.find((x) => x.zoneId === 'rail-rajin-ussuriysk')!;
    const k = full.zones.findIndex((x) => x.id === 'rail-rajin-ussuriysk');
    const excluded = Array.from(full.join.zones[k]!.excluded!.members, (i) => data.sightings[i]!.properties);
    const inWindow = excluded.filter((p) => d(p.date) >= f.fromDay && d(p.date) <= f.toDay);
    expect(inWindow.length).toBeGreaterThanOrEqual(2);
    expect(inWindow.every((p) => p.location === 'region' && p.place === 'rajin-port')).toBe(true);
    expect(z.regionExcluded).toBe(inWindow.length);
    // A region report counts here only through an area the corridor mostly covers (the Ussuriysk
    // garrison circle at the corridor's end); none through a node's 100 km disc.
    const members = Array.from(full.join.zones[k]!.members, (i) => data.sightings[i]!.properties);
    const regionMembers = members.filter((p) => p.location === 'region');
    expect(regionMembers.every((p) => p.place?.startsWith('area-'))).toBe(true);
  });

  it('a region report whose area is the zone counts there: the Kursk combat area holds its reports drawn inside it', () => {
    const k = full.zones.findIndex((x) => x.id === 'area-kursk-combat');
    const members = new Set(Array.from(full.join.zones[k]!.members, (i) => data.sightings[i]!.properties.id));
    const area = data.areas.find((a) => a.properties.id === 'area-kursk-combat')!;
    const named = data.sightings.filter((s) => s.properties.place === 'area-kursk-combat');
    const drawnInside = named.filter((s) => booleanPointInPolygon(s.geometry.coordinates, area));
    // Most sit on the Sudzha point inside the area; one drawn outside its outline is not a member at all.
    expect(drawnInside.length).toBeGreaterThanOrEqual(16);
    expect(drawnInside.every((s) => members.has(s.properties.id))).toBe(true);
    expect(named.filter((s) => !drawnInside.includes(s)).every((s) => !members.has(s.properties.id))).toBe(true);
    expect(full.join.zones[k]!.excluded!.members.length).toBe(0);
  });
});

describe('every filter reaches the metrics', () => {
  const windows = [[d('2023-07-01'), d('2025-12-31')], [d('2024-10-01'), d('2025-03-31')], [d('2025-06-01'), d('2025-08-31')]] as const;
  const same = (a: MetricsEngine, b: MetricsEngine, extra: object = {}) => {
    for (const [fromDay, toDay] of windows) {
      const x = a.window({ fromDay, toDay, ...extra }), y = b.window({ fromDay, toDay });
      expect(x.zones.map((z) => [z.zoneId, z.count, z.weighted, z.prevCount, z.change4.level, z.change12.level, z.latestDay])).toEqual(
        y.zones.map((z) => [z.zoneId, z.count, z.weighted, z.prevCount, z.change4.level, z.change12.level, z.latestDay]),
      );
      expect(x.all.count).toBe(y.all.count);
    }
    const asOf = d('2025-12-16');
    const ia = a.evaluate(asOf, extra).indicators, ib = b.evaluate(asOf).indicators;
    expect(ia.map((r) => [r.id, r.value, r.status, r.evidence])).toEqual(ib.map((r) => [r.id, r.value, r.status, r.evidence]));
  };

  it('text/publisher flags: the narrowed engine equals an engine built on the reports that pass', () => {
    const pass = Uint8Array.from(data.sightings, (s) => (/Kursk|NIS/.test(s.properties.name + s.properties.summary) ? 1 : 0));
    const narrowed = engineOf(data.sightings);
    narrowed.setPass(pass);
    same(narrowed, engineOf(data.sightings.filter((_, i) => pass[i] === 1)));
    narrowed.setPass(null);
    same(narrowed, full);
  });

  it('the precision filter: the same as leaving the other precisions out', () => {
    const e = engineOf(data.sightings);
    same(e, engineOf(data.sightings.filter((s) => s.properties.location !== 'region')), { precisions: precisionMask(['exact', 'settlement']) });
  });

  it('pass flags of the wrong length are refused', () => {
    expect(() => engineOf(data.sightings).setPass(new Uint8Array(3))).toThrow(/pass flags/);
  });
});

describe('indicators with too little history', () => {
  it('early in the data a quiet indicator says it cannot speak, and a change has no baseline', () => {
    const { indicators } = full.evaluate(d('2023-09-30'));
    const change = indicators.find((r) => r.id === 's4-container-patterns')!;
    expect([change.value, change.status, change.coverage]).toEqual([null, 'none', 'partial']);
    expect(change.history).toMatch(/too little history: needs 2023-04-04 – 2023-09-30, data 2023-07 – 2025-12/);
    const quiet = indicators.filter((r) => r.coverage !== 'full' && r.status === 'none');
    expect(quiet.length).toBeGreaterThan(5);
    // Later every indicator has its whole look-back inside the data.
    expect(full.evaluate(d('2025-12-16')).indicators.every((r) => r.coverage === 'full' && r.history === '')).toBe(true);
  });
});

describe('declared coverage in a data file', () => {
  it('a sightings file may declare its coverage: validated, reports outside it warned about, a bad one an error', () => {
    const files = readGeodataDir(GEODATA_DIR);
    const raw = files.sightings as { features: unknown[] };
    const declared = loadGeodata({ ...files, sightings: { ...raw, coverage: { from: '2024-01', to: '2025-12', gaps: [{ from: '2024-05', to: '2024-06' }] } } });
    expect(declared.data.coverage).toEqual({ from: '2024-01', to: '2025-12', gaps: [{ from: '2024-05', to: '2024-06' }] });
    const outside = data.sightings.filter((s) => d(s.properties.date) < d('2024-01-01') || (d(s.properties.date) >= d('2024-05-01') && d(s.properties.date) <= d('2024-06-30'))).length;
    expect(outside).toBeGreaterThan(0);
    expect(declared.warnings.filter((w) => /outside the declared coverage/.test(w.message)).length).toBe(outside);
    const bad = loadGeodata({ ...files, sightings: { ...raw, coverage: { from: 'July 2023' } } });
    expect(bad.data.coverage).toBeUndefined();
    expect(!bad.ok && bad.errors.some((e) => e.field === 'coverage.from')).toBe(true);
    // The bundled file declares none: the app takes BUNDLED_COVERAGE, and every report lies inside it.
    expect(data.coverage).toBeUndefined();
  });
});
