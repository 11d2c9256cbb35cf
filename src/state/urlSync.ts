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
  LIMITS,
  MAX_HASH_CHARS,
  PRECISION,
  PRECISIONS,
  SCENARIO_IDS,
  dataVersionNotice,
  cutWords,
  decodeHash,
  isLinkFileName,
  fitLink,
  type FittedLink,
  type ScenarioId,
  type UrlState,
} from '../url';
import { CONFIDENCES } from '../metrics/columns';
import { actions, useStore, type AppState } from './store';
import { linkHadImports } from './import/restore';
import { explainOtherData } from './sinceLink/explain';
import { DATA_END, DATA_START, DEFAULT_CAMERA, type Camera } from './types';

/**
 * Link defaults: what a link that leaves a key out means. They are part of link format v1 and frozen
 * (the window is the bundled months as first shipped, 2023-07-01…2025-12-31), so old links keep their
 * meaning even when the data grows; a fresh view whose window differs simply writes `from`/`to`.
 */
export const URL_DEFAULTS: Readonly<UrlState> = { ...DEFAULT_URL_STATE, from: DATA_START, to: DATA_END, camera: { ...DEFAULT_CAMERA } };

const all = <T>(list: readonly T[], universe: readonly T[]) => (list.length === 0 ? [...universe] : universe.filter((v) => list.includes(v)));
const some = <T>(list: readonly T[], universe: readonly T[]) => (list.length === universe.length ? [] : [...list]);

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
const wrap180 = (v: number) => ((((v + 180) % 360) + 360) % 360) - 180;

/**
 * Round a camera to link precision and clamp it to what a link accepts (zoom 0–24, latitude ±85.0511°,
 * pitch 0–85°; longitude and bearing wrapped into −180…180), so store, map and link agree exactly at any
 * window size — a small window can fit the theatre only below zoom 0, which a link cannot say.
 * @example roundCamera({ zoom: -0.49, lat: 51, lon: 84, bearing: 0, pitch: 0 }).zoom // 0
 */
export function roundCamera(c: Camera): Camera {
  // `+ 0` turns −0 (from a tiny negative) into 0, as the link writes it, so store and link agree exactly.
  const r = (v: number, d: number) => Number(v.toFixed(d)) + 0;
  const num = (v: number, fallback: number) => (Number.isFinite(v) ? v : fallback);
  return {
    zoom: r(clamp(num(c.zoom, 0), LIMITS.zoomMin, LIMITS.zoomMax), PRECISION.zoom),
    lat: r(clamp(num(c.lat, 0), -LIMITS.latMax, LIMITS.latMax), PRECISION.latLon),
    lon: r(wrap180(num(c.lon, 0)), PRECISION.latLon),
    // MapLibre reports bearings in (−180, 180]: only a bearing outside what a link accepts is wrapped.
    bearing: r(Math.abs(num(c.bearing, 0)) <= 180 ? num(c.bearing, 0) : wrap180(c.bearing), PRECISION.bearingPitch) || 0,
    pitch: r(clamp(num(c.pitch, 0), 0, LIMITS.pitchMax), PRECISION.bearingPitch) || 0,
  };
}

/** Whether the imported set holds an analyst's own report. */
function hasOwnReports(s: AppState): boolean {
  return s.sightingSets.some((x) => x.key === 'imported' && (x.features?.some((f) => f.properties.own === true) ?? false));
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
    // Not shortened here: a search the link cannot carry exactly is left out by `fitLink`, and said so.
    q: f.query,
    w: Math.round(f.widthKm),
    sel: s.selection.featureId,
    cor: s.selection.corridorId,
    sc: (SCENARIO_IDS as readonly string[]).includes(s.selection.scenarioId ?? '') ? (s.selection.scenarioId as ScenarioId) : null,
    ind: s.selection.indicatorId,
    d: dataVersion,
    imp: s.sightingSets.some((x) => x.key === 'imported' && x.columns.length > 0),
    // The analysis file that holds the own reports as they are now; a later change clears it.
    af: s.analysis.file !== null && isLinkFileName(s.analysis.file) && hasOwnReports(s) ? s.analysis.file : null,
    tab: s.ui.panel,
    cut: [],
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
    ui: { ...s.ui, panel: u.tab },
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
  (s) => s.ui.panel,
];

