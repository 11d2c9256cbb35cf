/**
 * The rail and sea routes and the training areas and deployment zones (fill and outline), drawn by
 * MapLibre over the basemap and under the deck.gl layers. Lines and fills are what MapLibre's own small
 * programs draw; under software WebGL, deck.gl's path program alone (compiled and rasterised by the CPU)
 * added about a third to the default view's start-up. deck.gl keeps what MapLibre cannot draw offline or
 * as fast: the points, the text, the selected corridor.
 *
 * Styles come from the legend's palette (src/layers/style.ts), precomputed per feature. The selected
 * route or area is highlighted through feature state, so a selection never re-tiles a source. A pointer
 * finds a route or an outline within a few pixels and an area anywhere inside it (`vectorFeatureAt`).
 */
import type { GeoJSONSource, LayerSpecification, Map as MlMap } from 'maplibre-gl';
import type { StyleOverlay } from './basemap';
import type { AreaFeature, RouteFeature } from '../domain/schemas';
import type { LayerId } from '../state/types';
import { AREA_STYLE, HIGHLIGHT, css, routeColour, routeWidth } from '../layers/style';

/** What the overlays draw: the features, which layers are on, the selected feature. */
export interface VectorInputs {
  areas: readonly AreaFeature[];
  routes: readonly RouteFeature[];
  on: Readonly<Pick<Record<LayerId, boolean>, 'areas' | 'rail' | 'sea'>>;
  highlightId: string | null;
}

/** MapLibre layer ids, bottom to top, and the app's layer toggle each follows. */
export const VECTOR_LAYERS = [
  { id: 'area-fills', toggle: 'areas' },
  { id: 'area-lines', toggle: 'areas' },
  { id: 'routes-rail', toggle: 'rail' },
  { id: 'routes-sea', toggle: 'sea' },
] as const;
type VectorLayerId = (typeof VECTOR_LAYERS)[number]['id'];

/** Lines thinner than this are still drawn this wide (as deck.gl's `widthMinPixels` did). */
const MIN_WIDTH = 1.5;
/** A pointer this close (CSS px) to a route or an outline is on it. */
const PICK_SLOP = 4;
const HL = ['boolean', ['feature-state', 'highlight'], false];

function routeData(routes: readonly RouteFeature[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: routes.map((r) => ({
      type: 'Feature',
      geometry: r.geometry as GeoJSON.LineString,
      properties: { id: r.properties.id, mode: r.properties.mode, colour: css(routeColour(r)), width: Math.max(MIN_WIDTH, routeWidth(r.properties.role)) },
    })),
  };
}

function areaData(areas: readonly AreaFeature[]): GeoJSON.FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: areas.map((a) => ({ type: 'Feature', geometry: a.geometry as GeoJSON.Polygon, properties: { id: a.properties.id, kind: a.properties.kind } })),
  };
}

const visibility = (on: boolean) => (on ? 'visible' : 'none');
const byKind = (pick: (s: (typeof AREA_STYLE)[keyof typeof AREA_STYLE]) => readonly number[]) =>
  ['match', ['get', 'kind'], ...Object.entries(AREA_STYLE).flatMap(([kind, s]) => [kind, css(pick(s))]), 'rgba(0, 0, 0, 0)'];

/** What each map was last given: the feature arrays, and the highlighted id. */
interface Given {
  areas: readonly AreaFeature[];
  routes: readonly RouteFeature[];
  highlightId: string | null;
}
const given = new WeakMap<MlMap, Given>();

/**
 * Records that a map's new style holds the overlays of these inputs (as `vectorOverlays` built them), so
 * the next sync sets only what differs.
 */
export function styleHolds(map: MlMap, x: VectorInputs): void {
  given.set(map, { areas: x.areas, routes: x.routes, highlightId: null });
}

