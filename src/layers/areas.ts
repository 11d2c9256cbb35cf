/** Training areas and deployment zones: light fill, clear outline, kind by colour. */
import { PolygonLayer } from '@deck.gl/layers';
import type { AreaFeature } from '../domain/schemas';
import { AREA_STYLE, HIGHLIGHT } from './style';

export function areasLayer(data: readonly AreaFeature[], opts: { visible: boolean; highlightId: string | null }) {
  return new PolygonLayer<AreaFeature>({
    id: 'areas',
    data: data as AreaFeature[],
    visible: opts.visible,
    pickable: true,
    stroked: true,
    filled: true,
    getPolygon: (f) => f.geometry.coordinates as [number, number][][],
    getFillColor: (f) => AREA_STYLE[f.properties.kind].fill,
    getLineColor: (f) => (f.properties.id === opts.highlightId ? HIGHLIGHT : AREA_STYLE[f.properties.kind].line),
    getLineWidth: (f) => (f.properties.id === opts.highlightId ? 4 : 1.5),
    lineWidthUnits: 'pixels',
    updateTriggers: { getLineColor: opts.highlightId, getLineWidth: opts.highlightId },
  });
}
