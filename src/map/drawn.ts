/**
 * "The map has drawn what is loaded": the basemap is idle and deck.gl has drawn a frame holding every
 * sighting point in its layers. Start-up work that the first picture does not need (the metrics join)
 * waits for it, so it does not compete with drawing on a machine with few cores or software WebGL.
 */
import type { Map as MlMap } from 'maplibre-gl';

/** Maps whose basemap could not be loaded: they draw on the plain background, which is all there is to wait for. */
const withoutBasemap = new WeakSet<MlMap>();
/** The basemap will not come (its file failed): the map is idle once the rest of its style is drawn. */
export const noteBasemapMissing = (map: MlMap) => void withoutBasemap.add(map);

/** MapLibre has the basemap (or, when it failed, the plain style) loaded, its tiles ready and is not moving. */
export const basemapIdle = (map: MlMap) =>
  map.loaded() && !map.isMoving() && map.areTilesLoaded() && (Boolean(map.getLayer('land')) || withoutBasemap.has(map));

let waiters: { need: () => number; resolve: () => void }[] = [];
let lastPoints = -1;

/**
 * Called by the map adapter after each deck.gl frame and each basemap idle, with the points of the last
 * frame; settles the waiters whose points are all drawn (two animation frames later: presented).
 */
export function noteDrawn(map: MlMap, points: number): void {
  lastPoints = points;
  if (!waiters.length || !basemapIdle(map)) return;
  const ready = waiters.filter((w) => points >= w.need());
  waiters = waiters.filter((w) => !ready.includes(w));
  if (ready.length) requestAnimationFrame(() => requestAnimationFrame(() => ready.forEach((w) => w.resolve())));
}

/** Points drawn in the last deck.gl frame (-1 before the first). */
export const drawnPoints = () => lastPoints;

/**
 * Resolves once the map has drawn `need()` points (read at each frame) over an idle basemap, or after
 * `maxMs` whatever happened (a map that cannot draw must not hold back the rest of the app).
 * @example await mapDrawn(() => totalPoints(useStore.getState())); startResults();
 */
export function mapDrawn(need: () => number, maxMs = 20_000): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, maxMs);
    function done() {
      clearTimeout(timer);
      waiters = waiters.filter((w) => w.resolve !== done);
      resolve();
    }
    waiters.push({ need, resolve: done });
  });
}
