import { describe, expect, test } from 'vitest';
import type { SightingFeature } from '../../src/domain/schemas';
import { toColumns } from '../../src/metrics/columns';
import { concatColumns } from '../../src/state/concatColumns';

const sighting = (id: string, lon: number, date: string, quantity?: number): SightingFeature => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, 50] },
  properties: {
    id, name: id, date, category: 'training', summary: 's', confidence: 'moderate', location: 'exact', sources: ['a', 'b'],
    ...(quantity !== undefined ? { quantity: { value: quantity, unit: 'railcars' } } : {}),
  },
});

describe('concatColumns', () => {
  test('every field of every part, in order, at its offset', () => {
    const a = toColumns([sighting('a1', 10, '2024-01-01'), sighting('a2', 11, '2024-02-01', 73)]);
    const b = toColumns([sighting('b1', 20, '2025-03')]);
    const c = concatColumns([a, b]);
    expect(c.length).toBe(3);
    expect(c.ids).toEqual(['a1', 'a2', 'b1']);
    expect(Array.from(c.lon)).toEqual([10, 11, 20]);
    expect(Array.from(c.day)).toEqual([...a.day, ...b.day]);
    expect(c.qtyValue[1]).toBe(73);
    expect(Number.isNaN(c.qtyValue[2])).toBe(true);
    expect(c.qtyUnit[2]).toBe(b.qtyUnit[0]);
    expect(Array.from(c.sourceCount)).toEqual([2, 2, 2]);
    expect(Array.from(c.confidence)).toEqual([1, 1, 1]);
  });
  test('a single part is passed through untouched', () => {
    const a = toColumns([sighting('a1', 10, '2024-01-01')]);
    expect(concatColumns([a])).toBe(a);
  });
});
