/**
 * A zone is anything sightings are counted in: a corridor (route + width), a node catchment (circle) or
 * an area (its polygon). Membership is "inside `polygon`" exactly as `turf.booleanPointInPolygon` decides,
 * including its convention that the boundary counts as inside.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type ZoneKind = 'corridor' | 'node' | 'area';

/** One leg (hub to hub, or a sub-leg of a long leg) of a corridor, buffered on its own. */
export interface Leg {
  /** Along-route km of the leg's first and last vertex. */
  fromKm: number;
  toKm: number;
  coordinates: Position[];
}

export interface Zone {
  /** The route, node or area id. */
  id: string;
  kind: ZoneKind;
  name: string;
  /** The polygon drawn on the map and used for membership; corridors are a MultiPolygon of leg buffers. */
  polygon: Feature<Polygon | MultiPolygon>;
  /** Route length, km (corridors only; used for density per 1,000 km). */
  lengthKm?: number;
  /** Corridors: route mode (rail, sea, …). Nodes: node kind. Areas: area kind. */
  subkind: string;
  /** Corridor half-width or node catchment radius, km. */
  widthKm?: number;
}

export interface Corridor extends Zone {
  kind: 'corridor';
  routeId: string;
  widthKm: number;
  lengthKm: number;
  /** The route line as drawn. */
  line: Position[];
  /** Geodesic km from the route start at each vertex of `line`. */
  vertexKm: Float64Array;
  legs: Leg[];
}

/** The component polygons (rings) of a zone polygon. */
export function zoneComponents(zone: Zone): Position[][][] {
  const g = zone.polygon.geometry;
  return g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
}
