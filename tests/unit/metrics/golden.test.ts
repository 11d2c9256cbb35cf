/**
 * Golden files, as Turf does them: tests/fixtures/metrics/<metric>/in/*.geojson → out/*.json. Options
 * live in the fixture's own `properties`; numbers are rounded to 6 decimals so goldens do not churn;
 * spatial outputs are GeoJSON styled result red / input blue, so a failing case opens in any viewer.
 * `REGEN=1 npx vitest run tests/unit/metrics` rewrites the out/ files.
 *
 * How the committed goldens were checked by hand (once, before committing):
 * - corridors/short-route-*: the route [10,0]→[10.5,0]→[10.5,0.3] is 0.5° + 0.3° of a great circle
 *   = 0.8 × 111.195 = 88.96 km (lengthKm 88.956); the polygon's southern edge sits at −width / 111.195°
 *   (−0.044966° at 5 km, −0.22483° at 25 km) under the first segment; one leg (no hub, < 400 km).
 * - join/inside-outside-edge: Turf counts the boundary as inside, so the centre, the east-edge point, the
 *   vertex and the point 1e-6° inside the north edge are members; (2,2) and the point 1e-6° east are not.
 * - window/hand-series: window 2024-03-01…28 (28 days, weeks from 03-01, 08, 15, 22): s1 s2 | s3 | s4 | s5
 *   → count 5, weekly [2,1,1,1]; weighted 1 + 0.6 + 0.3 + 1 + 0.6 = 3.5; previous window 02-02…02-29
 *   holds s6 and s7 → 2, +150 %; government s1 s3, media s2 s3 s5, state-media s4; railcars 10, 30, 20 →
 *   3 reports, sum 60, max 30, latest 20 on 03-28. 4 preceding windows hold 2 events: mean 0.5, a low
 *   baseline but |5·4 − 2| = 18 ≥ 12 events, so the percentage rule: +900 %, large rise (12: +2900 %).
 * - window/media-only: s2 s3 s5 → 3, weighted 1.5, weekly [1,1,0,1], no previous events (changePct null),
 *   government 1 (s3), media 3; railcars: s5 alone.
 * - change-levels/moderate-rise…: 28-day windows from 2024-01-29; 6 now; 5 in the previous window;
 *   4 windows back to 2023-10-09 hold 20 → mean 5, +20 %, moderate rise; 12 windows back to 2023-02-27
 *   hold 24 → mean 2 (low) but |6·12 − 24| = 48 ≥ 36 → +200 %, large rise.
 * - change-levels/low-baseline: 2 now, 1 before: means 0.25 and 1/12, changes of 1.75 and 1.92 events
 *   < 3 → low baseline both (the percentages +700 % and +2300 % are still reported).
 * - change-levels/coverage-*: the moderate-rise data (28-day windows W1 2024-01-01…28 holding 5, W2 from
 *   2023-12-04: 5, W3 from 11-06: 5, W4 from 10-09: 5, W12 from 2023-02-27: 4) with a declared coverage:
 *   none: coverage from 2024-01-29 (the window's first day) → no preceding window is covered: windows 0
 *   of 4 and of 12, no-baseline, prevCount 0 and changePct null (the 5 reports before are outside it).
 *   partial: from 2023-11-06 → (2024-01-29 − 2023-11-06) / 28 = 3 windows: 15 / 3 = mean 5, 6 → +20 %,
 *   moderate rise for 4 and for 12 (3 windows each); previous window 5 → +20 %.
 *   full: from 2023-01-01 → all 12 covered: the same as without coverage (moderate rise / large rise).
 *   gap: from 2023-01-01, gap 2023-11-20…25 inside W3 → the unbroken run is W1, W2: 10 / 2 = 5, +20 %.
 *   window-outside: from 2024-02-01 → the window itself starts before the data: uncovered, no claim.
 *   partial-low-baseline: the low-baseline data, coverage from 2023-12-04 → W1, W2: total 1, mean 0.5 <
 *   3, |2·2 − 1| = 3 < 6 → low baseline (the rule applies to the covered windows).
 * - precision/*: a straight route (10,0)→(12,0), 222 km; region discs of 100 km are sampled every 25 km
 *   (49 points, lattice (i, j), i² + j² ≤ 16, j along latitude). region-on-node-30km: half-width 30 km
 *   holds the samples with |j| ≤ 1: 9 + 7 + 7 = 23 of 49 (0.469 < ½) → the region report on the node is
 *   excluded; exact and settlement reports there count; a region report whose place is the small area
 *   (±0.1°, all 64 grid samples inside) counts; one whose place is the tall area (±0.8°, grid rows at
 *   ±0.1 inside, 16 of 64 = 0.25) is excluded; a region report 0.6° north is outside the polygon: never
 *   counted, not "excluded". region-on-node-55km: |j| ≤ 2 inside: 23 + 7 + 7 = 37 of 49 (0.755) → counts;
 *   the tall area's rows at ±0.1° and ±0.3° (< 0.495°) are inside: 32 of 64, exactly half → counts.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { dateToDay, dayToIso } from '../../../src/domain/dates';
import { SOURCE_KINDS, type AreaFeature, type DataCoverage, type RouteFeature, type SightingFeature, type Source } from '../../../src/domain/schemas';
import { sourceKindMask, toColumns } from '../../../src/metrics/columns';
import { buildCorridors } from '../../../src/metrics/corridors';
import { declaredSpans } from '../../../src/metrics/coverage';
import { regionAreasOf } from '../../../src/metrics/region-areas';
import { naiveMembership } from '../../../src/metrics/naive';
import { areaRegions, discSamples, insideShare, type RegionRule } from '../../../src/metrics/precision';
import { buildWindowIndex } from '../../../src/metrics/cube';
import { spatialJoin } from '../../../src/metrics/join';
import { windowMetrics } from '../../../src/metrics/window';
import type { Zone } from '../../../src/metrics/zones';
import { createRoute } from './helpers';

type Props = Record<string, unknown>;
type Fixture = FeatureCollection & { properties?: Props };

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'metrics');
const RED = { stroke: '#ff0000', fill: '#ff0000', 'fill-opacity': 0.3, 'marker-color': '#ff0000' };
const BLUE = { stroke: '#0000ff', fill: '#0000ff', 'fill-opacity': 0.1, 'marker-color': '#0000ff' };

/** Round every number to 6 decimals (−0 → 0), recursively. */
function rounded(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 + 0 : v;
  if (Array.isArray(v)) return v.map(rounded);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rounded(x)]));
  return v;
}

