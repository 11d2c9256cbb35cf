import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon, pointToLineDistance, lineString } from '@turf/turf';
import { buildCorridors, splitLegs } from '../../../src/metrics/corridors';
import { spatialJoin } from '../../../src/metrics/join';
import { toColumns } from '../../../src/metrics/columns';
import { zoneComponents } from '../../../src/metrics/zones';
import { loadBenchGeodata } from '../../../scripts/lib/geodata';
import { createRoute, createSighting } from './helpers';

describe('corridor membership, hand-worked', () => {
  // A route along the equator from 10°E to 12°E. 10 km = 10 / 111.195 = 0.08993° of latitude.
  const route = createRoute('eq', [[10, 0], [12, 0]]);
  const [corridor] = buildCorridors([route], 10);
  it('counts a point just inside and not one just outside the 10 km edge', () => {
    const inside = createSighting([11, 0.0890], '2024-01-01');
    const outside = createSighting([11, 0.0910], '2024-01-01');
    const farEnd = createSighting([12.095, 0], '2024-01-01'); // 10.56 km past the end: outside the cap
    const nearEnd = createSighting([12.085, 0], '2024-01-01'); // 9.45 km past the end: inside the cap
    const cols = toColumns([inside, outside, farEnd, nearEnd]);
    const members = Array.from(spatialJoin(cols, [corridor!]).zones[0]!.members).sort();
    expect(members).toEqual([0, 3]);
  });
});

describe('leg-by-leg buffering', () => {
  it('splits at hubs and caps sub-legs at maxLegKm', () => {
    const line = [[0, 0], [1, 0], [2, 0], [8, 0]];
    const legs = splitLegs(line, (p) => p[0] === 1, 300);
    expect(legs[0]!.coordinates).toEqual([[0, 0], [1, 0]]);
    for (const leg of legs) expect(leg.toKm - leg.fromKm).toBeLessThanOrEqual(300 + 1e-9);
    expect(legs[legs.length - 1]!.toKm).toBeCloseTo(8 * 111.195, 0);
  });

  it('keeps every leg buffer edge within 2 % of the width on the longest route', () => {
    const geo = loadBenchGeodata();
    const widthKm = 25;
    const corridors = buildCorridors(geo.routes, widthKm, { nodes: geo.nodes });
    const longest = corridors.reduce((a, c) => (c.lengthKm > a.lengthKm ? c : a));
    let worst = 0;
    longest.legs.forEach((leg, k) => {
      const ring = zoneComponents(longest)[k]![0]!;
      const line = lineString(leg.coordinates);
      for (let v = 0; v < ring.length - 1; v += 3) {
        const d = pointToLineDistance(ring[v]!, line, { units: 'kilometers' });
        worst = Math.max(worst, Math.abs(d - widthKm) / widthKm);
      }
    });
    expect(longest.legs.length).toBeGreaterThan(1);
    expect(worst).toBeLessThan(0.02);
  });

  it('draws the membership polygon it counts with (a MultiPolygon of leg buffers)', () => {
    const route = createRoute('long', [[40, 50], [60, 52], [80, 54]]);
    const [c] = buildCorridors([route], 25);
    expect(c!.polygon.geometry.type).toBe('MultiPolygon');
    expect(booleanPointInPolygon([60, 52], c!.polygon)).toBe(true);
  });
});

describe('along-route km (planar projection)', () => {
  it('is within 1 km of turf.nearestPointOnLine for members of a 1,000 km corridor', async () => {
    const { nearestPointOnLine } = await import('@turf/turf');
    const { alongRouteKm } = await import('../../../src/metrics/along');
    const route = createRoute('r', [[40, 50], [45, 51], [50, 50.5], [53, 52]]);
    const [c] = buildCorridors([route], 25);
    const pts = ([[41, 50.3], [44.9, 51.1], [47.5, 50.7], [52.9, 51.8]] as [number, number][]).map((p) => createSighting(p, '2024-01-01'));
    const cols = toColumns(pts);
    const members = spatialJoin(cols, [c!]).zones[0]!.members;
    expect(members.length).toBe(4);
    const km = alongRouteKm(c!, cols, members);
    members.forEach((i, k) => {
      const ref = nearestPointOnLine(lineString(c!.line), [cols.lon[i]!, cols.lat[i]!], { units: 'kilometers' }).properties.location;
      expect(Math.abs(km[k]! - ref)).toBeLessThan(1);
    });
  });
});
