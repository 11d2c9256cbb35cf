import { describe, expect, test } from 'vitest';
import type { Category, Confidence, SightingFeature, Source } from '../../src/domain/schemas';
import { dateToDay } from '../../src/domain/dates';
import { allocColumns } from '../../src/metrics/columns';
import type { VisibleSet } from '../../src/state/derived';
import { makeColumnarSet, makeSet } from '../../src/state/sightingSets';
import { buildRows, rowOfId, rowText, type SortKey, type TableRows } from '../../src/state/tableRows';
import { deepFreeze } from './metrics/helpers';

const SOURCES: ReadonlyMap<string, Source> = new Map(
  (
    [
      ['s-gov', 'government', 'Ministry of Defence of Ukraine'],
      ['s-media', 'media', 'Reuters'],
      ['s-img', 'imagery', 'Maxar'],
      ['imp-src-x', 'media', 'Amur Desk'],
    ] as const
  ).map(([id, kind, publisher]) => [id, deepFreeze({ id, kind, publisher, title: 'Report' })]),
);
const lookup = (id: string) => SOURCES.get(id);

const createSighting = (id: string, date: string, category: Category, confidence: Confidence, name: string, source: string): SightingFeature =>
  deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [130, 43] },
    properties: { id, name, date, category, confidence, summary: 'Seen.', location: 'exact', sources: [source] },
  });

// Set A (bundled), by stored index:
//   0 p1 2024-05-10 training low             name "Bravo"    Maxar
//   1 p2 2024-05-01 combat   high            name "alpha"    Reuters
//   2 p3 2024-05-20 training high            name "Charlie"  Ministry of Defence of Ukraine
//   3 p4 2024-05-05 combat   low             name "alpha"    Reuters
// Set B (imported):
//   0 q1 2024-05-03 labour   moderate        name "Delta"    Amur Desk
const A = makeSet(
  'bundled',
  deepFreeze([
    createSighting('p1', '2024-05-10', 'training', 'low', 'Bravo', 's-img'),
    createSighting('p2', '2024-05-01', 'combat', 'high', 'alpha', 's-media'),
    createSighting('p3', '2024-05-20', 'training', 'high', 'Charlie', 's-gov'),
    createSighting('p4', '2024-05-05', 'combat', 'low', 'alpha', 's-media'),
  ]),
  SOURCES,
);
const B = makeSet('imported', deepFreeze([createSighting('q1', '2024-05-03', 'labour', 'moderate', 'Delta', 'imp-src-x')]), SOURCES);

// As selectVisible hands them over: each set's indices in date order.
const VISIBLE: readonly VisibleSet[] = Object.freeze([
  { set: A, indices: new Uint32Array([1, 3, 0, 2]) },
  { set: B, indices: new Uint32Array([0]) },
]);

const idsOf = (rows: TableRows) => Array.from({ length: rows.length }, (_, r) => rows.sets[rows.setOf[r]!]!.columns.ids[rows.indexOf[r]!]);

describe('buildRows', () => {
  // Worked by hand from the table above; ties are broken by date (earlier first), whichever the direction.
  const CASES: [SortKey, 'asc' | 'desc', string[]][] = [
    // 05-01 p2, 05-03 q1, 05-05 p4, 05-10 p1, 05-20 p3
    ['date', 'asc', ['p2', 'q1', 'p4', 'p1', 'p3']],
    ['date', 'desc', ['p3', 'p1', 'p4', 'q1', 'p2']],
    // combat (p2 05-01, p4 05-05) < labour (q1) < training (p1 05-10, p3 05-20)
    ['category', 'asc', ['p2', 'p4', 'q1', 'p1', 'p3']],
    ['category', 'desc', ['p1', 'p3', 'q1', 'p2', 'p4']],
    // high (p2, p3) → moderate (q1) → low (p4 05-05, p1 05-10)
    ['confidence', 'asc', ['p2', 'p3', 'q1', 'p4', 'p1']],
    ['confidence', 'desc', ['p4', 'p1', 'q1', 'p2', 'p3']],
    // Report name, case-insensitive: alpha (p2, p4) < bravo < charlie < delta
    ['place', 'asc', ['p2', 'p4', 'p1', 'p3', 'q1']],
    ['place', 'desc', ['q1', 'p3', 'p1', 'p2', 'p4']],
    // amur desk (q1) < maxar (p1) < ministry… (p3) < reuters (p2 05-01, p4 05-05)
    ['publisher', 'asc', ['q1', 'p1', 'p3', 'p2', 'p4']],
    ['publisher', 'desc', ['p2', 'p4', 'p3', 'p1', 'q1']],
  ];
  test.each(CASES)('by %s %s', (key, dir, expected) => {
    const rows = buildRows(VISIBLE, { key, dir }, lookup);
    expect(rows.length).toBe(5);
    expect(idsOf(rows)).toEqual(expected);
  });
  test('rows keep their sets in the order given', () => {
    const rows = buildRows(VISIBLE, { key: 'date', dir: 'asc' }, lookup);
    expect(rows.sets).toEqual([A, B]);
    // p2 is A[1], q1 is B[0].
    expect([rows.setOf[0], rows.indexOf[0]]).toEqual([0, 1]);
    expect([rows.setOf[1], rows.indexOf[1]]).toEqual([1, 0]);
  });
  test('no visible sightings, no rows', () => {
    const rows = buildRows([{ set: A, indices: new Uint32Array(0) }], { key: 'publisher', dir: 'desc' }, lookup);
    expect(rows.length).toBe(0);
    expect(idsOf(rows)).toEqual([]);
  });
  test('a source missing from the lookup shows its id as publisher', () => {
    const rows = buildRows(VISIBLE, { key: 'date', dir: 'asc' }, () => undefined);
    // Row 0 is p2, cited as s-media.
    expect(rowText(rows, 0, () => undefined)).toEqual({ place: 'alpha', publisher: 's-media' });
  });
  test('synthetic rows have no report text or publisher', () => {
    const cols = allocColumns(1, ['syn-000001']);
    cols.day[0] = dateToDay('2024-05-02');
    const S = makeColumnarSet('synthetic', Object.freeze(cols));
    const rows = buildRows([...VISIBLE, { set: S, indices: new Uint32Array([0]) }], { key: 'date', dir: 'asc' }, lookup);
    // 05-02 falls between p2 (05-01) and q1 (05-03).
    expect(idsOf(rows)).toEqual(['p2', 'syn-000001', 'q1', 'p4', 'p1', 'p3']);
    expect(rowText(rows, 1, lookup)).toEqual({ place: 'Synthetic point', publisher: '—' });
  });
});

describe('rowOfId', () => {
  test('the row of an id in the current sort, or −1', () => {
    const asc = buildRows(VISIBLE, { key: 'date', dir: 'asc' }, lookup);
    // p2, q1, p4, p1, p3
    expect(rowOfId(asc, 'p4')).toBe(2);
    expect(rowOfId(asc, 'q1')).toBe(1);
    expect(rowOfId(asc, 'p2')).toBe(0);
    const desc = buildRows(VISIBLE, { key: 'date', dir: 'desc' }, lookup);
    // p3, p1, p4, q1, p2
    expect(rowOfId(desc, 'p2')).toBe(4);
    expect(rowOfId(desc, 'zz-unknown')).toBe(-1);
  });
});