const SOURCES: Source[] = SOURCE_KINDS.map((kind) => ({ id: `src-${kind}`, publisher: kind, title: kind, kind }));

/** The fixture's points as sightings (defaults filled in) and its `zone: true` polygons as zones. */
function parts(fc: Fixture) {
  const points = fc.features.filter((f): f is Feature<Point> => f.geometry.type === 'Point');
  const sightings = points.map((f, k): SightingFeature => {
    const p = (f.properties ?? {}) as Props;
    return {
      type: 'Feature', geometry: { type: 'Point', coordinates: [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] },
      properties: {
        id: `p${k}`, name: String(p['name'] ?? `p${k}`), date: String(p['date'] ?? '2024-01-01'),
        category: (p['category'] ?? 'training') as SightingFeature['properties']['category'],
        confidence: (p['confidence'] ?? 'high') as SightingFeature['properties']['confidence'],
        summary: 'Fixture.', location: (p['location'] ?? 'exact') as SightingFeature['properties']['location'],
        ...(p['place'] ? { place: String(p['place']) } : {}),
        sources: ((p['sourceKinds'] as string[] | undefined) ?? ['government']).map((kind) => `src-${kind}`),
        ...(p['quantity'] ? { quantity: p['quantity'] as { value: number; unit: string } } : {}),
      },
    } as SightingFeature;
  });
  const zones = fc.features
    .filter((f): f is Feature<Polygon> => f.geometry.type === 'Polygon' && (f.properties as Props | null)?.['zone'] === true)
    .map((f): Zone => ({ id: String(f.properties!['id']), kind: 'area', name: 'zone', subkind: 'fixture', polygon: f }));
  const cols = toColumns(sightings, new Map(SOURCES.map((s) => [s.id, s])));
  return { points, sightings, zones, cols };
}

function windowOf(fc: Fixture) {
  const { zones, cols } = parts(fc);
  const o = fc.properties ?? {};
  const j = spatialJoin(cols, zones);
  const kinds = o['sourceKinds'] as string[] | undefined;
  const coverage = o['coverage'] ? declaredSpans(o['coverage'] as DataCoverage) : null;
  const w = windowMetrics(j, cols, buildWindowIndex(j, cols), {
    fromDay: dateToDay(String(o['from'])), toDay: dateToDay(String(o['to'])), ...(kinds ? { sourceKinds: sourceKindMask(kinds) } : {}),
  }, { coverage });
  return { m: w.zones[0]!, all: w.all, coverage: { ...w.coverage, startDay: iso(w.coverage.startDay), endDay: iso(w.coverage.endDay) } };
}

const iso = (d: number | null) => (d === null ? null : dayToIso(d));

/** Polygons marked `area: true` as areas (region places). */
function areasOf(fc: Fixture): AreaFeature[] {
  return fc.features
    .filter((f): f is Feature<Polygon> => f.geometry.type === 'Polygon' && (f.properties as Props | null)?.['area'] === true)
    .map((f) => ({
      ...f,
      properties: { id: String(f.properties!['id']), name: 'area', sources: ['fixture'], accuracy: 'schematic', kind: 'training-area', period: { from: '2023-01' } },
    }) as AreaFeature);
}

