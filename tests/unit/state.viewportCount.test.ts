import { describe, expect, test } from 'vitest';
import { allocColumns } from '../../src/metrics/columns';
import type { VisibleSet } from '../../src/state/derived';
import { makeColumnarSet } from '../../src/state/sightingSets';
import { countInBounds, inViewCount } from '../../src/state/viewportCount';

/** A visible set of points at the given [lon, lat]; `shown` lists the indices the filters let through. */
function visibleAt(points: [number, number][], shown = points.map((_, i) => i)): VisibleSet {
  const c = allocColumns(points.length, points.map((_, i) => `p-${i}`));
  points.forEach(([lon, lat], i) => {
    c.lon[i] = lon;
    c.lat[i] = lat;
  });
  return { set: makeColumnarSet('bundled', c), indices: Uint32Array.from(shown) };
}

// Kursk (36.18, 51.73), Rajin (130.28, 42.26), Khasan (130.645, 42.428), Pyongyang (125.75, 39.03).
const POINTS: [number, number][] = [[36.18, 51.73], [130.28, 42.26], [130.645, 42.428], [125.75, 39.03]];

describe('countInBounds', () => {
  test('counts only the filtered points inside the box', () => {
    // A box over Rason holds Rajin and Khasan; Kursk and Pyongyang lie outside.
    expect(countInBounds([visibleAt(POINTS)], [129, 41, 132, 43.5])).toBe(2);
    // Filtered out (index 2 not shown): Khasan no longer counts even though it is in the box.
    expect(countInBounds([visibleAt(POINTS, [0, 1, 3])], [129, 41, 132, 43.5])).toBe(1);
    // The whole theatre holds all four.
    expect(countInBounds([visibleAt(POINTS)], [30, 35, 140, 60])).toBe(4);
  });
  test('edges are inside; several sets add up', () => {
    expect(countInBounds([visibleAt([[10, 10]]), visibleAt([[10, 20], [11, 10]])], [10, 10, 10, 20])).toBe(2);
  });
  test('a view across the antimeridian (east above 180) holds points just west of −180 + 360', () => {
    // Bounds 170…190 hold lon 175 and lon −175 (= 185).
    expect(countInBounds([visibleAt([[175, 0], [-175, 0], [160, 0]])], [170, -10, 190, 10])).toBe(2);
    // A world-wide view holds every longitude.
    expect(countInBounds([visibleAt([[175, 0], [-175, 0], [0, 0]])], [-400, -80, 400, 80])).toBe(3);
  });
  test('inViewCount answers the same and remembers the last answer', () => {
    const v = [visibleAt(POINTS)];
    const b = [129, 41, 132, 43.5] as const;
    expect(inViewCount(v, b)).toBe(2);
    expect(inViewCount(v, b)).toBe(2);
    expect(inViewCount(v, [30, 35, 140, 60])).toBe(4);
  });
});
