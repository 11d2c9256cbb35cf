/**
 * Which region reports name an area as their place (the precision rule takes that area as their region).
 * Types only besides this: cheap to import on the page, which builds the list for the worker.
 */
import type { SightingFeature } from '../domain/schemas';
import type { RegionAreas } from './protocol';

/**
 * Region reports of `sightings` whose `place` is one of `areaIds`, with index offset `offset`.
 * @example regionAreasOf(data.sightings, new Set(data.areas.map((a) => a.properties.id)))
 */
export function regionAreasOf(sightings: readonly SightingFeature[], areaIds: ReadonlySet<string>, offset = 0): RegionAreas {
  const index: number[] = [], ids: string[] = [];
  sightings.forEach((s, i) => {
    const place = s.properties.place;
    if (s.properties.location === 'region' && place && areaIds.has(place)) { index.push(offset + i); ids.push(place); }
  });
  return { index: Uint32Array.from(index), areaIds: ids };
}

