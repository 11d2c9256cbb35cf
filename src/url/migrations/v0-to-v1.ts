/**
 * v0 → v1.
 *
 * v0 is the pre-release form used while the map was a prototype, before links had a version:
 * `#<zoom>/<lat>/<lon>&layers=<ids>&date=<from>..<to>` — the camera as a bare path (as in
 * openstreetmap.org hashes) and the window as one `date` range. v1 names the camera `map=` and splits the
 * window into `from` and `to`. Layer ids and everything else are unchanged.
 *
 * @example '#4.2/50.1/95.3&date=2024-10-01..2025-03-31' → 'map=4.2/50.1/95.3&from=2024-10-01&to=2025-03-31'
 */
import { quoteParam, type RawParam } from '../params';
import type { UrlMigration } from './types';

/** A bare `zoom/lat/lon` token, the v0 camera. */
export const V0_CAMERA = /^-?\d+(\.\d+)?\/-?\d+(\.\d+)?\/-?\d+(\.\d+)?$/;

export const v0ToV1: UrlMigration = {
  from: 0,
  description: 'bare zoom/lat/lon becomes map=; date=from..to becomes from= and to=',
  migrate(params) {
    const out: RawParam[] = [];
    const notices: string[] = [];
    for (const p of params) {
      if (p.value === null && V0_CAMERA.test(p.key)) {
        out.push({ key: 'map', value: p.key });
      } else if (p.key === 'date' && p.value !== null) {
        const m = /^([^.]*)\.\.([^.]*)$/.exec(p.value);
        if (!m) {
          notices.push(`Ignored ${quoteParam(p)}: expected date=YYYY-MM-DD..YYYY-MM-DD`);
          continue;
        }
        if (m[1]) out.push({ key: 'from', value: m[1] });
        if (m[2]) out.push({ key: 'to', value: m[2] });
      } else {
        out.push({ ...p });
      }
    }
    return { params: out, notices };
  },
};
