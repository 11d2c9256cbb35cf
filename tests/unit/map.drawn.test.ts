import { describe, expect, test } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import { basemapIdle, noteBasemapMissing } from '../../src/map/drawn';

/** A map as basemapIdle sees it: loaded, still, tiles in; with or without the basemap's land layer. */
const fakeMap = (land: boolean) =>
  ({ loaded: () => true, isMoving: () => false, areTilesLoaded: () => true, getLayer: (id: string) => (land && id === 'land' ? {} : undefined) }) as unknown as MlMap;

describe('basemapIdle', () => {
  test('waits for the basemap while it may still come', () => {
    expect(basemapIdle(fakeMap(true))).toBe(true);
    expect(basemapIdle(fakeMap(false))).toBe(false);
  });
  test('a map whose basemap failed is idle once its plain style is drawn', () => {
    const map = fakeMap(false);
    noteBasemapMissing(map);
    expect(basemapIdle(map)).toBe(true);
    // Only that map: another still waits for its basemap.
    expect(basemapIdle(fakeMap(false))).toBe(false);
  });
});
