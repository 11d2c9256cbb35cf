/**
 * City labels from Natural Earth, drawn by deck.gl's TextLayer (its font atlas is rendered in the
 * browser from a local font: no glyph server).
 */
import { TextLayer } from '@deck.gl/layers';

export interface PlaceLabel {
  name: string;
  position: [number, number];
  rank: number;
  capital: boolean;
}

export function labelsLayer(data: PlaceLabel[], opts: { visible: boolean }) {
  return new TextLayer<PlaceLabel>({
    id: 'labels',
    data,
    visible: opts.visible,
    getPosition: (d) => d.position,
    getText: (d) => d.name,
    getSize: (d) => (d.capital ? 13 : d.rank <= 2 ? 12 : 11),
    getColor: [60, 60, 60, 220],
    fontFamily: 'system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif',
    fontWeight: 500,
    characterSet: 'auto',
    getTextAnchor: 'start',
    getAlignmentBaseline: 'center',
    getPixelOffset: [5, 0],
    outlineWidth: 2,
    outlineColor: [245, 243, 238, 230],
    fontSettings: { sdf: true },
    pickable: false,
  });
}
