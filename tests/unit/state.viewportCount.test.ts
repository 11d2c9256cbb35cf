import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CATEGORIES } from '../../src/domain/schemas';
import { dayToIso } from '../../src/domain/dates';
import { allocColumns } from '../../src/metrics/columns';
import { selectVisible } from '../../src/state/derived';
import { makeColumnarSet, type SetKey } from '../../src/state/sightingSets';
import { DEFAULT_FILTERS, DEFAULT_LAYERS } from '../../src/state/types';
import { countInBounds, inViewCount, type ViewBounds } from '../../src/state/viewportCount';

const DAY = 19_700;
/** A set of points at [lon, lat], all on one day; `categories[i]` (default 0) is point i's category. */
function setAt(points: [number, number][], categories: number[] = [], key: SetKey = 'bundled') {
  const c = allocColumns(points.length, points.map((_, i) => `p-${i}`));
  points.forEach(([lon, lat], i) => {
    c.lon[i] = lon;
    c.lat[i] = lat;
    c.day[i] = DAY;
    c.category[i] = categories[i] ?? 0;
  });
  return makeColumnarSet(key, c);
}
const ALL = { ...DEFAULT_FILTERS, from: dayToIso(DAY), to: dayToIso(DAY) };
const count = (sets: ReturnType<typeof setAt>[], b: ViewBounds, f = ALL, layers = DEFAULT_LAYERS) => countInBounds(sets, f, layers, b);

// Kursk (36.18, 51.73), Rajin (130.28, 42.26), Khasan (130.645, 42.428), Pyongyang (125.75, 39.03).
const POINTS: [number, number][] = [[36.18, 51.73], [130.28, 42.26], [130.645, 42.428], [125.75, 39.03]];

describe('countInBounds', () => {
  test('counts only the filtered points inside the box', () => {
    // A box over Rason holds Rajin and Khasan; Kursk and Pyongyang lie outside.
    expect(count([setAt(POINTS)], [129, 41, 132, 43.5])).toBe(2);
    // Filtered out (Khasan's category is not chosen): it no longer counts though it is in the box.
    const only0 = { ...ALL, categories: [CATEGORIES[0]!] };
    expect(count([setAt(POINTS, [0, 0, 1, 0])], [129, 41, 132, 43.5], only0)).toBe(1);
    // The whole theatre holds all four (every point inside: counted from the day table), and the filter still applies.
    expect(count([setAt(POINTS)], [30, 35, 140, 60])).toBe(4);
    expect(count([setAt(POINTS, [0, 0, 1, 0])], [30, 35, 140, 60], only0)).toBe(3);
    // Outside the time window nothing is in view.
    expect(count([setAt(POINTS)], [30, 35, 140, 60], { ...ALL, from: dayToIso(DAY + 1), to: dayToIso(DAY + 2) })).toBe(0);
  });
  test('edges are inside; several sets add up; a switched-off set does not count', () => {
    expect(count([setAt([[10, 10]]), setAt([[10, 20], [11, 10]])], [10, 10, 10, 20])).toBe(2);
    const imported = setAt([[10, 15]], [], 'imported');
    expect(count([setAt([[10, 10]]), imported], [10, 10, 10, 20])).toBe(2);
    expect(count([setAt([[10, 10]]), imported], [10, 10, 10, 20], ALL, { ...DEFAULT_LAYERS, imported: false })).toBe(1);
  });
  test('a view across the antimeridian (east above 180) holds points just west of −180 + 360', () => {
    // Bounds 170…190 hold lon 175 and lon −175 (= 185).
    expect(count([setAt([[175, 0], [-175, 0], [160, 0]])], [170, -10, 190, 10])).toBe(2);
    expect(count([setAt([[175, 0], [-175, 0]])], [170, -10, 190, 10])).toBe(2);
    // A world-wide view holds every longitude.
    expect(count([setAt([[175, 0], [-175, 0], [0, 0]])], [-400, -80, 400, 80])).toBe(3);
  });
  test('equals the visible list filtered by the box, for any points, filters and view', () => {
    const lon = fc.double({ min: -180, max: 180, noNaN: true });
    const lat = fc.double({ min: -80, max: 80, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(lon, lat, fc.nat(CATEGORIES.length - 1)), { maxLength: 40 }),
        fc.tuple(lon, lat, fc.double({ min: 0, max: 400, noNaN: true }), fc.double({ min: 0, max: 160, noNaN: true })),
        fc.subarray([...CATEGORIES]),
        (pts, [w, s, dw, dh], cats) => {
          const set = setAt(pts.map(([x, y]) => [x, y]), pts.map((p) => p[2]));
          const b: ViewBounds = [w, s, w + dw, s + dh];
          const f = { ...ALL, categories: cats };
          const inLon = (x: number) => b[2] - b[0] >= 360 || [x, x - 360, x + 360].some((l) => l >= b[0] && l <= b[2]);
          const expected = selectVisible([set], f, DEFAULT_LAYERS)[0]!.indices.filter((i) => {
            const [x, y] = pts[i]!;
            return y >= b[1] && y <= b[3] && inLon(x);
          }).length;
          expect(countInBounds([set], f, DEFAULT_LAYERS, b)).toBe(expected);
        },
      ),
    );
  });
  test('one set asked again after the view or the text filter changed answers for the new ones', () => {
    const set = setAt(POINTS);
    const rason: ViewBounds = [129, 41, 132, 43.5];
    expect(count([set], rason)).toBe(2);
    expect(count([set], [120, 38, 132, 43.5])).toBe(3); // Pyongyang joins
    expect(count([set], rason)).toBe(2);
    // Ids p-0…p-3: the text "p-2" keeps Khasan alone.
    expect(count([set], rason, { ...ALL, query: 'p-2' })).toBe(1);
    expect(count([set], rason)).toBe(2);
  });
  test('inViewCount answers the same and remembers the last answer', () => {
    const sets = [setAt(POINTS)];
    const b = [129, 41, 132, 43.5] as const;
    expect(inViewCount(sets, ALL, DEFAULT_LAYERS, b)).toBe(2);
    expect(inViewCount(sets, ALL, DEFAULT_LAYERS, b)).toBe(2);
    expect(inViewCount(sets, ALL, DEFAULT_LAYERS, [30, 35, 140, 60])).toBe(4);
  });
});
