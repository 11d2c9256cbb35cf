/**
 * Node catchments (circles of `catchmentKm` around a node) and areas (their own polygons) as zones.
 */
import { circle } from '@turf/turf';
import type { AreaFeature, NodeFeature } from '../domain/schemas';
import type { Zone } from './zones';

/** Default node catchment radius, km, for nodes without `properties.catchmentKm`. */
export const DEFAULT_CATCHMENT_KM = 25;

/**
 * A circle zone per node (except nodes that are `partOf` another), radius `properties.catchmentKm` or
 * `defaultKm`, 64 vertices.
 * @param defaultKm radius in km for nodes that state none
 */
export function nodeCatchments(nodes: readonly NodeFeature[], defaultKm: number = DEFAULT_CATCHMENT_KM): Zone[] {
  // A node that is part of another's site counts in that node's catchment; a second circle would count its reports twice.
  return nodes.filter((n) => n.properties.partOf === undefined).map((n) => {
    const radiusKm = n.properties.catchmentKm ?? defaultKm;
    const c = circle(n.geometry.coordinates, radiusKm, { units: 'kilometers', steps: 64 });
    return {
      id: n.properties.id,
      kind: 'node' as const,
      name: n.properties.name,
      subkind: n.properties.kind,
      widthKm: radiusKm,
      polygon: { type: 'Feature' as const, properties: { zone: n.properties.id, kind: 'node' }, geometry: c.geometry },
    };
  });
}

/** Areas as zones, polygon used as-is. */
export function areaZones(areas: readonly AreaFeature[]): Zone[] {
  return areas.map((a) => ({
    id: a.properties.id,
    kind: 'area' as const,
    name: a.properties.name,
    subkind: a.properties.kind,
    polygon: {
      type: 'Feature' as const,
      properties: { zone: a.properties.id, kind: 'area' },
      geometry: { type: 'Polygon' as const, coordinates: a.geometry.coordinates },
    },
  }));
}
