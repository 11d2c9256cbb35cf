/**
 * What changed in the data since a link's release, marked on the map: a ring around each report added
 * (green) or corrected (orange) since then, and a grey ring where a withdrawn report stood (it is no
 * longer drawn as a report: it is not in the data).
 */
import { ringLayer } from './rings';
import { CHANGE_STYLE, type ChangeKind } from './style';

export interface ChangePoint {
  id: string;
  kind: ChangeKind;
  position: [number, number];
}

/**
 * Rings by change kind (id `release-changes`), drawn above the dots.
 * @example releaseChangesLayer([{ id: 's-127', kind: 'added', position: [36.2, 51.7] }])
 */
export function releaseChangesLayer(points: readonly ChangePoint[]) {
  return ringLayer('release-changes', points, {
    radius: (p) => (p.kind === 'withdrawn' ? 7 : 12),
    width: (p) => (p.kind === 'withdrawn' ? 2 : 3),
    colour: (p) => CHANGE_STYLE[p.kind].colour,
  });
}
