/**
 * The one store. Map, panels and URL are views of it; everything that changes the view goes through
 * an action here. Actions are plain functions, callable from map callbacks outside React.
 */
import { create } from 'zustand';
import type { Geodata, GeodataError } from '../domain/types';
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
  camera: Camera;
  filters: Filters;
  layers: Record<LayerId, boolean>;
  selection: Selection;
  hoverId: string | null;
  notices: Notice[];
}

export const initialState = (): AppState => ({
  data: null,
  dataErrors: [],
  camera: { ...DEFAULT_CAMERA },
  filters: { ...DEFAULT_FILTERS },
  layers: { ...DEFAULT_LAYERS },
  selection: { featureId: null, corridorId: null, scenarioId: null, indicatorId: null },
  hoverId: null,
  notices: [],
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
  setData(data: Geodata, errors: GeodataError[]) {
    useStore.setState({ data, dataErrors: errors });
  },
  /** Skips the update when the camera did not really move, so map ⇄ store sync cannot loop. */
  setCamera(camera: Camera) {
    if (sameCamera(useStore.getState().camera, camera)) return;
    useStore.setState({ camera });
  },
  setFilters(patch: Partial<Filters>) {
    useStore.setState((s) => ({ filters: { ...s.filters, ...patch } }));
  },
  resetFilters() {
    useStore.setState({ filters: { ...DEFAULT_FILTERS } });
  },
  toggleLayer(id: LayerId, on?: boolean) {
    useStore.setState((s) => ({ layers: { ...s.layers, [id]: on ?? !s.layers[id] } }));
  },
  select(patch: Partial<Selection>) {
    useStore.setState((s) => ({ selection: { ...s.selection, ...patch } }));
  },
  clearSelection() {
    useStore.setState((s) => ({ selection: { ...s.selection, featureId: null } }));
  },
  hover(id: string | null) {
    if (useStore.getState().hoverId !== id) useStore.setState({ hoverId: id });
  },
  notify(level: Notice['level'], text: string, details?: string[]): number {
    const id = ++noticeSeq;
    useStore.setState((s) => ({ notices: [...s.notices, { id, level, text, ...(details ? { details } : {}) }] }));
    return id;
  },
  dismissNotice(id: number) {
    useStore.setState((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  },
};
