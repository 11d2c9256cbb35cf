import { describe, expect, test } from 'vitest';
import type { SightingFeature } from '../../src/domain/schemas';
import { toColumns } from '../../src/metrics/columns';
import { concatColumns, packColumns, unpackColumns } from '../../src/metrics/handover';
import { fromIdParts, idParts, joinIds, sequentialId, sequentialIds } from '../../src/metrics/idList';

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
    const r = sighting('b1', 20, '2025-03');
    const b = toColumns([{ ...r, properties: { ...r.properties, location: 'region' } }]);
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
    expect(Array.from(c.precision)).toEqual([0, 0, 2]); // exact, exact, region
  });
  test('a single part is passed through untouched', () => {
    const a = toColumns([sighting('a1', 10, '2024-01-01')]);
    expect(concatColumns([a])).toBe(a);
  });
});

describe('made-on-read ids', () => {
  const d = { prefix: 'syn-', pad: 6, count: 3 };
  test('a sequential list reads, iterates, searches and serialises like the array it stands for', () => {
    const ids = sequentialIds(d);
    expect(ids.length).toBe(3);
    expect(ids[0]).toBe('syn-000001');
    expect(ids[2]).toBe('syn-000003');
    expect(ids[3]).toBeUndefined();
    expect(Array.isArray(ids)).toBe(true);
    expect([...ids]).toEqual(['syn-000001', 'syn-000002', 'syn-000003']);
    expect(ids.indexOf('syn-000002')).toBe(1);
    expect(ids.includes('syn-000004')).toBe(false);
    expect(JSON.stringify(ids)).toBe('["syn-000001","syn-000002","syn-000003"]');
    expect(sequentialId(d, 999_999)).toBe('syn-1000000');
    expect(() => {
      (ids as string[])[0] = 'x';
    }).toThrow(TypeError);
  });
  test('joining a made-on-read list reads through to its parts; plain lists are simply concatenated', () => {
    const joined = joinIds([['s-001', 's-002'], sequentialIds(d), ['imp-1']]);
    expect([...joined]).toEqual(['s-001', 's-002', 'syn-000001', 'syn-000002', 'syn-000003', 'imp-1']);
    expect(joined[4]).toBe('syn-000003');
    expect(joinIds([['a'], ['b']])).toEqual(['a', 'b']);
    // A joined list joins flat (parts of parts), and crosses to a worker as descriptions.
    const twice = joinIds([joined, ['z']]);
    expect(idParts(twice)).toEqual([['s-001', 's-002'], d, ['imp-1'], ['z']]);
    expect([...fromIdParts(idParts(twice))]).toEqual([...joined, 'z']);
  });
});

describe('packColumns / unpackColumns', () => {
  test('a fresh concatenated copy whose buffers can be transferred; the parts keep theirs', () => {
    const a = toColumns([sighting('a1', 10, '2024-01-01'), sighting('a2', 11, '2024-02-01', 73)]);
    const syn = { ...toColumns([sighting('x', 30, '2024-05-01')]), ids: sequentialIds({ prefix: 'syn-', pad: 6, count: 1 }) };
    const { message, transfer } = packColumns([a, syn]);
    expect(transfer).toHaveLength(10); // every numeric column, location precision included
    expect(transfer.every((b) => b !== a.lon.buffer && b !== syn.lon.buffer)).toBe(true);
    expect(message.ids).toEqual([['a1', 'a2'], { prefix: 'syn-', pad: 6, count: 1 }]);
    // What the worker receives: a structured clone with the buffers moved.
    const received = structuredClone(message, { transfer });
    expect(message.lon.byteLength).toBe(0); // detached on this side
    const c = unpackColumns(received);
    expect([...c.ids]).toEqual(['a1', 'a2', 'syn-000001']);
    expect(Array.from(c.lon)).toEqual([10, 11, 30]);
    expect(c.qtyValue[1]).toBe(73);
    expect(Array.from(a.lon)).toEqual([10, 11]);
  });
});
