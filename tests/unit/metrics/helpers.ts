type Position = [number, number];
import type { NodeFeature, RouteFeature, SightingFeature } from '../../../src/domain/schemas';

/** Deep-freeze a test input so any mutation throws. */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

export function createRoute(id: string, coordinates: Position[], mode: 'rail' | 'sea' = 'rail'): RouteFeature {
  return deepFreeze({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates },
    properties: { id, name: id, sources: ['fixture'], accuracy: 'schematic', mode, from: 'a', to: 'b', via: [], role: ['munitions'] },
  });
}

export function createNode(id: string, at: Position, extra: Partial<NodeFeature['properties']> = {}): NodeFeature {
  return deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: at },
    properties: { id, name: id, sources: ['fixture'], accuracy: 'approximate', kind: 'rail-hub', country: 'RUS', ...extra },
  });
}

let seq = 0;
export function createSighting(at: Position, date: string, extra: Partial<SightingFeature['properties']> = {}): SightingFeature {
  seq++;
  return deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: at },
    properties: {
      id: `t-${seq}`, name: `t ${seq}`, date, category: 'munitions-shipment', summary: 'Test.', confidence: 'high',
      location: 'exact', sources: ['src-a'], ...extra,
    },
  });
}
