/** The bundled geodata read straight from the files, so tests compute expected answers independently. */
import { readFileSync } from 'node:fs';
import type { SightingFeature, Source } from '../../../src/domain/schemas';

export const sightings = (JSON.parse(readFileSync('geodata/sightings.geojson', 'utf8')) as { features: SightingFeature[] }).features;
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
