/**
 * The one store. Map, panels and URL are views of it; everything that changes the view goes through
 * an action here. Actions are plain functions, callable from map callbacks outside React.
 */
import { create } from 'zustand';
import type { Geodata, GeodataError } from '../domain/types';
import type { SightingSet } from './sightingSets';
import type { Source } from '../domain/schemas';
import { initialResults, type ResultsState } from './resultsTypes';
import { dataWindow } from './timeDomain';
import type { ViewBounds } from './viewportCount';
import {
  DEFAULT_CAMERA,
  DEFAULT_FILTERS,
  DEFAULT_LAYERS,
  type Camera,
  type Filters,
  type LayerId,
  type Notice,
  type Selection,
} from './types';

export interface AppState {
  data: Geodata | null;
  dataErrors: GeodataError[];
  /** Bundled, imported and (benchmark only) synthetic sightings. */
  sightingSets: SightingSet[];
  /** Sources that came with imported reports (ids `imp-src-…`). */
  importedSources: ReadonlyMap<string, Source>;
  /**
   * A one-off camera move the map animates to (e.g. after picking a table row). With `bounds` the map
   * frames them (`[[west, south], [east, north]]`, `zoom` then caps the zoom); otherwise it centres on lon/lat.
   */
  flyTo: { lon: number; lat: number; zoom?: number; bounds?: [[number, number], [number, number]]; seq: number } | null;
  camera: Camera;
  /** What the map shows, `[west, south, east, north]` degrees; null before the map exists. */
  viewBounds: ViewBounds | null;
  /** True when the camera came from a link, so the map must not re-frame the default view. */
  cameraFromLink: boolean;
  filters: Filters;
  layers: Record<LayerId, boolean>;
  selection: Selection;
  hoverId: string | null;
  notices: Notice[];
  ui: UiState;
  /** Results slice: what the metrics worker last answered (written only by src/state/results.ts). */
  results: ResultsState;
  /** The analyst's own reports: where they are saved (see src/state/own/). */
  analysis: AnalysisState;
}

export interface AnalysisState {
  /** The analysis file that holds the own reports as they are now (named in links), or null. */
  file: string | null;
  /** Own reports that could not be saved in this browser (kept in memory only). */
  unsaved: boolean;
}

export interface UiState {
  /** Which tab the right-hand panel shows. */
  panel: 'details' | 'corridors' | 'scenarios';
  tableOpen: boolean;
  /** Narrow screens: whether the side drawer is open. */
  drawerOpen: boolean;
  /** Time-slider playback. */
  playing: boolean;
  playStep: 'week' | 'month';
  /** Milliseconds between playback steps. */
  playIntervalMs: number;
  /** The position (`lon,lat`, see stacks.ts) whose list of reports the details panel shows, or null. */
  stackKey: string | null;
}

export const initialState = (): AppState => ({
  data: null,
  dataErrors: [],
  sightingSets: [],
  importedSources: new Map(),
  flyTo: null,
  camera: { ...DEFAULT_CAMERA },
  viewBounds: null,
  cameraFromLink: false,
  filters: { ...DEFAULT_FILTERS },
  layers: { ...DEFAULT_LAYERS },
  selection: { featureId: null, corridorId: null, scenarioId: null, indicatorId: null },
  hoverId: null,
  notices: [],
  ui: { panel: 'details', tableOpen: false, drawerOpen: false, playing: false, playStep: 'month', playIntervalMs: 800, stackKey: null },
  results: initialResults(),
  analysis: { file: null, unsaved: false },
});

export const useStore = create<AppState>()(() => initialState());

let noticeSeq = 0;

const sameCamera = (a: Camera, b: Camera) =>
  Math.abs(a.zoom - b.zoom) < 1e-3 &&
  Math.abs(a.lat - b.lat) < 1e-5 &&
  Math.abs(a.lon - b.lon) < 1e-5 &&
  Math.abs(a.bearing - b.bearing) < 1e-3 &&
  Math.abs(a.pitch - b.pitch) < 1e-3;

