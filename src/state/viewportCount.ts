/**
 * "In view": how many of the sightings the filters show lie inside the map's current bounds. Pure: the
 * visible sets and a bounding box in, a count out.
 */
import type { VisibleSet } from './derived';

/**
 * The map's bounds in degrees: `[west, south, east, north]`. West may be below −180 or east above 180
 * when the view crosses the antimeridian (as MapLibre reports them).
 */
export type ViewBounds = readonly [west: number, south: number, east: number, north: number];

/** Whether a longitude lies in `[west, east]`, also when the bounds run past ±180°. */
function lonInside(lon: number, west: number, east: number): boolean {
  if (east - west >= 360) return true;
  for (const l of [lon, lon - 360, lon + 360]) if (l >= west && l <= east) return true;
  return false;
}

/**
 * Visible sightings inside `bounds` (edges included).
 * @example countInBounds(visible, [129, 41, 132, 43.5]) // the reports around Rajin and Vladivostok
 */
export function countInBounds(visible: readonly VisibleSet[], bounds: ViewBounds): number {
  const [west, south, east, north] = bounds;
  let n = 0;
  for (const { set, indices } of visible) {
    const { lon, lat } = set.columns;
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      const y = lat[i]!;
      if (y >= south && y <= north && lonInside(lon[i]!, west, east)) n++;
    }
  }
  return n;
}

let last: { visible: readonly VisibleSet[]; bounds: ViewBounds; n: number } | null = null;

/** `countInBounds`, remembered for the last (visible, bounds) pair: store updates that change neither are free. */
export function inViewCount(visible: readonly VisibleSet[], bounds: ViewBounds): number {
  if (last && last.visible === visible && last.bounds === bounds) return last.n;
  last = { visible, bounds, n: countInBounds(visible, bounds) };
  return last.n;
}
