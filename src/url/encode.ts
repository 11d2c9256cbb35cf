/**
 * `encodeHash`: `UrlState` → short, human-readable, stable link hash.
 */
import { CATEGORIES, SOURCE_KINDS } from '../domain/schemas';
import { roundTo } from './fields';
import {
  CONFIDENCES,
  DEFAULT_URL_STATE,
  LAYER_IDS,
  PRECISION,
  PRECISIONS,
  URL_VERSION,
  canonicalOrder,
  type UrlState,
} from './state';

/** Key order of every link (stable, so equal states give equal links). */
export const KEY_ORDER = [
  'v', 'map', 'bp', 'layers', 'from', 'to', 'cat', 'conf', 'src', 'prec', 'pub', 'q', 'w', 'sel', 'cor', 'sc', 'ind', 'd', 'imp',
] as const;

const fixed = (x: number, places: number) => roundTo(x, places).toFixed(places);

/** Percent-encode text for a link; unpaired surrogates (which `encodeURIComponent` rejects) become U+FFFD. */
function enc(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.join('\u0000') === b.join('\u0000');

/**
 * Write the link hash for a state. `v` and `map` are always written; every other key only when it differs
 * from `defaults`. Numbers are rounded (zoom 2 decimals, lat/lon 4, bearing/pitch 1); lists are written in
 * canonical order. Never throws.
 *
 * @example encodeHash({ ...DEFAULT_URL_STATE, w: 40, sc: 'S2' })
 *   // '#v=1&map=3.00/50.0000/100.0000&w=40&sc=S2'
 */
export function encodeHash(state: Readonly<UrlState>, defaults: Readonly<UrlState> = DEFAULT_URL_STATE): string {
  const out: Partial<Record<(typeof KEY_ORDER)[number], string>> = {};
  const { camera } = state;
  out.v = String(URL_VERSION);
  out.map = [
    fixed(camera.zoom, PRECISION.zoom),
    fixed(camera.lat, PRECISION.latLon),
    fixed(camera.lon, PRECISION.latLon),
  ].join('/');
  const bearing = roundTo(camera.bearing, PRECISION.bearingPitch);
  const pitch = roundTo(camera.pitch, PRECISION.bearingPitch);
  if (bearing !== 0 || pitch !== 0) {
    out.bp = `${bearing.toFixed(PRECISION.bearingPitch)}/${pitch.toFixed(PRECISION.bearingPitch)}`;
  }

  const lists = [
    ['layers', canonicalOrder(state.layers, LAYER_IDS), canonicalOrder(defaults.layers, LAYER_IDS)],
    ['cat', canonicalOrder(state.cat, CATEGORIES), canonicalOrder(defaults.cat, CATEGORIES)],
    ['conf', canonicalOrder(state.conf, CONFIDENCES), canonicalOrder(defaults.conf, CONFIDENCES)],
    ['src', canonicalOrder(state.src, SOURCE_KINDS), canonicalOrder(defaults.src, SOURCE_KINDS)],
    ['prec', canonicalOrder(state.prec, PRECISIONS), canonicalOrder(defaults.prec, PRECISIONS)],
    ['pub', [...new Set(state.pub)].sort(), [...new Set(defaults.pub)].sort()],
  ] as const;
  for (const [key, list, def] of lists) {
    if (!sameList(list, def)) out[key] = list.map(enc).join(',');
  }

  if (state.from !== defaults.from) out.from = enc(state.from);
  if (state.to !== defaults.to) out.to = enc(state.to);
  if (state.q !== defaults.q) out.q = enc(state.q);
  if (state.w !== defaults.w) out.w = String(state.w);
  for (const key of ['sel', 'cor', 'sc', 'ind', 'd'] as const) {
    const value = state[key];
    if (value !== defaults[key]) out[key] = value === null ? '' : enc(value); // `sel=` means none
  }
  if (state.imp !== defaults.imp) out.imp = state.imp ? '1' : '0';

  const pairs = KEY_ORDER.filter((k) => out[k] !== undefined).map((k) => `${k}=${out[k]}`);
  return `#${pairs.join('&')}`;
}
