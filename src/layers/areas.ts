/** Training areas and deployment zones: light fill, clear outline, kind by colour. */
import { PolygonLayer } from '@deck.gl/layers';
import type { AreaFeature } from '../domain/schemas';
import { PATH_STYLE } from './pathStyle';
import { AREA_STYLE, HIGHLIGHT } from './style';

/** Areas (id `areas`); outlines share the map's one path program. @example areasLayer(data.areas, { highlightId: null }) */
export function areasLayer(data: readonly AreaFeature[], opts: { highlightId: string | null }) {
  return new PolygonLayer<AreaFeature>({
    id: 'areas',
    data: data as AreaFeature[],
    pickable: true,
    stroked: true,
    filled: true,
    getPolygon: (f) => f.geometry.coordinates as [number, number][][],
    getFillColor: (f) => AREA_STYLE[f.properties.kind].fill,
    getLineColor: (f) => (f.properties.id === opts.highlightId ? HIGHLIGHT : AREA_STYLE[f.properties.kind].line),
    getLineWidth: (f) => (f.properties.id === opts.highlightId ? 4 : 1.5),
    lineWidthUnits: 'pixels',
    updateTriggers: { getLineColor: opts.highlightId, getLineWidth: opts.highlightId },
    extensions: PATH_STYLE,
  });
}
