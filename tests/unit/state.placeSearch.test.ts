import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { AreaFeature, NodeFeature, RouteFeature } from '../../src/domain/schemas';
import { NODE_STYLE } from '../../src/layers/style';
import places from '../../src/map/data/places.json';
import { corridorBox, startCorridorFraming } from '../../src/state/corridorFraming';
import { buildPlaceIndex, fold, searchPlaces } from '../../src/state/placeSearch';
import { actions, initialState, useStore } from '../../src/state/store';

const read = <T>(f: string) => (JSON.parse(readFileSync(`geodata/${f}`, 'utf8')) as { features: T[] }).features;
const nodes = read<NodeFeature>('nodes.geojson');
const areas = read<AreaFeature>('areas.geojson');
const index = buildPlaceIndex(nodes, areas, places.places, (k) => NODE_STYLE[k].label);
const names = (q: string) => searchPlaces(index, q).map((h) => h.name);

describe('place search', () => {
  test('folding ignores case, accents and punctuation', () => {
    expect(fold('  Korea–Russia Friendship Bridge ')).toBe('korea russia friendship bridge');
    expect(fold('Orël')).toBe('orel');
  });
  test('finds the network’s nodes by any word of their name', () => {
    expect(names('Khasan')[0]).toBe('Khasan station');
    expect(searchPlaces(index, 'najin').map((h) => h.featureId)).toContain('rajin-port');
    expect(names('tumangang')[0]).toBe('Tumangang station');
  });
  test('a node outranks a Natural Earth city of the same name; the city is still found', () => {
    const hits = searchPlaces(index, 'ussuriysk');
    expect(hits[0]).toMatchObject({ name: 'Ussuriysk', kind: 'node', featureId: 'ussuriysk' });
    expect(hits.some((h) => h.kind === 'area' && h.name === 'Ussuriysk training area')).toBe(true);
  });
  test('areas frame their outline; cities and nodes a point', () => {
    const area = searchPlaces(index, 'sudzha salient')[0]!;
    expect(area).toMatchObject({ kind: 'area', featureId: 'area-kursk-combat' });
    const [w, s, e, n] = area.box;
    expect(e - w).toBeGreaterThan(0.3);
    expect(n - s).toBeGreaterThan(0.2);
    const city = searchPlaces(index, 'ulaanbaatar')[0]!;
    expect(city).toMatchObject({ kind: 'city', featureId: null });
    expect(city.box[0]).toBe(city.box[2]);
  });
  test('every word must match; nothing for nonsense or an empty query', () => {
    expect(names('kursk combat')).toEqual(['Kursk combat area (Sudzha salient)']);
    expect(names('zzzq')).toEqual([]);
    expect(names('   ')).toEqual([]);
    expect(names('__proto__')).toEqual([]);
  });
  test('at most 8 hits', () => {
    expect(searchPlaces(index, 'a').length).toBe(8);
  });
});

// A route from (130, 0) via (131, 0.5) to (132, 1): 1° of latitude is 111.32 km.
const route = {
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: [[130, 0], [131, 0.5], [132, 1]] },
  properties: { id: 'rail-test', name: 'Test', mode: 'rail', from: 'a', to: 'b', role: ['general'], sources: [], accuracy: 'schematic' },
} as unknown as RouteFeature;

describe('corridor framing', () => {
  test('the box is the route’s extent plus the width either side', () => {
    const [w, s, e, n] = corridorBox(route, 111.32);
    expect(s).toBeCloseTo(-1, 6);
    expect(n).toBeCloseTo(2, 6);
    // At latitude 1° a degree of longitude is 111.32 × cos 1° km: the pad is 1 / cos 1° = 1.000152°.
    expect(w).toBeCloseTo(130 - 1.000152, 5);
    expect(e).toBeCloseTo(132 + 1.000152, 5);
  });
  test('selecting a corridor frames it; one arriving with a camera (a link, Back) does not', () => {
    useStore.setState(initialState());
    actions.setData({ nodes: [], routes: [route], areas: [], sightings: [], sources: new Map(), byId: new Map() }, [], []);
    const stop = startCorridorFraming();
    actions.select({ corridorId: 'rail-test' });
    const f = useStore.getState().flyTo!;
    expect(f.bounds).toEqual([[corridorBox(route, 25)[0], corridorBox(route, 25)[1]], [corridorBox(route, 25)[2], corridorBox(route, 25)[3]]]);
    expect(f.zoom).toBe(10);
    actions.select({ corridorId: null });
    const before = useStore.getState().flyTo;
    useStore.setState((s) => ({ camera: { ...s.camera, zoom: 6 }, selection: { ...s.selection, corridorId: 'rail-test' } }));
    expect(useStore.getState().flyTo).toBe(before);
    stop();
  });
});