export const actions = {
  setData(data: Geodata, errors: GeodataError[], sets: SightingSet[]) {
    useStore.setState({ data, dataErrors: errors, sightingSets: sets });
  },
  /** Adds or replaces the set with the same key. */
  putSightingSet(set: SightingSet) {
    useStore.setState((s) => ({ sightingSets: [...s.sightingSets.filter((x) => x.key !== set.key), set] }));
  },
  removeSightingSet(key: SightingSet['key']) {
    useStore.setState((s) => ({ sightingSets: s.sightingSets.filter((x) => x.key !== key) }));
  },
  flyTo(lon: number, lat: number, zoom?: number) {
    const seq = (useStore.getState().flyTo?.seq ?? 0) + 1;
    useStore.setState({ flyTo: { lon, lat, seq, ...(zoom !== undefined ? { zoom } : {}) } });
  },
  /** Frames a box `[west, south, east, north]` (degrees), zooming in no further than `maxZoom`. */
  frame(box: readonly [number, number, number, number], maxZoom = 9) {
    const seq = (useStore.getState().flyTo?.seq ?? 0) + 1;
    const [w, s, e, n] = box;
    useStore.setState({ flyTo: { lon: (w + e) / 2, lat: (s + n) / 2, zoom: maxZoom, bounds: [[w, s], [e, n]], seq } });
  },
  /** Skips the update when the camera did not really move, so map ⇄ store sync cannot loop. */
  setCamera(camera: Camera) {
    if (sameCamera(useStore.getState().camera, camera)) return;
    useStore.setState({ camera });
  },
  /** Skips the update when the bounds did not change (they arrive with every camera move). */
  setViewBounds(b: ViewBounds) {
    const now = useStore.getState().viewBounds;
    if (now && now.every((v, i) => v === b[i])) return;
    useStore.setState({ viewBounds: b });
  },
  setFilters(patch: Partial<Filters>) {
    useStore.setState((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  /** Every filter back to its default; the window to the months the bundled reports cover. */
  resetFilters() {
    useStore.setState((s) => ({ filters: { ...DEFAULT_FILTERS, ...dataWindow(s.data?.sightings.map((f) => f.properties) ?? []) } }));
  },
  toggleLayer(id: LayerId, on?: boolean) {
    useStore.setState((s) => ({ layers: { ...s.layers, [id]: on ?? !s.layers[id] } }));
  },
  select(patch: Partial<Selection>) {
    useStore.setState((s) => ({
      selection: { ...s.selection, ...patch },
      // Selecting a feature brings its details forward.
      ui: patch.featureId ? { ...s.ui, panel: 'details' } : s.ui,
    }));
  },
  /** Clears the selected feature and the open list of stacked reports. */
  clearSelection() {
    useStore.setState((s) => ({ selection: { ...s.selection, featureId: null }, ui: { ...s.ui, stackKey: null } }));
  },
  setUi(patch: Partial<UiState>) {
    useStore.setState((s) => ({ ui: { ...s.ui, ...patch } }));
  },
  hover(id: string | null) {
    if (useStore.getState().hoverId !== id) useStore.setState({ hoverId: id });
  },
  notify(level: Notice['level'], text: string, details?: string[], action?: Notice['action']): number {
    const id = ++noticeSeq;
    useStore.setState((s) => ({ notices: [...s.notices, { id, level, text, ...(details ? { details } : {}), ...(action ? { action } : {}) }] }));
    return id;
  },
  setAnalysis(patch: Partial<AnalysisState>) {
    useStore.setState((s) => ({ analysis: { ...s.analysis, ...patch } }));
  },
  /** Results slice: merge what the metrics worker answered (called by src/state/results.ts only). */
  setResults(patch: Partial<ResultsState>) {
    useStore.setState((s) => ({ results: { ...s.results, ...patch } }));
  },
  /** Change a notice's text in place (a progress notice that reports its outcome keeps its place in the strip). */
  updateNotice(id: number, patch: Partial<Pick<Notice, 'level' | 'text'>>) {
    useStore.setState((s) => ({ notices: s.notices.map((n) => (n.id === id ? { ...n, ...patch } : n)) }));
  },
  dismissNotice(id: number) {
    useStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};
