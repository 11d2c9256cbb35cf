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
    expect(Array.from(t.days)).toEqual([10, 12, 15]);
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
  test('an empty set counts nothing', () => {
    expect(countIn(buildDayCounts(setOf([]), null), 0, 99, ALL_CATEGORIES, ALL_CONFIDENCES)).toBe(0);
  });
  test('equals the number of visible indices for any set, window and filter', () => {
    const row = fc.tuple(fc.integer({ min: 19_000, max: 19_060 }), fc.integer({ min: 0, max: CATEGORIES.length - 1 }), fc.integer({ min: 0, max: 2 }));
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
