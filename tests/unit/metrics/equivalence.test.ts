import { describe, expect, it } from 'vitest';
import { areaZones, nodeCatchments } from '../../../src/metrics/catchments';
import { buildCorridors } from '../../../src/metrics/corridors';
import { spatialJoin } from '../../../src/metrics/join';
import { naiveMembership } from '../../../src/metrics/naive';
import { allocColumns, REGION, type Columns } from '../../../src/metrics/columns';
import { areaRegions, type RegionRule } from '../../../src/metrics/precision';
import { zoneComponents, type Zone } from '../../../src/metrics/zones';
import { bbox } from '@turf/turf';
import { loadBenchGeodata } from '../../../scripts/lib/geodata';
import { generateSynthetic, mulberry32 } from '../../../src/state/syntheticData';

/**
 * Synthetic points plus adversarial ones: exactly on polygon vertices and edge midpoints. Precision
 * follows the generator's `location` (a third each); every third adversarial point is region-precise.
 */
function withAdversarial(base: Columns & { location: Uint8Array }, extra: [number, number][]): Columns {
  const n = base.length + extra.length;
  const cols = allocColumns(n, [...base.ids, ...extra.map((_, k) => `adv-${k}`)]);
  cols.lon.set(base.lon); cols.lat.set(base.lat); cols.day.set(base.day); cols.precision.set(base.location);
  extra.forEach(([x, y], k) => {
    cols.lon[base.length + k] = x; cols.lat[base.length + k] = y; cols.day[base.length + k] = 19600;
    cols.precision[base.length + k] = k % 3;
  });
  return cols;
}

/** The precision rule for `cols`: every eighth region report takes an area as its place (in turn). */
function ruleFor(cols: Columns, areaSamples: Float64Array[]): RegionRule {
  const bySighting = new Map<number, Float64Array>();
  let r = 0;
  for (let i = 0; i < cols.length; i++) if (cols.precision[i] === REGION && r++ % 8 === 0) bySighting.set(i, areaSamples[r % areaSamples.length]!);
  return { precision: cols.precision, areaSamples: bySighting };
}

/** Vertices and edge midpoints of each zone's outer rings, `perRing` of each, picked at random. */
function edgePoints(zones: readonly Zone[], perRing: number, seed: number): [number, number][] {
  const rnd = mulberry32(seed);
  const extra: [number, number][] = [];
  for (const z of zones) for (const rings of zoneComponents(z)) {
    const ring = rings[0]!;
    for (let k = 0; k < perRing; k++) {
      const v = Math.floor(rnd() * (ring.length - 1));
      const a = ring[v]!, b = ring[v + 1]!;
      extra.push([a[0]!, a[1]!], [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]);
    }
  }
  return extra;
}

/** Points spread uniformly over each zone's bounding box (so every zone has members and near misses). */
function boxPoints(zones: readonly Zone[], perZone: number, seed: number): [number, number][] {
  const rnd = mulberry32(seed);
  const out: [number, number][] = [];
  for (const z of zones) {
    const [minX, minY, maxX, maxY] = bbox(z.polygon);
    for (let k = 0; k < perZone; k++) out.push([minX + rnd() * (maxX - minX), minY + rnd() * (maxY - minY)]);
  }
  return out;
}

/**
 * Membership differences (missing plus extra) between the engine's join and the naive reference, both
 * under the location-precision rule; `excluded` counts the region reports the rule set apart.
 */
function differencesFrom(cols: Columns, zones: readonly Zone[], regions: RegionRule) {
  const join = spatialJoin(cols, zones, { regions });
  const naive = naiveMembership(cols, zones, regions);
  let differences = 0, members = 0, empty = 0, excluded = 0, regionMembers = 0;
  naive.forEach((expected, z) => {
    const got = new Set(join.zones[z]!.members);
    members += expected.length;
    excluded += join.zones[z]!.excluded?.members.length ?? 0;
    for (const i of expected) if (cols.precision[i] === REGION) regionMembers++;
    if (expected.length === 0) empty++;
    for (const i of expected) if (!got.has(i)) differences++;
    differences += got.size - expected.filter((i) => got.has(i)).length;
  });
  return { differences, members, empty, excluded, regionMembers };
}

describe('spatial join equals the naive Turf reference (location-precision rule applied by both)', () => {
  const geo = loadBenchGeodata();
  const areaSamples = [...areaRegions(geo.areas).values()];
  it.each([25, 5, 100])('zero differences on ≥ 10,000 synthetic sightings over all corridors at %i km', (widthKm) => {
    const zones = buildCorridors(geo.routes, widthKm, { nodes: geo.nodes });
    const base = generateSynthetic({ n: 10_000, seed: widthKm, routes: geo.routes, nodes: geo.nodes });
    const cols = withAdversarial(base, edgePoints(zones, 6, 7));
    const r = differencesFrom(cols, zones, ruleFor(cols, areaSamples));
    expect(r.members).toBeGreaterThan(1000);
    expect(r.excluded).toBeGreaterThan(100);
    // At 100 km a disc region can lie mostly inside a corridor; at 5 and 25 km none can.
    if (widthKm === 100) expect(r.regionMembers).toBeGreaterThan(10);
    expect(r.differences).toBe(0);
  });

  it('zero differences over every node catchment and every area', () => {
    const zones = [...nodeCatchments(geo.nodes), ...areaZones(geo.areas)];
    expect(zones.length).toBe(geo.nodes.filter((n) => n.properties.partOf === undefined).length + geo.areas.length);
    const base = generateSynthetic({ n: 10_000, seed: 11, routes: geo.routes, nodes: geo.nodes });
    const extra = [...edgePoints(zones, 4, 13), ...boxPoints(zones, 20, 17)];
    const cols = withAdversarial(base, extra);
    const r = differencesFrom(cols, zones, ruleFor(cols, areaSamples));
    expect(r.empty).toBe(0);
    expect(r.excluded).toBeGreaterThan(100);
    expect(r.members).toBeGreaterThan(zones.length * 10);
    expect(r.differences).toBe(0);
  });
});
