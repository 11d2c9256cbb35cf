/**
 * A small handle on `window` that browser tests use to wait for the map to be idle and to ask what is
 * drawn at a pixel. It exposes read-only views; nothing in the app depends on it.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { useStore } from '../state/store';
import { pickedId } from './picking';
import { basemapIdle } from './drawn';
import { vectorFeatureAt } from './vectorOverlays';

export interface TestHandle {
  isIdle(): boolean;
  /** What is drawn at a page position (CSS pixels): deck.gl's layers first, then MapLibre's routes and areas; or null. */
  pick(x: number, y: number, radius?: number): { layer: string; id: string | null } | null;
  project(lon: number, lat: number): { x: number; y: number };
  state(): unknown;
  /** Every deck.gl frame drawn so far: page time (ms) and the sighting points in its layers. */
  deckFrames(): readonly DeckFrame[];
}

export interface DeckFrame {
  t: number;
  points: number;
}

declare global {
  interface Window {
    __corridorWatch?: TestHandle;
    /** Set by the browser benchmark (never by the app) to fence the GPU after a frame. */
    __deckFrameProbe?: (points: number, gl: WebGL2RenderingContext) => void;
  }
}

const frames: DeckFrame[] = [];

/**
 * Called after every deck.gl frame with the number of sighting points drawn. Keeps the first 1,000 frames
 * (what start-up tests look at) and passes the frame to a benchmark's probe when one is installed.
 */
export function recordDeckFrame(points: number, gl: WebGL2RenderingContext): void {
  if (frames.length < 1000) frames.push({ t: performance.now(), points });
  window.__deckFrameProbe?.(points, gl);
}

/** Expose the handle for the map and its deck.gl overlay. */
export function exposeTestHandle(map: MlMap, overlay: MapboxOverlay): void {
  window.__corridorWatch = {
    isIdle: () => basemapIdle(map),
    pick(x, y, radius = 2) {
      // Page coordinates in, as project() gives them; deck.gl picks in canvas coordinates.
      const r = map.getCanvas().getBoundingClientRect();
      const info = overlay.pickObject({ x: x - r.left, y: y - r.top, radius });
      if (!info || !info.layer) return vectorFeatureAt(map, x - r.left, y - r.top);
      return { layer: info.layer.id, id: pickedId(info, useStore.getState().sightingSets) };
    },
    project(lon, lat) {
      // Page coordinates (the map sits below the header), so tests can click or screenshot there.
      const p = map.project([lon, lat]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    state: () => useStore.getState(),
    deckFrames: () => frames,
  };
}
