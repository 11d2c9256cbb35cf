/**
 * The light fill of the training areas and deployment zones, drawn by MapLibre under the deck.gl layers
 * with the basemap's own fill program (a deck.gl polygon layer would compile one more shader program, a
 * noticeable part of start-up under software WebGL). The outlines stay in deck.gl with the other paths
 * (src/layers/areas.ts); a pointer inside an area finds it through `areaAt`.
 */
import type { FillLayerSpecification, GeoJSONSource, GeoJSONSourceSpecification, Map as MlMap } from 'maplibre-gl';
import type { AreaFeature } from '../domain/schemas';
import { AREA_STYLE, css } from '../layers/style';

export const AREA_FILL_LAYER = 'area-fills';
const SOURCE = 'areas';

/** The fill's GeoJSON: each area's polygon with its id and kind (all the fill and a pick need). */
function fillData(areas: readonly AreaFeature[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({ type: 'Feature', geometry: a.geometry as GeoJSON.Polygon, properties: { id: a.properties.id, kind: a.properties.kind } })),
  };
}

/** The areas each map's fill was last given (a visibility change alone does not re-tile them). */
const filled = new WeakMap<MlMap, readonly AreaFeature[]>();

/** The source and layer to add to a map's style (holding these areas from the start). */
export function areaFillStyle(map: MlMap, areas: readonly AreaFeature[], visible: boolean): { id: string; source: GeoJSONSourceSpecification; layer: FillLayerSpecification } {
  filled.set(map, areas);
  const kinds = Object.entries(AREA_STYLE).flatMap(([kind, s]) => [kind, css(s.fill)]);
  return {
    id: SOURCE,
    source: { type: 'geojson', data: fillData(areas) },
    layer: {
      id: AREA_FILL_LAYER,
      type: 'fill',
      source: SOURCE,
      layout: { visibility: visible ? 'visible' : 'none' },
      paint: { 'fill-color': ['match', ['get', 'kind'], ...kinds, 'rgba(0, 0, 0, 0)'] as unknown as string },
    },
  };
}

/** Brings a map's area fill to these areas and this visibility (once the basemap style holds it). */
export function syncAreaFills(map: MlMap, areas: readonly AreaFeature[], visible: boolean): void {
  const source = map.getSource<GeoJSONSource>(SOURCE);
  if (!source || !map.getLayer(AREA_FILL_LAYER)) return;
  if (filled.get(map) !== areas) void source.setData(fillData(areas));
  filled.set(map, areas);
  const visibility = visible ? 'visible' : 'none';
  // Only a real change: a layout change fires `styledata`, which calls this again.
  if (map.getLayoutProperty(AREA_FILL_LAYER, 'visibility') !== visibility) map.setLayoutProperty(AREA_FILL_LAYER, 'visibility', visibility);
}

/** The id of the area drawn under a pixel of the map (CSS pixels from its top left), if any. */
export function areaAt(map: MlMap, x: number, y: number): string | null {
  if (!map.getLayer(AREA_FILL_LAYER)) return null;
  const hit = map.queryRenderedFeatures([x, y], { layers: [AREA_FILL_LAYER] })[0];
  const id = hit?.properties?.id;
  return typeof id === 'string' ? id : null;
}
