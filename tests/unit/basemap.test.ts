import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import { buildBasemap, maxLonJump, unwrapRing, COUNTRY_IDS } from '../../src/map/basemap';

describe('unwrapRing', () => {
  test('a ring that jumps across the antimeridian is shifted to stay continuous', () => {
    const ring = [[179, 65], [-179, 65], [-179, 66], [179, 66], [179, 65]];
    expect(unwrapRing(ring)).toEqual([[179, 65], [181, 65], [181, 66], [179, 66], [179, 65]]);
  });
  test('a ring that does not cross is returned unchanged (as a copy)', () => {
    const ring = [[30, 50], [31, 50], [31, 51], [30, 50]];
    const out = unwrapRing(ring);
    expect(out).toEqual(ring);
    expect(out).not.toBe(ring);
  });
});

describe('buildBasemap on world-atlas 50m', () => {
  const basemap = buildBasemap(countries50m as unknown as Topology);
  test('no ring or border line jumps more than 180° of longitude (no stripes across the map)', () => {
    const rings = basemap.countries.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? f.geometry.coordinates : f.geometry.coordinates.flat(),
    );
    expect(maxLonJump(rings)).toBeLessThan(180);
    expect(maxLonJump(basemap.borders.geometry.coordinates)).toBeLessThan(180);
  });
  test('keeps the theatre countries and leaves Antarctica out', () => {
    const ids = new Set(basemap.countries.features.map((f) => f.properties.id));
    for (const id of Object.values(COUNTRY_IDS)) expect(ids.has(id)).toBe(true);
    expect(ids.has('010')).toBe(false);
  });
  test('every ring stays closed after unwrapping', () => {
    for (const f of basemap.countries.features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polys.flat()) expect(ring[0]).toEqual(ring[ring.length - 1]);
    }
  });
});
