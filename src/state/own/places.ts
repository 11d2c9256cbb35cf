/**
 * Which named places a position is near: the areas it lies in and the nodes nearest to it, for the
 * report form's `place` choice. Pure: positions, nodes and areas in, a short ranked list out.
 */
import { booleanPointInPolygon, distance } from '@turf/turf';
import type { AreaFeature, NodeFeature } from '../../domain/schemas';

export interface PlaceOption {
  id: string;
  name: string;
  kind: 'node' | 'area';
  /** Great-circle km from the position to the node; 0 for an area the position lies in. */
  distanceKm: number;
}

/** Nodes farther than this are not offered: a report is rarely "at" a place 150 km away. */
export const PLACE_RADIUS_KM = 150;
/** The nearest place is chosen for the analyst only when this close (or an area holds the position). */
export const SUGGEST_KM = 30;

/**
 * Areas holding the position first, then the nodes within `PLACE_RADIUS_KM`, nearest first; at most `max`.
 * A node that is part of a site (`partOf`) is offered as that site when the site is loaded.
 * @example placesNear(130.64, 42.43, nodes, areas)[0] // { id: 'tumangang', name: 'Tumangang …', kind: 'node', distanceKm: 0.4 }
 */
export function placesNear(lon: number, lat: number, nodes: readonly NodeFeature[], areas: readonly AreaFeature[], max = 6): PlaceOption[] {
  const at: [number, number] = [lon, lat];
  const inside: PlaceOption[] = areas
    .filter((a) => booleanPointInPolygon(at, a.geometry))
    .map((a) => ({ id: a.properties.id, name: a.properties.name, kind: 'area', distanceKm: 0 }));
  const ids = new Set(nodes.map((n) => n.properties.id));
  const best = new Map<string, PlaceOption>();
  for (const n of nodes) {
    const site = n.properties.partOf && ids.has(n.properties.partOf) ? nodes.find((x) => x.properties.id === n.properties.partOf)! : n;
    const km = distance(at, n.geometry.coordinates as [number, number], { units: 'kilometers' });
    if (km > PLACE_RADIUS_KM) continue;
    const prior = best.get(site.properties.id);
    if (!prior || km < prior.distanceKm) best.set(site.properties.id, { id: site.properties.id, name: site.properties.name, kind: 'node', distanceKm: km });
  }
  const near = [...best.values()].sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name));
  return [...inside, ...near].slice(0, max);
}

/**
 * The place the form fills in for the analyst: an area holding the position, else the nearest node when
 * within `SUGGEST_KM`, else none (the analyst can still choose one).
 */
export function suggestedPlace(options: readonly PlaceOption[]): PlaceOption | null {
  const nearest = options.find((o) => o.kind === 'node');
  if (nearest && nearest.distanceKm <= SUGGEST_KM) return nearest;
  return options.find((o) => o.kind === 'area') ?? null;
}