/** What start-up needs to know about the link it opened. */
export interface OpenedLink {
  linkDataVersion: string | null;
  imported: boolean;
  /** The analysis file the link says holds the view's own reports. */
  file?: string | null;
  /** There was a link (any hash): its missing keys mean the link defaults, not the data's extent. */
  fromLink: boolean;
}

/** Restore from the current hash; returns the decoded link's data version for a later check. */
export function restoreFromHash(hash: string): OpenedLink {
  if (!hash || hash === '#') return { linkDataVersion: null, imported: false, fromLink: false };
  const { state, notices } = decodeHash(hash, URL_DEFAULTS);
  // A camera counts as named only when the link's camera part was usable (an ignored `map=` is noticed).
  const hasCamera =
    /(^|[#&])(map|z)=|^#\d/.test(hash.slice(0, 8192)) && !notices.some((n) => /"(map|z)=/.test(n));
  applyUrlState(state, hasCamera);
  // `imp` is said once, and only when true: after restoring, when this browser has no imported reports.
  const ignored = notices.filter((n) => !n.startsWith('This view included imported data'));
  if (ignored.length) actions.notify('warning', 'Parts of this link could not be used and were ignored:', ignored);
  return { linkDataVersion: state.d, imported: state.imp, file: state.af, fromLink: true };
}

let currentDataVersion: () => string | null = () => null;

/** The link of the view as it is now, fitted to what a link carries (see `fitLink`). */
export function currentLink(): FittedLink {
  return fitLink(toUrlState(useStore.getState(), currentDataVersion()), URL_DEFAULTS);
}

/** The bundled data's version the links name (`d=`), or null before the data is loaded. */
export const dataVersionNow = (): string | null => currentDataVersion();

/**
 * The permalink of the view as it is now, without waiting for the debounced hash update (exports, the
 * brief and Share call this right after a change). The page query (e.g. `?synthetic=`) is not carried.
 */
export function currentPermalink(link: FittedLink = currentLink()): string {
  return `${window.location.origin}${window.location.pathname}${link.hash}`;
}

/**
 * What the sharer is told when the view's link leaves parts out, or `null` when it carries everything.
 * @example cutWarning({ cut: ['pub'], fullLength: 9214 }) // 'The link to this view leaves out the publisher filter: …'
 */
export function cutWarning(link: Pick<FittedLink, 'cut' | 'fullLength'>): string | null {
  if (!link.cut.length) return null;
  const why = link.fullLength > MAX_HASH_CHARS
    ? `with it the link would be ${link.fullLength.toLocaleString('en-GB')} characters; links hold ${MAX_HASH_CHARS.toLocaleString('en-GB')}`
    : 'a link cannot carry it exactly (a line break, or longer than a link allows)';
  return `The link to this view leaves out the ${cutWords(link.cut)} (${why}). Whoever opens it is told.`;
}

/** Start two-way sync between the store and `location.hash`. Returns a stop function. */
export function startUrlSync(dataVersion: () => string | null, link: Pick<OpenedLink, 'linkDataVersion' | 'imported' | 'file'>): () => void {
  currentDataVersion = dataVersion;
  const d = dataVersion();
  const versionNote = d && link.linkDataVersion ? dataVersionNotice(link.linkDataVersion, d) : null;
  if (versionNote && d && link.linkDataVersion) void explainOtherData(link.linkDataVersion, d, versionNote, { kind: 'link' });
  if (link.imported || link.file) linkHadImports(link.file ?? null);

  let timer: ReturnType<typeof setTimeout> | undefined;
  let push = false;
  let applying = false;
  let cutKey = '';
  let cutNoticeId: number | null = null;
  const write = () => {
    timer = undefined;
    const link = fitLink(toUrlState(useStore.getState(), dataVersion()), URL_DEFAULTS);
    const { hash } = link;
    // The sharer hears of a cut as soon as the address bar holds it, not only when pressing Share.
    if (link.cut.join() !== cutKey) {
      cutKey = link.cut.join();
      if (cutNoticeId !== null) actions.dismissNotice(cutNoticeId);
      const text = cutWarning(link);
      cutNoticeId = text ? actions.notify('warning', text) : null;
    }
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
