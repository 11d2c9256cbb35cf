import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { CATEGORIES } from '../../src/domain/schemas';
import { dayToIso } from '../../src/domain/dates';
import { ALL_CATEGORIES, ALL_CONFIDENCES, allocColumns, categoryMask, confidenceMask, CONFIDENCES } from '../../src/metrics/columns';
import { buildDayCounts, countIn } from '../../src/state/dayCounts';
import { visibleTotal } from '../../src/state/derived';
import { makeColumnarSet, visibleIndices } from '../../src/state/sightingSets';
import { DEFAULT_FILTERS, DEFAULT_LAYERS } from '../../src/state/types';

/** A columnar set of (day, category, confidence) rows. */
function setOf(rows: [number, number, number][]) {
  const c = allocColumns(rows.length, rows.map((_, i) => `x${i}`));
  rows.forEach(([d, cat, conf], i) => {
    c.day[i] = d;
    c.category[i] = cat;
    c.confidence[i] = conf;
  });
  return makeColumnarSet('synthetic', c);
}

describe('day counts', () => {
  // Days 10, 10, 12, 15; categories 0, 2, 2, 0; confidences high, low, moderate, high.
  const set = setOf([[12, 2, 1], [10, 0, 0], [15, 0, 0], [10, 2, 2]]);
  const t = buildDayCounts(set, null);
  test('hand-worked: distinct days and windows with inclusive edges', () => {
    // A row for every day of the span (10…15), the empty days 11, 13 and 14 included.
    expect(Array.from(t.days)).toEqual([10, 11, 12, 13, 14, 15]);
    expect(countIn(t, 10, 15, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(4);
    expect(countIn(t, 11, 14, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(1);
    expect(countIn(t, 12, 12, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(1);
    expect(countIn(t, 16, 99, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(0);
    expect(countIn(t, 0, 9, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(0);
    expect(countIn(t, 15, 10, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(0); // inverted window
  });
  test('hand-worked: category and confidence masks', () => {
    expect(countIn(t, 0, 99, 1 << 2, ALL_CONFIDENCES)).toBe(2);
    expect(countIn(t, 0, 99, 1 << 2, 1 << 2)).toBe(1); // category 2, low
    expect(countIn(t, 0, 99, ALL_CATEGORIES, 1 << 0)).toBe(2); // high
    expect(countIn(t, 0, 99, 0, ALL_CONFIDENCES)).toBe(0);
  });
  test('points that fail the text/source filters are not counted', () => {
    expect(countIn(buildDayCounts(set, Uint8Array.of(1, 0, 1, 0)), 0, 99, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(2);
  });
  test('a span far wider than the data keeps rows for the days present only, and counts the same', () => {
    // 1990-01-01 beside 2025: 13,000 days apart, more than a row per day is worth for three points.
    const wide = setOf([[7305, 0, 0], [20_100, 2, 1], [20_100, 0, 0]]);
    const w = buildDayCounts(wide, null);
    expect(Array.from(w.days)).toEqual([7305, 20_100]);
    expect(countIn(w, 0, 30_000, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(3);
    expect(countIn(w, 7306, 20_100, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(2);
    expect(countIn(w, 7305, 20_099, 1 << 0, ALL_CONFIDENCES)).toBe(1);
  });
  test('an empty set counts nothing', () => {
    expect(countIn(buildDayCounts(setOf([]), null), 0, 99, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(0);
  });
  test('equals the number of visible indices for any set, window and filter', () => {
    // Days mostly in two months, sometimes decades away (both table layouts).
    const day = fc.oneof({ arbitrary: fc.integer({ min: 19_000, max: 19_060 }), weight: 9 }, { arbitrary: fc.integer({ min: 7305, max: 47_000 }), weight: 1 });
    const row = fc.tuple(day, fc.integer({ min: 0, max: CATEGORIES.length - 1 }), fc.integer({ min: 0, max: 2 }));
    fc.assert(
      fc.property(
        fc.array(row, { maxLength: 60 }),
        fc.integer({ min: 18_990, max: 19_070 }),
        fc.integer({ min: 0, max: 40 }),
        fc.subarray([...CATEGORIES]),
        fc.subarray([...CONFIDENCES]),
        fc.option(fc.array(fc.boolean(), { minLength: 60, maxLength: 60 })),
        (rows, from, len, categories, confidences, flags) => {
          const s = setOf(rows);
          const pass = flags ? Uint8Array.from(flags.slice(0, rows.length), Number) : null;
          const f = { ...DEFAULT_FILTERS, from: dayToIso(from), to: dayToIso(from + len), categories, confidences };
          const cats = categories.length ? categoryMask(categories) : ALL_CATEGORIES;
          const confs = confidences.length ? confidenceMask(confidences) : ALL_CONFIDENCES;
          expect(countIn(buildDayCounts(s, pass), from, from + len, cats, confs)).toBe(visibleIndices(s, f, pass).length);
        },
      ),
    );
  });
  test('visibleTotal sums the visible sets and follows the layer toggles', () => {
    const f = { ...DEFAULT_FILTERS, from: dayToIso(10), to: dayToIso(12) };
    expect(visibleTotal([set], f, DEFAULT_LAYERS)).toBe(3);
    expect(visibleTotal([set], f, { ...DEFAULT_LAYERS, sightings: false })).toBe(0);
  });
});
