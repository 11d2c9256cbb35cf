/**
 * Sea legs are drawn over water: no point of a leg (densified every 500 m) lies on land in the basemap's
 * world-atlas 50m land, except within 5 km of the ports at either end (port positions are ±2 km and the
 * 50m coastline is generalised). world-atlas polygons are cut at the antimeridian; clipping each land
 * polygon to the leg's bounding box keeps only nearby rings and avoids wrap-around artefacts.
 */
import { along, bbox, bboxClip, booleanPointInPolygon, length, lineString, polygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import land50 from 'world-atlas/land-50m.json';
import { loadGeodata } from '../../src/domain/load';
import { GEODATA_DIR, readGeodataDir } from '../fixtures/geodata/read';

const topo = land50 as unknown as Topology;
type LandFeature = Feature<MultiPolygon | Polygon>;
const landGeo = feature(topo, topo.objects.land!) as unknown as LandFeature | FeatureCollection<MultiPolygon | Polygon>;
const landFeatures: LandFeature[] = landGeo.type === 'FeatureCollection' ? landGeo.features : [landGeo];
const LAND_RINGS = landFeatures.flatMap((f) =>
  f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
);

const PORT_MARGIN_KM = 5;
const STEP_KM = 0.5;

/** Along-line km of every densified point that falls on land, away from the ends. */
function landHitsKm(coords: number[][]): number[] {
  const line = lineString(coords);
  const [w, s, e, n] = bbox(line);
  const box: [number, number, number, number] = [w - 0.5, s - 0.5, e + 0.5, n + 0.5];
  const nearby = LAND_RINGS.map((p) => bboxClip(polygon(p), box) as Feature<Polygon>).filter((p) =>
    p.geometry.coordinates.some((ring) => ring.length >= 4),
  );
  const total = length(line);
  const hits: number[] = [];
  for (let km = PORT_MARGIN_KM; km <= total - PORT_MARGIN_KM; km += STEP_KM) {
    const pt = along(line, km);
    if (nearby.some((p) => booleanPointInPolygon(pt, p))) hits.push(Math.round(km));
  }
  return hits;
}

describe('sea legs', () => {
  const { data } = loadGeodata(readGeodataDir(GEODATA_DIR));
  const sea = data.routes.filter((r) => r.properties.mode === 'sea');

  it('exist for the reported shipping and troop legs', () => {
    expect(sea.length).toBeGreaterThanOrEqual(5);
  });

  it.each(sea.map((r) => [r.properties.id, r.geometry.coordinates]))('%s does not cross land at 50m', (_id, coords) => {
    expect(landHitsKm(coords)).toEqual([]);
  });

  it('the land check does catch a leg drawn across land (Rajin → Vladivostok overland)', () => {
    expect(landHitsKm([[130.3, 42.24], [131.89, 43.11]]).length).toBeGreaterThan(0);
  });
});
