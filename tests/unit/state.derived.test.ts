import { describe, expect, test } from 'vitest';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { dateToDay } from '../../src/domain/dates';
import { allocColumns } from '../../src/metrics/columns';
import { passOf, selectVisible, selectVisibleReports, sightingAt, visibleCount } from '../../src/state/derived';
import { makeColumnarSet, makeSet, type SightingSet } from '../../src/state/sightingSets';
import { DEFAULT_FILTERS, DEFAULT_LAYERS, type Filters } from '../../src/state/types';
import { deepFreeze } from './metrics/helpers';

const SOURCES: ReadonlyMap<string, Source> = new Map([
  ['s-media', deepFreeze<Source>({ id: 's-media', kind: 'media', publisher: 'Reuters', title: 'Report' })],
]);

const createSighting = (id: string, date: string, name: string): SightingFeature =>
  deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [131.9, 43.1] },
    properties: { id, name, date, category: 'training', summary: 'Seen.', confidence: 'high', location: 'exact', sources: ['s-media'] },
  });

// Bundled: b1 2024-01-10, b2 2024-05-10. Imported: i1 2024-05-20. Synthetic: syn-000001 2024-05-15.
const bundled = makeSet('bundled', deepFreeze([createSighting('b1', '2024-01-10', 'Depot'), createSighting('b2', '2024-05-10', 'Rajin')]), SOURCES);
const imported = makeSet('imported', deepFreeze([createSighting('i1', '2024-05-20', 'Rajin pier')]), SOURCES);
const synCols = allocColumns(2, ['syn-000001', 'syn-000002']);
synCols.day[0] = dateToDay('2024-05-15');
synCols.day[1] = dateToDay('2024-05-06');
synCols.category[1] = 2; // CATEGORIES[2] = training
synCols.confidence[1] = 1; // CONFIDENCES[1] = moderate
synCols.lon[1] = 132.5;
synCols.lat[1] = 44.25;
const synthetic = makeColumnarSet('synthetic', Object.freeze(synCols));

// Frozen: selectVisible must not reorder or edit the list it is given.
const SETS = Object.freeze([bundled, imported, synthetic]) as SightingSet[];
const MAY: Filters = deepFreeze({ ...DEFAULT_FILTERS, from: '2024-05-01', to: '2024-05-31' });
const LAYERS = deepFreeze({ ...DEFAULT_LAYERS });

const ids = (v: ReturnType<typeof selectVisible>) => v.map(({ set, indices }) => [set.key, Array.from(indices, (i) => set.columns.ids[i])]);

describe('selectVisible', () => {
  test('visible sightings per set under the filters', () => {
    // May: bundled b2 (b1 is January), imported i1, synthetic syn-000002 (05-06) before syn-000001 (05-15).
    const v = selectVisible(SETS, MAY, LAYERS);
    expect(ids(v)).toEqual([
      ['bundled', ['b2']],
      ['imported', ['i1']],
      ['synthetic', ['syn-000002', 'syn-000001']],
    ]);
    expect(visibleCount(v)).toBe(4);
  });
  test('the same inputs give the same object back (memoised)', () => {
    const a = selectVisible(SETS, MAY, LAYERS);
    const b = selectVisible(SETS, MAY, LAYERS);
    expect(b).toBe(a);
  });
  test('new inputs give a new answer', () => {
    const a = selectVisible(SETS, MAY, LAYERS);
    const jan = deepFreeze({ ...MAY, from: '2024-01-01' });
    const b = selectVisible(SETS, jan, LAYERS);
    expect(b).not.toBe(a);
    // January to May adds b1 before b2.
    expect(ids(b)[0]).toEqual(['bundled', ['b1', 'b2']]);
  });
  test('the visible reports leave the synthetic set out, memoised apart from selectVisible', () => {
    const r = selectVisibleReports(SETS, MAY, LAYERS);
    expect(ids(r)).toEqual([['bundled', ['b2']], ['imported', ['i1']]]);
    // Asking for every set in between does not make the reports' answer a new object.
    selectVisible(SETS, MAY, LAYERS);
    expect(selectVisibleReports(SETS, MAY, LAYERS)).toBe(r);
  });
  test('the imported set is hidden when its layer is off, the others stay', () => {
    const v = selectVisible(SETS, MAY, deepFreeze({ ...LAYERS, imported: false }));
    expect(v.map((x) => x.set.key)).toEqual(['bundled', 'synthetic']);
    expect(visibleCount(v)).toBe(3);
  });
  test('the sightings layer hides bundled and synthetic sets but not imported reports', () => {
    const v = selectVisible(SETS, MAY, deepFreeze({ ...LAYERS, sightings: false }));
    expect(ids(v)).toEqual([['imported', ['i1']]]);
  });
  test('the text filter applies per set', () => {
    // "rajin" in b2 ("Rajin") and i1 ("Rajin pier"); synthetic ids do not contain it.
    const v = selectVisible(SETS, deepFreeze({ ...MAY, query: 'rajin' }), LAYERS);
    expect(ids(v)).toEqual([
      ['bundled', ['b2']],
      ['imported', ['i1']],
      ['synthetic', []],
    ]);
  });
});

describe('passOf', () => {
  test('memoised per set on the query, source kinds and publishers', () => {
    const f = deepFreeze({ ...MAY, query: 'depot' });
    const a = passOf(bundled, f);
    // b1 ("Depot") passes, b2 does not.
    expect(Array.from(a!)).toEqual([1, 0]);
    expect(passOf(bundled, deepFreeze({ ...f, widthKm: 40 }))).toBe(a); // same text inputs
    expect(passOf(bundled, MAY)).toBeNull(); // no text/source filter
  });
});

describe('sightingAt', () => {
  test('a stored sighting is returned as it is', () => {
    expect(sightingAt(bundled, 1)).toBe(bundled.features![1]);
  });
  test('a synthetic point is described from its columns and marked synthetic', () => {
    // Index 1: syn-000002 at 132.5, 44.25 on 2024-05-06, training, moderate.
    expect(sightingAt(synthetic, 1)).toEqual({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [132.5, 44.25] },
      properties: {
        id: 'syn-000002',
        name: 'Synthetic sighting syn-000002',
        date: '2024-05-06',
        category: 'training',
        summary: 'Synthetic benchmark point: not a report.',
        confidence: 'moderate',
        location: 'exact',
        sources: ['synthetic'],
        synthetic: true,
      },
    });
  });
});
