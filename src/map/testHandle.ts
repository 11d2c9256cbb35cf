/**
 * A small handle on `window` that browser tests use to wait for the map to be idle and to ask deck.gl
 * what is drawn at a pixel. It exposes read-only views; nothing in the app depends on it.
 */
import type { Map as MlMap } from 'maplibre-gl';
import type { MapboxOverlay } from '@deck.gl/mapbox';
import { useStore } from '../state/store';
import { pickedId } from './picking';

export interface TestHandle {
  isIdle(): boolean;
  /** What deck.gl draws at a page position (CSS pixels), or null. */
  pick(x: number, y: number, radius?: number): { layer: string; id: string | null } | null;
  project(lon: number, lat: number): { x: number; y: number };
  state(): unknown;
}

declare global {
  interface Window {
    __corridorWatch?: TestHandle;
  }
}

export function exposeTestHandle(map: MlMap, overlay: MapboxOverlay): void {
  window.__corridorWatch = {
    isIdle: () => map.loaded() && !map.isMoving() && map.areTilesLoaded() && Boolean(map.getLayer('land')),
    pick(x, y, radius = 2) {
      // Page coordinates in, as project() gives them; deck.gl picks in canvas coordinates.
      const r = map.getCanvas().getBoundingClientRect();
      const info = overlay.pickObject({ x: x - r.left, y: y - r.top, radius });
      if (!info || !info.layer) return null;
      return { layer: info.layer.id, id: pickedId(info, useStore.getState().sightingSets) };
    },
    project(lon, lat) {
      // Page coordinates (the map sits below the header), so tests can click or screenshot there.
      const p = map.project([lon, lat]);
      const r = map.getCanvas().getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    state: () => useStore.getState(),
  };
}
