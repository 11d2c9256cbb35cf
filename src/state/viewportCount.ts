/**
 * "In view": how many of the sightings the filters show lie inside the map's current bounds. Pure: sets,
 * filters and a bounding box in, a count out. Like the filter count it reads day tables (dayCounts.ts),
 * so a slider step costs binary searches whatever the number of points: a set wholly inside the view
 * uses its own table, any other a table of its points inside the view, made once per view.
 */
import type { AppState } from './store';
import { passOf, visibleTotal } from './derived';
import { buildDayCounts, countIn, type DayCounts } from './dayCounts';
import { filterBounds, type SightingSet } from './sightingSets';

/**
 * The map's bounds in degrees: `[west, south, east, north]`. West may be below −180 or east above 180
 * when the view crosses the antimeridian (as MapLibre reports them).
 */
export type ViewBounds = readonly [west: number, south: number, east: number, north: number];

/** Whether a longitude range `[a, b]` lies in `[west, east]`, also when the bounds run past ±180°. */
function lonsInside(a: number, b: number, west: number, east: number): boolean {
  // Written out (no list of shifts): it runs once per point when the view moves.
  return east - west >= 360 || (a >= west && b <= east) || (a - 360 >= west && b - 360 <= east) || (a + 360 >= west && b + 360 <= east);
}

const boxes = new WeakMap<SightingSet, ViewBounds>();
/** The box around a set's points, computed once per set (sets are immutable). */
function boxOf(set: SightingSet): ViewBounds {
  let box = boxes.get(set);
  if (!box) {
    const { lon, lat, length } = set.columns;
    let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
    for (let i = 0; i < length; i++) {
      w = Math.min(w, lon[i]!);
      e = Math.max(e, lon[i]!);
      s = Math.min(s, lat[i]!);
      n = Math.max(n, lat[i]!);
    }
    boxes.set(set, (box = [w, s, e, n]));
  }
  return box;
}

/** The day table of a set's points inside one view, under one pass mask. */
interface Inside {
  bounds: ViewBounds;
  pass: Uint8Array | null;
  counts: DayCounts;
}
const insides = new WeakMap<SightingSet, Inside>();
const sameBounds = (a: ViewBounds, b: ViewBounds) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/**
 * The day table of the points of `set` inside `bounds` (edges included) that pass: one pass over the
 * set when the view moves (or the text/source filters change), then every window and category choice is
 * two binary searches, so a slider step does not visit the points.
 */
function insideCounts(set: SightingSet, bounds: ViewBounds, pass: Uint8Array | null): DayCounts {
  const last = insides.get(set);
  if (last && last.pass === pass && sameBounds(last.bounds, bounds)) return last.counts;
  const [west, south, east, north] = bounds;
  const { lon, lat, length } = set.columns;
  const keep = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const y = lat[i]!;
    if ((!pass || pass[i] !== 0) && y >= south && y <= north && lonsInside(lon[i]!, lon[i]!, west, east)) keep[i] = 1;
  }
  const counts = buildDayCounts(set, keep);
  insides.set(set, { bounds, pass, counts });
  return counts;
}

/**
 * Sightings the filters and layer toggles show that lie inside `bounds` (edges included).
 * @example countInBounds(s.sightingSets, s.filters, s.layers, [129, 41, 132, 43.5]) // the reports around Rason
 */
export function countInBounds(sets: readonly SightingSet[], f: AppState['filters'], layers: AppState['layers'], bounds: ViewBounds): number {
  const [west, south, east, north] = bounds;
  let n = 0;
  for (const set of sets) {
    if (!(set.key === 'imported' ? layers.imported : layers.sightings) || set.columns.length === 0) continue;
    const [w, s, e, nn] = boxOf(set);
    const inside = s >= south && nn <= north && lonsInside(w, e, west, east);
    if (inside) n += visibleTotal([set], f, layers);
    else {
      const b = filterBounds(f);
      n += countIn(insideCounts(set, bounds, passOf(set, f)), b.fromDay, b.toDay, b.categories, b.confidences);
    }
  }
  return n;
}

let last: { args: readonly unknown[]; n: number } | null = null;

/** `countInBounds`, remembered for the last arguments: store updates that change none of them are free. */
export function inViewCount(sets: readonly SightingSet[], f: AppState['filters'], layers: AppState['layers'], bounds: ViewBounds): number {
  const args = [sets, f, layers, bounds];
  if (last && last.args.every((a, i) => a === args[i])) return last.n;
  last = { args, n: countInBounds(sets, f, layers, bounds) };
  return last.n;
}
