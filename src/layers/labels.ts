/**
 * City labels from Natural Earth, drawn by deck.gl's TextLayer (its font atlas is rendered in the
 * browser from a local font: no glyph server).
 */
import { TextLayer } from '@deck.gl/layers';
import { NOT_PICKED, TEXT_FONT, perItem } from './style';

export interface PlaceLabel {
  name: string;
  position: [number, number];
  rank: number;
  capital: boolean;
}

/** City labels (id `labels`). @example labelsLayer([{ name: 'Kursk', position: [36.2, 51.7], rank: 2, capital: false }]) */
export function labelsLayer(data: PlaceLabel[]) {
  return new TextLayer<PlaceLabel>({
    id: 'labels',
    data,
    getPosition: (d) => d.position,
    getText: (d) => d.name,
    getSize: (d) => (d.capital ? 13 : d.rank <= 2 ? 12 : 11),
    getColor: perItem([60, 60, 60, 220]),
    ...TEXT_FONT,
    characterSet: 'auto',
    getTextAnchor: 'start',
    getAlignmentBaseline: 'center',
    getPixelOffset: perItem([5, 0]),
    outlineWidth: 2,
    outlineColor: [245, 243, 238, 230],
    ...NOT_PICKED,
  });
}
