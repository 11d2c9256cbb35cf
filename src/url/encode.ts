/**
 * `encodeHash`: `UrlState` → short, human-readable, stable link hash, never longer than the decoder reads.
 *
 * The rule: the decoder reads `MAX_HASH_CHARS`; the encoder never writes more. A view whose link would be
 * longer leaves out its longest optional parts — only the publisher filter and the search text can be
 * long — and says so in the link itself (`cut=pub`), so the colleague who opens it is told, and the
 * sharer is told before sharing (see `fitLink`).
 */
import { CATEGORIES, SOURCE_KINDS } from '../domain/schemas';
import { roundTo } from './fields';
import { MAX_HASH_CHARS } from './params';
import {
  CONFIDENCES,
  CUT_PARTS,
  DEFAULT_URL_STATE,
  LAYER_IDS,
  LIMITS,
  PRECISION,
  PRECISIONS,
  URL_VERSION,
  canonicalOrder,
  cloneUrlState,
  hasUnsafeChars,
  type CutPart,
  type UrlState,
} from './state';

/** Key order of every link (stable, so equal states give equal links). */
export const KEY_ORDER = [
  'v', 'map', 'bp', 'layers', 'from', 'to', 'cat', 'conf', 'src', 'prec', 'pub', 'q', 'w', 'sel', 'cor', 'sc', 'ind', 'd', 'imp',
  'af', 'tab', 'cut',
] as const;
type Key = (typeof KEY_ORDER)[number];

const fixed = (x: number, places: number) => roundTo(x, places).toFixed(places);

/** Percent-encode text for a link; unpaired surrogates (which `encodeURIComponent` rejects) become U+FFFD. */
function enc(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

const sameList = (a: readonly string[], b: readonly string[]) => a.join('\u0000') === b.join('\u0000');

/** Every `key=value` of a state's link, unfitted (may be longer than the decoder reads). */
function writePairs(state: Readonly<UrlState>, defaults: Readonly<UrlState>): Partial<Record<Key, string>> {
  const out: Partial<Record<Key, string>> = {};
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
  if (state.af !== defaults.af) out.af = state.af === null ? '' : enc(state.af);
  if (state.tab !== defaults.tab) out.tab = state.tab;
  const cut = canonicalOrder(state.cut, CUT_PARTS);
  if (!sameList(cut, canonicalOrder(defaults.cut, CUT_PARTS))) out.cut = cut.join(',');
  return out;
}

const join = (out: Partial<Record<Key, string>>) =>
  `#${KEY_ORDER.filter((k) => out[k] !== undefined).map((k) => `${k}=${out[k]}`).join('&')}`;

/** Whether a link can carry this publisher filter exactly (the decoder would keep every name as it is). */
function publishersTravel(pub: readonly string[]): boolean {
  return pub.length <= LIMITS.publishersMax &&
    pub.every((p) => p.length > 0 && p.length <= LIMITS.publisherMaxChars && p.trim() === p && !hasUnsafeChars(p));
}

/** Whether a link can carry this search text exactly. */
const queryTravels = (q: string) => q.length <= LIMITS.queryMaxChars && !hasUnsafeChars(q);

/** The state as the decoder gives it back: numbers at link precision, lists canonical, publishers sorted. */
function canonical(input: Readonly<UrlState>): UrlState {
  const s = cloneUrlState(input);
  const c = input.camera;
  s.camera = {
    zoom: roundTo(c.zoom, PRECISION.zoom),
    lat: roundTo(c.lat, PRECISION.latLon),
    lon: roundTo(c.lon, PRECISION.latLon),
    bearing: roundTo(c.bearing, PRECISION.bearingPitch),
    pitch: roundTo(c.pitch, PRECISION.bearingPitch),
  };
  s.layers = canonicalOrder(s.layers, LAYER_IDS);
  s.cat = canonicalOrder(s.cat, CATEGORIES);
  s.conf = canonicalOrder(s.conf, CONFIDENCES);
  s.src = canonicalOrder(s.src, SOURCE_KINDS);
  s.pub = [...new Set(s.pub)].sort();
  s.cut = canonicalOrder(s.cut, CUT_PARTS);
  return s;
}

/** What a link carries: its hash, and the state it decodes to (the input minus what was left out). */
export interface FittedLink {
  hash: string;
  /** `decodeHash(hash, defaults).state` deep-equals this. `state.cut` names what was left out. */
  state: UrlState;
  /** Parts left out by this fit (not those already in the input's `cut`), in canonical order. */
  cut: CutPart[];
  /** Characters the full link would have had (after `#`), for the message that explains a cut. */
  fullLength: number;
}

/**
 * Fit a state into a link the decoder reads whole. A setting a link cannot carry exactly (a publisher
 * name with a line break, a search over 200 characters) is left out; then, while the link is longer
 * than `MAX_HASH_CHARS`, the longest of the publisher filter and the search text is left out. What was
 * left out goes back to its default and into `cut`. Everything else is bounded far below the cap
 * (≈ 1 KB at most), so the result always fits. Never throws.
 *
 * @example fitLink({ ...DEFAULT_URL_STATE, pub: tenLongCjkNames }).cut // ['pub']
 */
export function fitLink(input: Readonly<UrlState>, defaults: Readonly<UrlState> = DEFAULT_URL_STATE): FittedLink {
  const fullLength = join(writePairs(input, defaults)).length - 1;
  const s = canonical(input);
  const cut = new Set<CutPart>();
  const leaveOut = (part: CutPart) => {
    if (part === 'pub') s.pub = [...defaults.pub];
    else s.q = defaults.q;
    cut.add(part);
  };
  if (!publishersTravel(s.pub)) leaveOut('pub');
  if (!queryTravels(s.q)) leaveOut('q');
  let out: Partial<Record<Key, string>>;
  for (;;) {
    s.cut = canonicalOrder([...input.cut, ...cut], CUT_PARTS);
    out = writePairs(s, defaults);
    const hash = join(out);
    if (hash.length - 1 <= MAX_HASH_CHARS) return { hash, state: s, cut: canonicalOrder(cut, CUT_PARTS), fullLength };
    // The longest optional part goes first: it frees the most while leaving the most of the view.
    const longest = CUT_PARTS.filter((k) => out[k] !== undefined && !cut.has(k))
      .sort((a, b) => (out[b]?.length ?? 0) - (out[a]?.length ?? 0))[0];
    if (!longest) return { hash, state: s, cut: canonicalOrder(cut, CUT_PARTS), fullLength }; // unreachable: the rest is ~1 KB
    leaveOut(longest);
  }
}

/**
 * Write the link hash for a state. `v` and `map` are always written; every other key only when it differs
 * from `defaults`. Numbers are rounded (zoom 2 decimals, lat/lon 4, bearing/pitch 1); lists are written in
 * canonical order. The hash is never longer than `MAX_HASH_CHARS` after `#` (see `fitLink`). Never throws.
 *
 * @example encodeHash({ ...DEFAULT_URL_STATE, w: 40, sc: 'S2' })
 *   // '#v=1&map=3.00/50.0000/100.0000&w=40&sc=S2'
 */
export function encodeHash(state: Readonly<UrlState>, defaults: Readonly<UrlState> = DEFAULT_URL_STATE): string {
  return fitLink(state, defaults).hash;
}
