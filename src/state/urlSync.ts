/**
 * The URL hash is a view of the store. At start-up the store is restored from the hash (what the link
 * could not use is named in a notice); afterwards every change is written back, debounced: continuous
 * changes (camera, slider, typing) replace the history entry, deliberate steps (selection, layers,
 * filters ticked, scenario) push a new one so Back/Forward move between them.
 */
import { CATEGORIES, SOURCE_KINDS } from '../domain/schemas';
import {
  DEFAULT_URL_STATE,
  LAYER_IDS,
  PRECISION,
  PRECISIONS,
  SCENARIO_IDS,
  dataVersionNotice,
  decodeHash,
  encodeHash,
  type ScenarioId,
  type UrlState,
} from '../url';
import { CONFIDENCES } from '../metrics/columns';
import { actions, useStore, type AppState } from './store';
import { DATA_END, DATA_START, DEFAULT_CAMERA, type Camera } from './types';

/** Link defaults: the store's (the whole data period), so a fresh view gives a short link. */
export const URL_DEFAULTS: Readonly<UrlState> = { ...DEFAULT_URL_STATE, from: DATA_START, to: DATA_END, camera: { ...DEFAULT_CAMERA } };

const all = <T>(list: readonly T[], universe: readonly T[]) => (list.length === 0 ? [...universe] : universe.filter((v) => list.includes(v)));
const some = <T>(list: readonly T[], universe: readonly T[]) => (list.length === universe.length ? [] : [...list]);

/** Round a camera to link precision, so store, map and link agree exactly. */
export function roundCamera(c: Camera): Camera {
  // `+ 0` turns −0 (from a tiny negative) into 0, as the link writes it, so store and link agree exactly.
  const r = (v: number, d: number) => Number(v.toFixed(d)) + 0;
  return {
    zoom: r(c.zoom, PRECISION.zoom),
    lat: r(c.lat, PRECISION.latLon),
    lon: r(((((c.lon + 180) % 360) + 360) % 360) - 180, PRECISION.latLon),
    bearing: r(c.bearing, PRECISION.bearingPitch) || 0,
    pitch: r(c.pitch, PRECISION.bearingPitch) || 0,
  };
}

/** The link form of the store's view. */
export function toUrlState(s: AppState, dataVersion: string | null): UrlState {
  const f = s.filters;
  return {
    camera: roundCamera(s.camera),
    layers: LAYER_IDS.filter((id) => s.layers[id]),
    from: f.from,
    to: f.to,
    cat: all(f.categories, CATEGORIES),
    conf: all(f.confidences, CONFIDENCES),
    src: all(f.sourceKinds, SOURCE_KINDS),
    prec: all(f.precisions, PRECISIONS),
    pub: [...f.publishers].sort(),
    q: f.query.slice(0, 200),
    w: Math.round(f.widthKm),
    sel: s.selection.featureId,
    cor: s.selection.corridorId,
    sc: (SCENARIO_IDS as readonly string[]).includes(s.selection.scenarioId ?? '') ? (s.selection.scenarioId as ScenarioId) : null,
    ind: s.selection.indicatorId,
    d: dataVersion,
    imp: s.sightingSets.some((x) => x.key === 'imported' && x.columns.length > 0),
  };
}

/** Put a decoded link into the store. `hasCamera`: the link named a camera (else the map frames the theatre). */
export function applyUrlState(u: UrlState, hasCamera: boolean): void {
  const notes: string[] = [];
  if (u.cat.length === 0) notes.push('The link selected no categories; showing all.');
  if (u.conf.length === 0) notes.push('The link selected no confidence levels; showing all.');
  if (u.src.length === 0) notes.push('The link selected no source kinds; showing all.');
  if (u.prec.length === 0) notes.push('The link selected no location precisions; showing all.');
  useStore.setState((s) => ({
    camera: hasCamera ? u.camera : s.camera,
    cameraFromLink: hasCamera,
    layers: Object.fromEntries(LAYER_IDS.map((id) => [id, u.layers.includes(id)])) as AppState['layers'],
    filters: {
      from: u.from,
      to: u.to,
      categories: some(u.cat, CATEGORIES),
      confidences: some(u.conf, CONFIDENCES),
      sourceKinds: some(u.src, SOURCE_KINDS),
      precisions: some(u.prec, PRECISIONS),
      publishers: [...u.pub],
      query: u.q,
      widthKm: u.w,
    },
    selection: { featureId: u.sel, corridorId: u.cor, scenarioId: u.sc, indicatorId: u.ind },
  }));
  for (const n of notes) actions.notify('info', n);
}

const DELIBERATE: ((s: AppState) => unknown)[] = [
  (s) => s.selection,
  (s) => s.layers,
  (s) => s.filters.categories,
  (s) => s.filters.confidences,
  (s) => s.filters.sourceKinds,
  (s) => s.filters.precisions,
  (s) => s.filters.publishers,
];

/** Restore from the current hash; returns the decoded link's data version for a later check. */
export function restoreFromHash(hash: string): { linkDataVersion: string | null; imported: boolean } {
  if (!hash || hash === '#') return { linkDataVersion: null, imported: false };
  const { state, notices } = decodeHash(hash, URL_DEFAULTS);
  // A camera counts as named only when the link's camera part was usable (an ignored `map=` is noticed).
  const hasCamera =
    /(^|[#&])(map|z)=|^#\d/.test(hash.slice(0, 8192)) && !notices.some((n) => /"(map|z)=/.test(n));
  applyUrlState(state, hasCamera);
  if (notices.length) actions.notify('warning', 'Parts of this link could not be used and were ignored:', notices);
  return { linkDataVersion: state.d, imported: state.imp };
}

let currentDataVersion: () => string | null = () => null;

/**
 * The permalink of the view as it is now, without waiting for the debounced hash update (exports, the
 * brief and Share call this right after a change). The page query (e.g. `?synthetic=`) is not carried.
 */
export function currentPermalink(): string {
  const hash = encodeHash(toUrlState(useStore.getState(), currentDataVersion()), URL_DEFAULTS);
  return `${window.location.origin}${window.location.pathname}${hash}`;
}

/** Start two-way sync between the store and `location.hash`. Returns a stop function. */
export function startUrlSync(dataVersion: () => string | null, link: { linkDataVersion: string | null; imported: boolean }): () => void {
  currentDataVersion = dataVersion;
  const d = dataVersion();
  const versionNote = d && link.linkDataVersion ? dataVersionNotice(link.linkDataVersion, d) : null;
  if (versionNote) actions.notify('warning', versionNote);
  if (link.imported) actions.notify('info', 'This link was made from a view that included imported reports; a link cannot carry them.');

  let timer: ReturnType<typeof setTimeout> | undefined;
  let push = false;
  let applying = false;
  const write = () => {
    timer = undefined;
    const hash = encodeHash(toUrlState(useStore.getState(), dataVersion()), URL_DEFAULTS);
    if (hash !== window.location.hash) {
      if (push) window.history.pushState(null, '', hash);
      else window.history.replaceState(null, '', hash);
    }
    push = false;
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (applying) return;
    if (DELIBERATE.some((sel) => sel(s) !== sel(prev))) push = true;
    if (timer === undefined) timer = setTimeout(write, 250);
  });
  const onPop = () => {
    applying = true;
    const { state } = decodeHash(window.location.hash, URL_DEFAULTS);
    applyUrlState(state, true);
    applying = false;
  };
  window.addEventListener('popstate', onPop);
  write();
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPop);
    if (timer) clearTimeout(timer);
  };
}
