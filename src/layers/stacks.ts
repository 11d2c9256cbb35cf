/**
 * Counts on the map where several reports share one position (a badge beside the dots: the dots stay
 * visible), and on evidence rings holding several reports. Data comes in as arguments (state/stacks.ts
 * groups the positions); nothing is computed here.
 */
import { CompositeLayer } from '@deck.gl/core';
import { TextLayer } from '@deck.gl/layers';
import { NODE_GLYPHS, NOT_PICKED, TEXT_FONT, perItem, type RGBA } from './style';

/** One count badge: where, how many, and a report id there (what a pick answers with). */
export interface CountBadge {
  position: [number, number];
  count: number;
  /** Any report at the position: picking the badge acts like picking that report (which opens the stack). */
  id: string;
}

export const STACK_BADGE: { fill: RGBA; text: RGBA } = { fill: [35, 45, 60, 235], text: [255, 255, 255, 255] };

/** The badge's disc: a glyph the node symbols' atlas already holds, so the badge needs no shader of its own. */
const DISC = '●';
/** Disc size (px) for a count of so many digits: two digits fit the smallest. */
const discSize = (count: number) => (count < 100 ? 24 : 30);

interface CountBadgeProps {
  data: readonly CountBadge[];
  fill: RGBA;
  offset: [number, number];
}

/**
 * A disc with the count on it, both drawn as text: a TextLayer background would compile a shader
 * program of its own, and each extra program costs a noticeable part of start-up under software WebGL.
 */
class CountBadgeLayer extends CompositeLayer<CountBadgeProps> {
  static override layerName = 'CountBadgeLayer';
  override renderLayers() {
    const { data, fill, offset } = this.props;
    const common = {
      data: data as CountBadge[],
      pickable: this.props.pickable,
      getPosition: (b: CountBadge) => b.position,
      getPixelOffset: perItem(offset),
      ...TEXT_FONT,
      getTextAnchor: 'middle' as const,
      getAlignmentBaseline: 'center' as const,
      // Accessors are compared by their triggers, not by identity: these follow the props they read.
      updateTriggers: { getPixelOffset: offset, getColor: fill },
    };
    return [
      new TextLayer<CountBadge>(this.getSubLayerProps({ id: 'disc' }), {
        ...common,
        // A glyph's quad is wider than the disc it shows: picked, it would cover dots beside the badge.
        ...NOT_PICKED,
        getText: () => DISC,
        characterSet: NODE_GLYPHS,
        getSize: (b: CountBadge) => discSize(b.count),
        getColor: perItem(fill),
        outlineWidth: 2,
        outlineColor: [255, 255, 255, 255],
      }),
      new TextLayer<CountBadge>(this.getSubLayerProps({ id: 'count' }), {
        ...common,
        getText: (b: CountBadge) => String(b.count),
        characterSet: '0123456789',
        getSize: perItem(11),
        getColor: perItem(STACK_BADGE.text),
      }),
    ];
  }
}

/**
 * Count badges up and to the right of their positions (id `stacks`, or `evidence-counts` for evidence
 * rings), pickable so hovering or clicking the count opens the stack like its dots do.
 * @example countBadgeLayer([{ position: [35.27, 51.19], count: 17, id: 's-060' }])
 */
export function countBadgeLayer(badges: readonly CountBadge[], opts: { id?: string; visible?: boolean; fill?: RGBA; offset?: [number, number] } = {}) {
  return new CountBadgeLayer({
    id: opts.id ?? 'stacks',
    data: badges,
    visible: (opts.visible ?? true) && badges.length > 0,
    pickable: true,
    fill: opts.fill ?? STACK_BADGE.fill,
    offset: opts.offset ?? [11, -14], // above a node name placed to the right of its node
  });
}