/** The sources and layers to put in a map's style, holding these features from the start. */
export function vectorOverlays(x: VectorInputs): StyleOverlay[] {
  // Any expression: MapLibre's spec types want each property's own literal type.
  const e = (v: unknown) => v as never;
  return [
    {
      id: 'areas',
      source: { type: 'geojson', data: areaData(x.areas), promoteId: 'id' },
      layers: [
        { id: 'area-fills', type: 'fill', source: 'areas', layout: { visibility: visibility(x.on.areas) }, paint: { 'fill-color': e(byKind((s) => s.fill)) } },
        {
          id: 'area-lines',
          type: 'line',
          source: 'areas',
          layout: { visibility: visibility(x.on.areas), 'line-join': 'round' },
          paint: { 'line-color': e(['case', HL, css(HIGHLIGHT), byKind((s) => s.line)]), 'line-width': e(['case', HL, 4, MIN_WIDTH]) },
        },
      ],
    },
    {
      id: 'routes',
      source: { type: 'geojson', data: routeData(x.routes), promoteId: 'id' },
      layers: (['rail', 'sea'] as const).map((mode): LayerSpecification => ({
        id: `routes-${mode}`,
        type: 'line',
        source: 'routes',
        filter: e(mode === 'sea' ? ['==', ['get', 'mode'], 'sea'] : ['!=', ['get', 'mode'], 'sea']),
        layout: { visibility: visibility(x.on[mode]), 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': e(['get', 'colour']),
          'line-width': e(['case', HL, ['+', ['get', 'width'], 3], ['get', 'width']]),
          // Sea legs dashed, in multiples of the line's width.
          ...(mode === 'sea' ? { 'line-dasharray': [4, 3] } : {}),
        },
      })),
    },
  ];
}

/**
 * Brings a map's overlays to these inputs once its style holds them: new data set once, a toggle changes
 * only visibility, the highlight moves by feature state. Nothing happens when nothing changed (each
 * layout change fires `styledata`, which calls this again).
 */
export function syncVectorOverlays(map: MlMap, x: VectorInputs): void {
  const areas = map.getSource<GeoJSONSource>('areas');
  const routes = map.getSource<GeoJSONSource>('routes');
  if (!areas || !routes || VECTOR_LAYERS.some((l) => !map.getLayer(l.id))) return;
  const g = given.get(map) ?? { areas: [], routes: [], highlightId: null };
  if (g.areas !== x.areas) void areas.setData(areaData(x.areas));
  if (g.routes !== x.routes) void routes.setData(routeData(x.routes));
  for (const l of VECTOR_LAYERS) {
    const v = visibility(x.on[l.toggle]);
    if (map.getLayoutProperty(l.id, 'visibility') !== v) map.setLayoutProperty(l.id, 'visibility', v);
  }
  const mark = (id: string | null, on: boolean) => {
    if (!id) return;
    const source = x.routes.some((r) => r.properties.id === id) ? 'routes' : x.areas.some((a) => a.properties.id === id) ? 'areas' : null;
    if (source && Boolean(map.getFeatureState({ source, id }).highlight) !== on) map.setFeatureState({ source, id }, { highlight: on });
  };
  if (g.highlightId !== x.highlightId) mark(g.highlightId, false);
  mark(x.highlightId, true);
  given.set(map, { areas: x.areas, routes: x.routes, highlightId: x.highlightId });
}

/** The app's layer toggle behind a MapLibre layer (what a pick reports). */
const TOGGLE_OF = Object.fromEntries(VECTOR_LAYERS.map((l) => [l.id, l.toggle])) as Record<VectorLayerId, LayerId>;

/**
 * The route, outline or area drawn at a pixel of the map (CSS pixels from its top left): a route or an
 * outline within a few pixels first (top first), else the area the point is inside. Null where none is.
 */
export function vectorFeatureAt(map: MlMap, x: number, y: number): { layer: LayerId; id: string } | null {
  const present = (ids: VectorLayerId[]) => ids.filter((id) => map.getLayer(id));
  const of = (f: { layer: { id: string }; properties: Record<string, unknown> } | undefined) =>
    f && typeof f.properties.id === 'string' ? { layer: TOGGLE_OF[f.layer.id as VectorLayerId], id: f.properties.id } : null;
  const lines = present(['routes-sea', 'routes-rail', 'area-lines']);
  const near = lines.length ? map.queryRenderedFeatures([[x - PICK_SLOP, y - PICK_SLOP], [x + PICK_SLOP, y + PICK_SLOP]], { layers: lines }) : [];
  const fills = present(['area-fills']);
  return of(near[0]) ?? (fills.length ? of(map.queryRenderedFeatures([x, y], { layers: fills })[0]) : null);
}
