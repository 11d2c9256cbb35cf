/** A ring around the selected (and the hovered) sighting or node, drawn above everything else. */
import { ScatterplotLayer } from '@deck.gl/layers';
import { HIGHLIGHT, NOT_PICKED } from './style';

export interface Marker {
  position: [number, number];
  kind: 'selected' | 'hover';
}

export function selectionLayer(markers: Marker[]) {
  return new ScatterplotLayer<Marker>({
    id: 'selection',
    data: markers,
    ...NOT_PICKED,
    stroked: true,
    filled: false,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getPosition: (m) => m.position,
    getRadius: (m) => (m.kind === 'selected' ? 13 : 10),
    getLineWidth: (m) => (m.kind === 'selected' ? 3.5 : 2),
    getLineColor: (m) => (m.kind === 'selected' ? HIGHLIGHT : [20, 20, 20, 200]),
  });
}
