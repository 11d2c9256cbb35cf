import { describe, expect, it } from 'vitest';
import { areaZones, nodeCatchments } from '../../../src/metrics/catchments';
import { buildCorridors } from '../../../src/metrics/corridors';
import { spatialJoin } from '../../../src/metrics/join';
import { naiveMembership } from '../../../src/metrics/naive';
import { allocColumns, type Columns } from '../../../src/metrics/columns';
import { zoneComponents } from '../../../src/metrics/zones';
import { loadBenchGeodata } from '../../../scripts/lib/geodata';
import { generateSynthetic, mulberry32 } from '../../../scripts/lib/synthetic';

/** Synthetic points plus adversarial ones: exactly on polygon vertices and edge midpoints. */
function withAdversarial(base: Columns, extra: [number, number][]): Columns {
  const n = base.length + extra.length;
  const cols = allocColumns(n, [...base.ids, ...extra.map((_, k) => `adv-${k}`)]);
  cols.lon.set(base.lon); cols.lat.set(base.lat); cols.day.set(base.day);
  extra.forEach(([x, y], k) => { cols.lon[base.length + k] = x; cols.lat[base.length + k] = y; cols.day[base.length + k] = 19600; });
  return cols;
}

describe('spatial join equals the naive Turf reference', () => {
  const geo = loadBenchGeodata();
  it.each([25, 5, 100])('zero differences on ≥ 10,000 synthetic sightings over all corridors at %i km', (widthKm) => {
    const corridors = buildCorridors(geo.routes, widthKm, { nodes: geo.nodes });
    const zones = [...corridors, ...nodeCatchments(geo.nodes.slice(0, 30)), ...areaZones([])];
    const rnd = mulberry32(7);
    const extra: [number, number][] = [];
    for (const z of zones) for (const rings of zoneComponents(z)) {
      const ring = rings[0]!;
      for (let k = 0; k < 6; k++) {
        const v = Math.floor(rnd() * (ring.length - 1));
        const a = ring[v]!, b = ring[v + 1]!;
        extra.push([a[0]!, a[1]!], [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2]);
      }
    }
    const cols = withAdversarial(generateSynthetic({ n: 10_000, seed: widthKm, routes: geo.routes, nodes: geo.nodes }), extra);
    const join = spatialJoin(cols, zones);
    const naive = naiveMembership(cols, zones);
    let differences = 0, members = 0;
    naive.forEach((expected, z) => {
      const got = new Set(join.zones[z]!.members);
      members += expected.length;
      for (const i of expected) if (!got.has(i)) differences++;
      differences += got.size - expected.filter((i) => got.has(i)).length;
    });
    expect(members).toBeGreaterThan(1000);
    expect(differences).toBe(0);
  });
});
