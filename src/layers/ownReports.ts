/**
 * The analyst's own reports, marked on the map: a dark ring around each one the filters show (the dot
 * itself is drawn by the imported layer, like any report), and the position the report form is placing
 * (a blue target), so the analyst sees where a new report will go before saving it.
 */
import { ringLayer } from './rings';
import { OWN_RING, PLACING_MARK } from './style';

/** A marked position. */
export interface MarkPoint {
  id: string;
  position: [number, number];
}

/**
 * Rings around own reports (id `own-reports`), drawn above the dots, below the selection ring.
 * @example ownReportsLayer([{ id: 'own-mbx3k2-4f9a', position: [130.6, 42.4] }])
 */
export function ownReportsLayer(points: readonly MarkPoint[]) {
  return ringLayer('own-reports', points, { radius: 9, width: 2.5, colour: OWN_RING });
}

/**
 * The report form's position (id `report-position`): a ring with a dot, or nothing.
 * @example placingLayer([130.6, 42.4])
 */
export function placingLayer(position: [number, number] | null) {
  const data = position ? [{ id: 'placing', position }] : [];
  return ringLayer('report-position', data, {
    radius: 12,
    width: 3,
    colour: PLACING_MARK,
    fill: [PLACING_MARK[0], PLACING_MARK[1], PLACING_MARK[2], 60],
  });
}
