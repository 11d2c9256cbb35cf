/**
 * Stacked reports, precision halos, coverage of the loaded sets and the worker's filter inputs, on the
 * bundled data (many reports share a point: the Kursk, Rajin and Pyongyang stacks) and on small sets.
 */
import { describe, expect, test } from 'vitest';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { BUNDLED_COVERAGE } from '../../src/domain/coverage';
import { dateToDay } from '../../src/domain/dates';
import { loadGeodata } from '../../src/domain/load';
import { REGION_RADIUS_KM } from '../../src/metrics/precision-rule';
import { coverageOfSets } from '../../src/state/coverageOfSets';
import { selectVisible } from '../../src/state/derived';
import { equalAreaRadiusKm, halosOf, SETTLEMENT_RADIUS_KM } from '../../src/state/halos';
import { passFlags, regionAreasOfSets } from '../../src/state/metricsInputs';
import { makeSet } from '../../src/state/sightingSets';
import { positionName, reportPositions, stacksOf } from '../../src/state/stacks';
import { DEFAULT_FILTERS, DEFAULT_LAYERS } from '../../src/state/types';
import { GEODATA_DIR, readGeodataDir } from '../fixtures/geodata/read';
import { deepFreeze } from './metrics/helpers';

const { data } = loadGeodata(readGeodataDir(GEODATA_DIR));
const bundled = makeSet('bundled', data.sightings, data.sources);
const visible = selectVisible([bundled], DEFAULT_FILTERS, DEFAULT_LAYERS);
// Counted from the file: the reports grouped by their exact coordinates.
const byPoint = new Map<string, number>();
for (const s of data.sightings) byPoint.set(s.geometry.coordinates.join(), (byPoint.get(s.geometry.coordinates.join()) ?? 0) + 1);

describe('report positions on the bundled data', () => {
  const positions = reportPositions(visible);
  test('every report on its position, west to east; the Kursk, Rajin and Pyongyang points hold their stacks', () => {
    expect(positions.length).toBe(byPoint.size);
    expect(positions.reduce((n, p) => n + p.members.length, 0)).toBe(data.sightings.length);
    expect(positions.every((p, k) => k === 0 || positions[k - 1]!.lon <= p.lon)).toBe(true);
    const at = (lon: number, lat: number) => positions.find((p) => p.lon === lon && p.lat === lat)!;
    for (const [lon, lat] of [[35.27, 51.19], [130.3, 42.24], [125.75, 39.03]] as const) {
      expect(at(lon, lat).members.length).toBe(byPoint.get(`${lon},${lat}`));
      expect(at(lon, lat).members.length).toBeGreaterThanOrEqual(12);
    }
    expect(positionName(at(35.27, 51.19), data)).toBe(data.byId.get('area-kursk-combat')!.properties.name);
  });
  test('each position lists its reports by date; the stacks are the positions with more than one', () => {
    for (const p of positions) expect(p.members.every((m, k) => k === 0 || p.members[k - 1]!.day <= m.day)).toBe(true);
    const stacks = stacksOf(positions);
    expect(stacks.every((p) => p.members.length > 1)).toBe(true);
    expect(stacks.reduce((n, p) => n + p.members.length, 0) + positions.filter((p) => p.members.length === 1).length).toBe(data.sightings.length);
  });
  test('a position without a named place is named by its coordinates', () => {
    expect(positionName({ key: '1,-2', lon: 1, lat: -2, members: [] }, data)).toBe('2.00° S, 1.00° E');
  });
});

describe('precision halos', () => {
  test('settlement 5 km, region the named area (equal-area radius) or the rule disc; one per position and size', () => {
    const halos = halosOf(reportPositions(visible), data);
    const kursk = halos.filter((h) => h.position[0] === 35.27 && h.position[1] === 51.19);
    const area = data.areas.find((a) => a.properties.id === 'area-kursk-combat')!;
    expect(kursk).toContainEqual({ position: [35.27, 51.19], radiusKm: equalAreaRadiusKm(area.geometry.coordinates[0]!), precision: 'region' });
    expect(new Set(kursk.map((h) => `${h.precision}:${h.radiusKm}`)).size).toBe(kursk.length);
    expect(halos.some((h) => h.precision === 'settlement' && h.radiusKm === SETTLEMENT_RADIUS_KM)).toBe(true);
    expect(halos.some((h) => h.precision === 'region' && h.radiusKm === REGION_RADIUS_KM)).toBe(true);
    // Exact reports get no halo.
    const exact = data.sightings.filter((s) => s.properties.location === 'exact').map((s) => s.geometry.coordinates.join());
    const haloAt = new Set(halos.map((h) => h.position.join()));
    const onlyExact = exact.filter((k) => !data.sightings.some((s) => s.properties.location !== 'exact' && s.geometry.coordinates.join() === k));
    expect(onlyExact.every((k) => !haloAt.has(k))).toBe(true);
  });
  test('equal-area radius of a 1° square at the equator: √(111.195² / π) ≈ 62.7 km', () => {
    expect(equalAreaRadiusKm([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]])).toBeCloseTo(Math.sqrt((111.195 * 111.195 * Math.cos((0.4 * Math.PI) / 180)) / Math.PI), 6);
  });
});