/** Corridor membership under the precision rule, checked against the naive reference on the way. */
function precisionOf(fc: Fixture) {
  const route = fc.features.find((f): f is Feature<LineString> => f.geometry.type === 'LineString')!;
  const widthKm = Number(fc.properties?.['widthKm']);
  const [c] = buildCorridors([createRoute('r', route.geometry.coordinates as [number, number][]) as RouteFeature], widthKm);
  const { points, sightings, cols } = parts(fc);
  const areas = areasOf(fc);
  const samples = areaRegions(areas);
  const ra = regionAreasOf(sightings, new Set(samples.keys()));
  const rule: RegionRule = { precision: cols.precision, areaSamples: new Map(Array.from(ra.index, (i, k) => [i, samples.get(ra.areaIds[k]!)!])) };
  const zm = spatialJoin(cols, [c!], { regions: rule }).zones[0]!;
  const naive = naiveMembership(cols, [c!], rule)[0]!;
  expect(Array.from(zm.members).sort((a, b) => a - b)).toEqual(Array.from(naive));
  const members = new Set(zm.members), excluded = new Set(zm.excluded?.members ?? []);
  const inside = (x: number, y: number) => booleanPointInPolygon([x, y], c!.polygon);
  return {
    type: 'FeatureCollection',
    features: [
      { ...c!.polygon, properties: { widthKm, ...BLUE } },
      ...areas.map((a) => ({ ...a, properties: { id: a.properties.id, ...BLUE } })),
      ...points.map((f, k) => {
        const region = cols.precision[k] === 2;
        const share = region ? insideShare(rule.areaSamples.get(k) ?? discSamples(cols.lon[k]!, cols.lat[k]!), inside) : null;
        return { ...f, properties: { ...f.properties, member: members.has(k), excluded: excluded.has(k), share, ...(members.has(k) ? RED : BLUE) } };
      }),
    ],
  };
}

/** One function per metric: fixture in, golden value out. */
const METRICS: Record<string, (fc: Fixture) => unknown> = {
  corridors: (fc) => {
    const route = fc.features.find((f): f is Feature<LineString> => f.geometry.type === 'LineString')!;
    const widthKm = Number(fc.properties?.['widthKm']);
    const [c] = buildCorridors([createRoute(String(route.properties?.['id']), route.geometry.coordinates as [number, number][]) as RouteFeature], widthKm);
    return {
      type: 'FeatureCollection',
      features: [
        { ...c!.polygon, properties: { widthKm, lengthKm: c!.lengthKm, legs: c!.legs.length, ...RED } },
        { ...route, properties: { ...route.properties, ...BLUE } },
      ],
    };
  },
  join: (fc) => {
    const { points, zones, cols } = parts(fc);
    const members = new Set(spatialJoin(cols, zones).zones[0]!.members);
    return {
      type: 'FeatureCollection',
      features: [
        { ...zones[0]!.polygon, properties: { ...zones[0]!.polygon.properties, ...BLUE } },
        ...points.map((f, k) => ({ ...f, properties: { ...f.properties, member: members.has(k), ...(members.has(k) ? RED : BLUE) } })),
      ],
    };
  },
  window: (fc) => {
    const { m, all } = windowOf(fc);
    return {
      ...m, allCount: all.count, latestDay: iso(m.latestDay),
      weekly: { starts: m.weekly.startDays.map(iso), counts: m.weekly.counts },
      quantities: m.quantities.map((q) => ({ ...q, latest: { ...q.latest, day: iso(q.latest.day) } })),
    };
  },
  'change-levels': (fc) => {
    const { m, coverage } = windowOf(fc);
    return { count: m.count, prevCount: m.prevCount, changePct: m.changePct, change4: m.change4, change12: m.change12, ...(fc.properties?.['coverage'] ? { coverage } : {}) };
  },
  precision: precisionOf,
};

for (const [metric, run] of Object.entries(METRICS)) {
  const dir = join(ROOT, metric);
  const inputs = readdirSync(join(dir, 'in')).filter((f) => f.endsWith('.geojson'));
  describe(`golden: ${metric}`, () => {
    it('has fixtures', () => expect(inputs.length).toBeGreaterThan(0));
    it.each(inputs)('%s', (file) => {
      const fc = JSON.parse(readFileSync(join(dir, 'in', file), 'utf8')) as Fixture;
      const got = rounded(run(fc));
      const out = join(dir, 'out', file.replace(/\.geojson$/, '.json'));
      if (process.env['REGEN'] === '1') {
        mkdirSync(join(dir, 'out'), { recursive: true });
        writeFileSync(out, `${JSON.stringify(got, null, 2)}\n`);
      }
      expect(existsSync(out)).toBe(true);
      expect(got).toEqual(JSON.parse(readFileSync(out, 'utf8')));
    });
  });
}
