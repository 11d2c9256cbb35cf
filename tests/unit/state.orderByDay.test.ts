import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { orderByDay } from '../../src/state/setParts';

const cols = (days: number[]) => ({ length: days.length, day: Int32Array.from(days) });
/** The definition: indices sorted by day, ties by index. */
const reference = (days: number[]) => days.map((_, i) => i).sort((a, b) => days[a]! - days[b]! || a - b);

describe('orderByDay', () => {
  test('hand-worked: by day, ties in index order', () => {
    // days:            0      1      2      3      4      5
    const days = [19_700, 19_650, 19_700, 19_650, 19_600, 19_700];
    expect(Array.from(orderByDay(cols(days)))).toEqual([4, 1, 3, 0, 2, 5]);
  });
  test('empty, single, negative days (before 1970)', () => {
    expect(Array.from(orderByDay(cols([])))).toEqual([]);
    expect(Array.from(orderByDay(cols([42])))).toEqual([0]);
    expect(Array.from(orderByDay(cols([-3, -10, 0, -10])))).toEqual([1, 3, 0, 2]);
  });
  test('a span far wider than the data (counting would waste memory) still sorts', () => {
    expect(Array.from(orderByDay(cols([2_000_000, -2_000_000, 0, 2_000_000])))).toEqual([1, 2, 0, 3]);
  });
  test('equals the comparison sort for any days, narrow or wide', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.integer({ min: 19_000, max: 20_500 })), fc.array(fc.integer({ min: -1e7, max: 1e7 }))), (days) => {
        expect(Array.from(orderByDay(cols(days)))).toEqual(reference(days));
      }),
    );
  });
});