const SOURCES: ReadonlyMap<string, Source> = new Map([['a', deepFreeze<Source>({ id: 'a', kind: 'media', publisher: 'Reuters', title: 'R' })]]);
const report = (id: string, date: string, name: string, extra: Partial<SightingFeature['properties']> = {}): SightingFeature =>
  deepFreeze({
    type: 'Feature', geometry: { type: 'Point', coordinates: [35.27, 51.19] },
    properties: { id, name, date, category: 'combat', summary: 's', confidence: 'high', location: 'exact', sources: ['a'], ...extra },
  });

describe('inputs for the metrics worker', () => {
  test('coverage: bundled as declared, an imported set from its first report to its last, unioned', () => {
    const imported = makeSet('imported', [report('i1', '2022-03-05', 'x'), report('i2', '2022-01-10', 'y')], SOURCES);
    expect(coverageOfSets([bundled, imported], data.coverage ?? BUNDLED_COVERAGE)).toEqual([
      { fromDay: dateToDay('2022-01-10'), toDay: dateToDay('2022-03-05') },
      { fromDay: dateToDay('2023-07-01'), toDay: dateToDay('2025-12-31') },
    ]);
    // A set that declares its own coverage is taken at its word.
    expect(coverageOfSets([{ ...imported, coverage: { from: '2021-01', to: '2022-12' } }])).toEqual([
      { fromDay: dateToDay('2021-01-01'), toDay: dateToDay('2022-12-31') },
    ]);
  });
  test('text and publisher flags across sets (sets without a match pass entirely only when nothing is filtered)', () => {
    const a = makeSet('bundled', [report('a1', '2024-01-01', 'Rajin port'), report('a2', '2024-01-02', 'Kursk')], SOURCES);
    const b = makeSet('imported', [report('b1', '2024-01-03', 'rajin again')], SOURCES);
    expect(passFlags([a, b], DEFAULT_FILTERS)).toBeNull();
    expect(Array.from(passFlags([a, b], { ...DEFAULT_FILTERS, query: 'Rajin' })!)).toEqual([1, 0, 1]);
    // Source kinds and precision are the engine's own filters: not folded into these flags.
    expect(Array.from(passFlags([a, b], { ...DEFAULT_FILTERS, query: 'rajin', sourceKinds: ['government'], precisions: ['region'] })!)).toEqual([1, 0, 1]);
    expect(Array.from(passFlags([a, b], { ...DEFAULT_FILTERS, publishers: ['Nobody'] })!)).toEqual([0, 0, 0]);
  });
  test('region reports naming an area, as indices into the concatenated sets', () => {
    const imported = makeSet('imported', [report('i1', '2024-01-01', 'x', { location: 'region', place: 'area-kursk-combat' }), report('i2', '2024-01-01', 'y', { location: 'region', place: 'rajin-port' })], SOURCES);
    // A set without region reports between them is skipped but still shifts the indices after it.
    const exact = makeSet('synthetic', [report('e1', '2024-01-01', 'z', { location: 'exact', place: 'area-kursk-combat' })], SOURCES);
    const r = regionAreasOfSets([bundled, exact, imported], data.areas);
    const kursk = data.sightings.filter((s) => s.properties.location === 'region' && s.properties.place?.startsWith('area-')).length;
    expect(r.index.length).toBe(kursk + 1);
    expect(r.index[r.index.length - 1]).toBe(data.sightings.length + 1);
    expect(r.areaIds[r.areaIds.length - 1]).toBe('area-kursk-combat');
  });
});

describe('the GeoJSON export keeps stacked reports apart', () => {
  test('one feature per visible report, every report on the Kursk point its own; the brief filters list precision', async () => {
    const { layerGeoJSON, exportMetaOf, filterSummary } = await import('../../src/state/exports');
    const state = { data, sightingSets: [bundled], filters: DEFAULT_FILTERS, layers: DEFAULT_LAYERS, importedSources: new Map() };
    const file = layerGeoJSON(state, 'sightings', exportMetaOf(state, 'https://example.invalid/#v=1', new Date('2025-12-16T00:00:00Z')));
    const fc = JSON.parse(file.text) as { features: { properties: { id: string }; geometry: { coordinates: number[] } }[] };
    expect(fc.features.length).toBe(data.sightings.length);
    expect(new Set(fc.features.map((f) => f.properties.id)).size).toBe(data.sightings.length);
    expect(fc.features.filter((f) => f.geometry.coordinates[0] === 35.27 && f.geometry.coordinates[1] === 51.19).length).toBe(byPoint.get('35.27,51.19'));
    expect(filterSummary({ ...DEFAULT_FILTERS, precisions: ['region'] })).toContain('Location precision: region');
  });
});
