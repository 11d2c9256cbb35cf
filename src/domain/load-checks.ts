/**
 * Second pass of loading: checks that need more than one feature or more than one file — references
 * between files, date order, polygon validity. Each returns the errors (and warnings) for one feature.
 */
import { booleanClockwise, booleanValid, distance, kinks } from '@turf/turf';
import { dateEndDay, dateToDay } from './dates';
import type { AreaFeature, NodeFeature, RouteFeature, SightingFeature } from './schemas';
import type { GeodataError } from './types';

type Emit = (field: string, message: string) => void;

/** Every id in `sources` must exist in sources.json. */
export function checkSources(ids: readonly string[], field: string, known: ReadonlySet<string>, emit: Emit): void {
  ids.forEach((id, i) => {
    if (!known.has(id)) emit(`${field}.${i}`, `unknown source "${id}" (not in sources.json)`);
  });
}

/** `to` must not be before `from`; a month-only `to` runs to the end of its month. */
export function checkPeriod(p: { from: string; to?: string | undefined } | undefined, field: string, emit: Emit): void {
  if (p?.to !== undefined && dateEndDay(p.to) < dateToDay(p.from)) {
    emit(`${field}.to`, `period ends (${p.to}) before it starts (${p.from})`);
  }
}

/** Known sources; `partOf` names another node that is not itself part of a third (one level). */
export function checkNode(n: NodeFeature, known: ReadonlySet<string>, nodes: ReadonlyMap<string, NodeFeature>, emit: Emit): void {
  checkSources(n.properties.sources, 'properties.sources', known, emit);
  if (n.properties.baseline) checkSources(n.properties.baseline.sources, 'properties.baseline.sources', known, emit);
  const parent = n.properties.partOf;
  if (parent === undefined) return;
  const p = nodes.get(parent);
  if (!p || parent === n.properties.id) emit('properties.partOf', `unknown node "${parent}"`);
  else if (p.properties.partOf !== undefined) emit('properties.partOf', `"${parent}" is itself part of "${p.properties.partOf}"; name that node`);
}

/** Endpoints further than this from their from/to node are reported as warnings. */
export const ROUTE_ENDPOINT_TOLERANCE_KM = 5;

export function checkRoute(
  r: RouteFeature,
  nodes: ReadonlyMap<string, NodeFeature>,
  known: ReadonlySet<string>,
  emit: Emit,
  warn: Emit,
): void {
  const p = r.properties;
  checkSources(p.sources, 'properties.sources', known, emit);
  checkPeriod(p.period, 'properties.period', emit);
  const coords = r.geometry.coordinates;
  const ends: [field: 'from' | 'to', id: string, pos: number[] | undefined][] = [
    ['from', p.from, coords[0]],
    ['to', p.to, coords[coords.length - 1]],
  ];
  for (const [field, id, pos] of ends) {
    const node = nodes.get(id);
    if (!node) {
      emit(`properties.${field}`, `unknown node "${id}"`);
    } else if (pos) {
      const km = distance(node.geometry.coordinates, pos, { units: 'kilometers' });
      if (km > ROUTE_ENDPOINT_TOLERANCE_KM) {
        warn(`properties.${field}`, `line ${field === 'from' ? 'starts' : 'ends'} ${km.toFixed(1)} km from node "${id}"`);
      }
    }
  }
  p.via.forEach((id, i) => {
    if (!nodes.has(id)) emit(`properties.via.${i}`, `unknown node "${id}"`);
  });
}

function samePos(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return !!a && !!b && a[0] === b[0] && a[1] === b[1];
}

/** Closed rings, no self-intersection, valid per turf; a clockwise exterior ring is only a warning. */
export function checkPolygon(a: AreaFeature, emit: Emit, warn: Emit): void {
  const rings = a.geometry.coordinates;
  let closed = true;
  rings.forEach((ring, i) => {
    if (!samePos(ring[0], ring[ring.length - 1])) {
      closed = false;
      emit(`geometry.coordinates.${i}`, 'ring is not closed (first and last positions differ)');
    }
  });
  if (!closed) return;
  const crossings = kinks(a).features;
  if (crossings.length > 0) {
    const at = crossings[0]!.geometry.coordinates.map((c) => c.toFixed(3)).join(',');
    emit('geometry.coordinates', `polygon is self-intersecting (${crossings.length} crossing(s), first at ${at})`);
    return;
  }
  if (!booleanValid(a)) {
    emit('geometry.coordinates', 'polygon is not valid (turf.booleanValid)');
    return;
  }
  const outer = rings[0];
  if (outer && booleanClockwise(outer)) {
    warn('geometry.coordinates.0', 'exterior ring is clockwise; RFC 7946 asks for counter-clockwise');
  }
}

export function checkArea(a: AreaFeature, known: ReadonlySet<string>, emit: Emit, warn: Emit): void {
  checkSources(a.properties.sources, 'properties.sources', known, emit);
  checkPeriod(a.properties.period, 'properties.period', emit);
  checkPolygon(a, emit, warn);
}

export function checkSighting(
  s: SightingFeature,
  places: ReadonlySet<string>,
  known: ReadonlySet<string>,
  emit: Emit,
): void {
  const p = s.properties;
  checkSources(p.sources, 'properties.sources', known, emit);
  if (p.dateEnd !== undefined && dateEndDay(p.dateEnd) < dateToDay(p.date)) {
    emit('properties.dateEnd', `dateEnd (${p.dateEnd}) is before date (${p.date})`);
  }
  if (p.place !== undefined && !places.has(p.place)) {
    emit('properties.place', `unknown place "${p.place}" (not a node or area id)`);
  }
}

/** An `Emit` pair bound to one feature, collecting into the given lists. */
export function emitterFor(
  file: string,
  feature: string,
  errors: GeodataError[],
  warnings: GeodataError[],
): { emit: Emit; warn: Emit; count: () => number } {
  let n = 0;
  return {
    emit: (field, message) => {
      n += 1;
      errors.push({ file, feature, field, message });
    },
    warn: (field, message) => warnings.push({ file, feature, field, message }),
    count: () => n,
  };
}
