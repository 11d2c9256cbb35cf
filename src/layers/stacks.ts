/**
 * Counts on the map where several reports share one position (a badge beside the dots: the dots stay
 * visible), and on evidence rings holding several reports. Data comes in as arguments (state/stacks.ts
 * groups the positions); nothing is computed here.
 */
import { TextLayer } from '@deck.gl/layers';
import { TEXT_FONT, type RGBA } from './style';

/** One count badge: where, how many, and a report id there (what a pick answers with). */
export interface CountBadge {
  position: [number, number];
  count: number;
  /** Any report at the position: picking the badge acts like picking that report (which opens the stack). */
  id: string;
}

export const STACK_BADGE: { fill: RGBA; text: RGBA } = { fill: [35, 45, 60, 235], text: [255, 255, 255, 255] };

/**
 * Count badges up and to the right of their positions (id `stacks`, or `evidence-counts` for evidence
 * rings), pickable so hovering or clicking the count opens the stack like its dots do.
 * @example countBadgeLayer([{ position: [35.27, 51.19], count: 17, id: 's-060' }])
 */
export function countBadgeLayer(badges: readonly CountBadge[], opts: { id?: string; visible?: boolean; fill?: RGBA; offset?: [number, number] } = {}) {
  const fill = opts.fill ?? STACK_BADGE.fill;
  return new TextLayer<CountBadge>({
    id: opts.id ?? 'stacks',
    data: badges as CountBadge[],
    visible: (opts.visible ?? true) && badges.length > 0,
    pickable: true,
    getPosition: (b) => b.position,
    getText: (b) => String(b.count),
    getSize: 11,
    getColor: STACK_BADGE.text,
    getPixelOffset: opts.offset ?? [11, -14], // above a node name placed to the right of its node
    fontFamily: TEXT_FONT.fontFamily,
    fontWeight: 700,
    characterSet: '0123456789',
    background: true,
    getBackgroundColor: fill,
    backgroundPadding: [4, 1],
    backgroundBorderRadius: 7,
    getBorderColor: [255, 255, 255, 255],
    getBorderWidth: 1,
  });
}
