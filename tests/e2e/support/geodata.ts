/** The bundled geodata read straight from the files, so tests compute expected answers independently. */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { AreaFeature, NodeFeature, RouteFeature, SightingFeature, Source } from '../../../src/domain/schemas';
import { buildCorridors } from '../../../src/metrics/corridors';
import { discSamples, insideShare, MOSTLY, polygonSamples } from '../../../src/metrics/precision';
import type { Corridor, Zone } from '../../../src/metrics/zones';

/** The features of one file in geodata/. */
export const features = <T>(file: string) => (JSON.parse(readFileSync(`geodata/${file}`, 'utf8')) as { features: T[] }).features;

export const sightings = features<SightingFeature>('sightings.geojson');
export const routes = [...features<RouteFeature>('rail-routes.geojson'), ...features<RouteFeature>('sea-routes.geojson')];
export const nodes = features<NodeFeature>('nodes.geojson');
export const areas = features<AreaFeature>('areas.geojson');

/**
 * Whether a report counts in a zone under the location-precision rule, by brute force: inside the
 * polygon, and for a region report at least half of its region's sample points inside too (the area its
 * place names, else the 100 km disc) — the rule of src/metrics/README.md, tested plainly with Turf.
 */
export function countsIn(zone: Pick<Zone, 'polygon'>, s: SightingFeature): boolean {
  const inside = (x: number, y: number) => booleanPointInPolygon([x, y], zone.polygon);
  const [x, y] = s.geometry.coordinates as [number, number];
  if (!inside(x, y)) return false;
  if (s.properties.location !== 'region') return true;
  const area = areas.find((a) => a.properties.id === s.properties.place);
  return insideShare(area ? polygonSamples(area.geometry.coordinates) : discSamples(x, y), inside) >= MOSTLY;
}

/** The corridor of one route as the engine builds it (leg-by-leg buffers): what the app counts. */
export const corridorOf = (routeId: string, widthKm: number): Corridor =>
  buildCorridors(routes.filter((r) => r.properties.id === routeId), widthKm, { nodes })[0]!;
export const sources = new Map((JSON.parse(readFileSync('geodata/sources.json', 'utf8')) as Source[]).map((s) => [s.id, s]));

/** Days since 1970-01-01 of `YYYY-MM-DD` or `YYYY-MM` (first of the month). */
export const day = (iso: string) => Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`) / 86_400_000;

/** A sighting in the theatre with no other sighting within `sepDeg` degrees: safe to click. */
export function isolatedSighting(sepDeg = 1.2): SightingFeature {
  const ok = sightings.filter((a) => {
    const [x, y] = a.geometry.coordinates as [number, number];
    if (x < 35 || x > 132) return false;
    return sightings.every((b) => b === a || Math.hypot(b.geometry.coordinates[0]! - x, b.geometry.coordinates[1]! - y) > sepDeg);
  });
  if (!ok.length) throw new Error('no isolated sighting in the data');
  return ok.sort((a, b) => a.properties.id.localeCompare(b.properties.id))[0]!;
}
