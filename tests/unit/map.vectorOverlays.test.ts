import { describe, expect, test } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import type { AreaFeature, RouteFeature } from '../../src/domain/schemas';
import { basemapStyle, buildBasemap, plainStyle } from '../../src/map/basemap';
import { styleHolds, syncVectorOverlays, vectorFeatureAt, vectorOverlays, type VectorInputs } from '../../src/map/vectorOverlays';
import { DEFAULT_LAYERS } from '../../src/state/types';
import { features } from '../e2e/support/geodata';

const areas = features<AreaFeature>('areas.geojson');
const routes = [...features<RouteFeature>('rail-routes.geojson'), ...features<RouteFeature>('sea-routes.geojson')];
const inputs = (patch: Partial<VectorInputs> = {}): VectorInputs => ({ areas, routes, on: DEFAULT_LAYERS, highlightId: null, ...patch });
const OVERLAY_IDS = ['area-fills', 'area-lines', 'routes-rail', 'routes-sea'];

type Rendered = { layer: { id: string }; properties: Record<string, unknown> };

/** A stand-in for the few MapLibre calls the overlays make, recording the ones that change something. */
function fakeMap(rendered: (at: unknown, layers: string[]) => Rendered[] = () => []) {
  const calls: string[] = [];
  const visibility = new Map(OVERLAY_IDS.map((id) => [id, 'visible']));
  const state = new Map<string, Record<string, unknown>>();
  const map = {
    getSource: (id: string) => ({ setData: () => void calls.push(`setData ${id}`) }),
    getLayer: (id: string) => (visibility.has(id) ? {} : undefined),
    getLayoutProperty: (id: string) => visibility.get(id),
    setLayoutProperty: (id: string, _k: string, v: string) => {
      visibility.set(id, v);
      calls.push(`${id} ${v}`);
    },
    getFeatureState: (f: { source: string; id: string }) => state.get(`${f.source}/${f.id}`) ?? {},
    setFeatureState: (f: { source: string; id: string }, s: Record<string, unknown>) => {
      state.set(`${f.source}/${f.id}`, s);
      calls.push(`${f.source}/${f.id} highlight ${String(s.highlight)}`);
    },
    queryRenderedFeatures: (at: unknown, o: { layers: string[] }) => rendered(at, o.layers),
  };
  return { map: map as unknown as MlMap, calls };
}

