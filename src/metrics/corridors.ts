/**
 * Corridors: a route buffered by a width. `turf.buffer` projects around the feature's centre, so a long
 * route is buffered leg by leg (hub to hub, then sub-legs of at most `maxLegKm`) and the leg buffers are
 * kept together as one MultiPolygon; each leg's edge then stays within ~0.1 % of the width.
 */
import { buffer, distance, lineString } from '@turf/turf';
import type { MultiPolygon, Position } from 'geojson';
import type { NodeFeature, RouteFeature } from '../domain/schemas';
import type { Corridor, Leg } from './zones';

/** Default corridor half-width, km. */
export const DEFAULT_WIDTH_KM = 25;
/** The UI's width range, km. */
export const MIN_WIDTH_KM = 5;
export const MAX_WIDTH_KM = 100;
/** Longest sub-leg buffered in one projection, km (keeps the projection's scale error ≪ 2 %). */
export const DEFAULT_MAX_LEG_KM = 400;

export interface CorridorOptions {
  /** Nodes whose positions split a route into hub-to-hub legs (vertices within ~10 m of a node). */
  nodes?: readonly NodeFeature[];
  /** Longest sub-leg, km. */
  maxLegKm?: number;
  /** Segments per quarter circle in the buffer's round caps and joins (Turf's default 8). */
  steps?: number;
}

/** Geodesic km at each vertex of a line. */
export function cumulativeKm(line: readonly Position[]): Float64Array {
  const km = new Float64Array(line.length);
  for (let i = 1; i < line.length; i++) km[i] = km[i - 1]! + distance(line[i - 1]!, line[i]!);
  return km;
}

function lerp(a: Position, b: Position, t: number): Position {
  return [a[0]! + (b[0]! - a[0]!) * t, a[1]! + (b[1]! - a[1]!) * t];
}

/**
 * Split a line into legs at hub vertices, then into sub-legs of at most `maxLegKm`. A single segment
 * longer than `maxLegKm` is cut at evenly spaced points interpolated linearly in lon/lat.
 */
export function splitLegs(line: readonly Position[], isHub: (p: Position) => boolean, maxLegKm: number): Leg[] {
  // Densify: no segment longer than maxLegKm.
  const pts: Position[] = [line[0]!];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const pieces = Math.ceil(distance(a, b) / maxLegKm);
    for (let k = 1; k < pieces; k++) pts.push(lerp(a, b, k / pieces));
    pts.push(b);
  }
  const km = cumulativeKm(pts);
  const legs: Leg[] = [];
  let start = 0;
  for (let i = 1; i < pts.length; i++) {
    const last = i === pts.length - 1;
    const nextTooLong = !last && km[i + 1]! - km[start]! > maxLegKm;
    if (last || nextTooLong || isHub(pts[i]!)) {
      legs.push({ fromKm: km[start]!, toKm: km[i]!, coordinates: pts.slice(start, i + 1) });
      start = i;
    }
  }
  return legs;
}

/**
 * Corridors for routes at a half-width of `widthKm` (the UI offers 5–100 km).
 * @param widthKm buffer distance either side of the route, km
 * @example buildCorridors(data.routes, 25, { nodes: data.nodes })[0].polygon // MultiPolygon of leg buffers
 */
export function buildCorridors(
  routes: readonly RouteFeature[],
  widthKm: number = DEFAULT_WIDTH_KM,
  options: CorridorOptions = {},
): Corridor[] {
  const maxLegKm = options.maxLegKm ?? DEFAULT_MAX_LEG_KM;
  const steps = options.steps ?? 8;
  const hubKeys = new Set<string>();
  for (const n of options.nodes ?? []) {
    const [x, y] = n.geometry.coordinates;
    hubKeys.add(`${x!.toFixed(4)},${y!.toFixed(4)}`);
  }
  const isHub = (p: Position) => hubKeys.has(`${p[0]!.toFixed(4)},${p[1]!.toFixed(4)}`);
  return routes.map((route) => {
    const line = route.geometry.coordinates as Position[];
    const legs = splitLegs(line, isHub, maxLegKm);
    const polys: MultiPolygon['coordinates'] = [];
    for (const leg of legs) {
      const b = buffer(lineString(leg.coordinates), widthKm, { units: 'kilometers', steps });
      if (!b) continue;
      if (b.geometry.type === 'Polygon') polys.push(b.geometry.coordinates);
      else polys.push(...b.geometry.coordinates);
    }
    const vertexKm = cumulativeKm(line);
    const p = route.properties;
    return {
      id: p.id,
      routeId: p.id,
      kind: 'corridor' as const,
      name: p.name,
      subkind: p.mode,
      widthKm,
      lengthKm: vertexKm[vertexKm.length - 1] ?? 0,
      line,
      vertexKm,
      legs,
      polygon: {
        type: 'Feature' as const,
        properties: { zone: p.id, kind: 'corridor', widthKm },
        geometry: { type: 'MultiPolygon' as const, coordinates: polys },
      },
    };
  });
}
