import { describe, expect, test } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import type { Topology } from 'topojson-specification';
import countries50m from 'world-atlas/countries-50m.json';
import type { AreaFeature } from '../../src/domain/schemas';
import { AREA_FILL_LAYER, areaFillStyle, syncAreaFills } from '../../src/map/areaFills';
import { basemapStyle, buildBasemap } from '../../src/map/basemap';
import { features } from '../e2e/support/geodata';

const areas = features<AreaFeature>('areas.geojson');

/** A stand-in for the few MapLibre calls the fill makes, recording them. */
function fakeMap(visibility: string) {
  const calls: string[] = [];
  const map = {
    getSource: () => ({ setData: () => void calls.push('setData') }),
    getLayer: (id: string) => (id === AREA_FILL_LAYER ? {} : undefined),
    getLayoutProperty: () => visibility,
    setLayoutProperty: (_id: string, _k: string, v: string) => {
      visibility = v;
      calls.push(`visibility ${v}`);
    },
  };
  return { map: map as unknown as MlMap, calls };
}

describe('the areas\' fill drawn by MapLibre', () => {
  test('sits above the basemap, coloured by kind, holding each area\'s id and kind only', () => {
    const { map } = fakeMap('visible');
    const style = basemapStyle(buildBasemap(countries50m as unknown as Topology), [areaFillStyle(map, areas, true)]);
    expect(style.layers.map((l) => l.id)).toEqual(['sea', 'land', 'coast', 'borders', AREA_FILL_LAYER]);
    const layer = style.layers.at(-1) as { paint: { 'fill-color': unknown[] }; layout: { visibility: string } };
    expect(layer.paint['fill-color']).toEqual(['match', ['get', 'kind'], 'training-area', 'rgba(27, 120, 55, 0.16)', 'deployment-zone', 'rgba(178, 24, 43, 0.16)', 'rgba(0, 0, 0, 0)']);
    expect(layer.layout.visibility).toBe('visible');
    const data = (style.sources.areas as { data: GeoJSON.FeatureCollection }).data;
    expect(data.features).toHaveLength(areas.length);
    expect(data.features[0]!.properties).toEqual({ id: areas[0]!.properties.id, kind: areas[0]!.properties.kind });
  });
  test('a toggle changes only the visibility; new areas are set once; nothing changes when nothing did', () => {
    const { map, calls } = fakeMap('visible');
    areaFillStyle(map, areas, true);
    syncAreaFills(map, areas, true);
    expect(calls).toEqual([]);
    syncAreaFills(map, areas, false);
    expect(calls).toEqual(['visibility none']);
    const fewer = areas.slice(1);
    syncAreaFills(map, fewer, false);
    syncAreaFills(map, fewer, false);
    expect(calls).toEqual(['visibility none', 'setData']);
  });
});