describe('routes and areas drawn by MapLibre', () => {
  test('sit above the basemap, fill under outline under rail under sea, styled from the legend palette', () => {
    const style = basemapStyle(buildBasemap(countries50m as unknown as Topology), vectorOverlays(inputs()));
    expect(style.layers.map((l) => l.id)).toEqual(['sea', 'land', 'coast', 'borders', ...OVERLAY_IDS]);
    const layer = (id: string) => style.layers.find((l) => l.id === id) as unknown as { paint: Record<string, unknown>; layout: Record<string, unknown>; filter?: unknown };
    expect(layer('area-fills').paint['fill-color']).toEqual(['match', ['get', 'kind'], 'training-area', 'rgba(27, 120, 55, 0.16)', 'deployment-zone', 'rgba(178, 24, 43, 0.16)', 'rgba(0, 0, 0, 0)']);
    expect(layer('routes-sea').filter).toEqual(['==', ['get', 'mode'], 'sea']);
    expect(layer('routes-sea').paint['line-dasharray']).toEqual([4, 3]);
    expect(layer('routes-rail').paint['line-dasharray']).toBeUndefined();
    for (const id of OVERLAY_IDS) expect(layer(id).layout.visibility).toBe('visible');

    const data = (id: string) => (style.sources[id] as { data: GeoJSON.FeatureCollection; promoteId: string });
    expect(data('areas').data.features[0]!.properties).toEqual({ id: areas[0]!.properties.id, kind: areas[0]!.properties.kind });
    expect(data('routes').promoteId).toBe('id');
    // A schematic rail leg carrying troops: rail brown at alpha 150 + 60 = 210 (0.82), 4 px.
    const troops = routes.find((r) => r.properties.mode === 'rail' && r.properties.accuracy === 'schematic' && r.properties.role.includes('troop-transit'))!;
    const props = data('routes').data.features.find((f) => f.properties!.id === troops.properties.id)!.properties;
    expect(props).toEqual({ id: troops.properties.id, mode: 'rail', colour: 'rgba(96, 40, 20, 0.82)', width: 4 });
    // Geometry passes through untouched.
    expect(data('routes').data.features.map((f) => f.geometry)).toEqual(routes.map((r) => r.geometry));
  });

  test('are in the plain style too, so they are drawn when the basemap is not', () => {
    const style = plainStyle(vectorOverlays(inputs({ on: { ...DEFAULT_LAYERS, sea: false } })));
    expect(style.layers.map((l) => l.id)).toEqual(['sea', ...OVERLAY_IDS]);
    expect((style.layers.at(-1) as { layout: { visibility: string } }).layout.visibility).toBe('none');
  });

  test('a toggle changes only visibility; new data is set once; nothing changes when nothing did', () => {
    const { map, calls } = fakeMap();
    styleHolds(map, inputs());
    syncVectorOverlays(map, inputs());
    expect(calls).toEqual([]);
    syncVectorOverlays(map, inputs({ on: { ...DEFAULT_LAYERS, areas: false } }));
    expect(calls).toEqual(['area-fills none', 'area-lines none']);
    const fewer = routes.slice(1);
    syncVectorOverlays(map, inputs({ routes: fewer, on: { ...DEFAULT_LAYERS, areas: false } }));
    syncVectorOverlays(map, inputs({ routes: fewer, on: { ...DEFAULT_LAYERS, areas: false } }));
    expect(calls).toEqual(['area-fills none', 'area-lines none', 'setData routes']);
  });

  test('the selected route or area is highlighted by feature state, and the highlight moves with the selection', () => {
    const { map, calls } = fakeMap();
    styleHolds(map, inputs());
    const route = routes[0]!.properties.id;
    const area = areas[0]!.properties.id;
    syncVectorOverlays(map, inputs({ highlightId: route }));
    syncVectorOverlays(map, inputs({ highlightId: route }));
    expect(calls).toEqual([`routes/${route} highlight true`]);
    syncVectorOverlays(map, inputs({ highlightId: area }));
    expect(calls.slice(1)).toEqual([`routes/${route} highlight false`, `areas/${area} highlight true`]);
    // A sighting or node selected: neither source holds it, nothing to set there.
    syncVectorOverlays(map, inputs({ highlightId: 'khasan' }));
    expect(calls.slice(3)).toEqual([`areas/${area} highlight false`]);
  });

  test('a pointer finds a route or outline within a few pixels first, else the area it is inside', () => {
    const asked: unknown[] = [];
    const hits: Record<string, Rendered[]> = {
      lines: [{ layer: { id: 'routes-sea' }, properties: { id: 'sea-x' } }, { layer: { id: 'area-lines' }, properties: { id: 'area-y' } }],
      fill: [{ layer: { id: 'area-fills' }, properties: { id: 'area-y' } }],
    };
    let lines = true;
    const { map } = fakeMap((at, layers) => {
      asked.push([at, layers]);
      return layers.includes('area-fills') ? hits.fill! : lines ? hits.lines! : [];
    });
    expect(vectorFeatureAt(map, 100, 50)).toEqual({ layer: 'sea', id: 'sea-x' });
    expect(asked[0]).toEqual([[[96, 46], [104, 54]], ['routes-sea', 'routes-rail', 'area-lines']]);
    lines = false;
    expect(vectorFeatureAt(map, 100, 50)).toEqual({ layer: 'areas', id: 'area-y' });
    expect(asked.at(-1)).toEqual([[100, 50], ['area-fills']]);
  });
});
