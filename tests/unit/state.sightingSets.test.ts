import { describe, expect, test } from 'vitest';
import type { Category, Confidence, SightingFeature, Source } from '../../src/domain/schemas';
import { dateToDay } from '../../src/domain/dates';
import { allocColumns, type Columns } from '../../src/metrics/columns';
import { findSighting, makeColumnarSet, makeSet, textSourcePass, visibleIndices } from '../../src/state/sightingSets';
import { DEFAULT_FILTERS, type Filters } from '../../src/state/types';
import { deepFreeze } from './metrics/helpers';

// Sources: one per kind used below, each with its own publisher.
const SOURCES: ReadonlyMap<string, Source> = new Map(
  (
    [
      ['s-gov', 'government', 'Ministry of Defence of Ukraine'],
      ['s-media', 'media', 'Reuters'],
      ['s-img', 'imagery', 'Maxar'],
      ['s-think', 'think-tank', 'ISW'],
    ] as const
  ).map(([id, kind, publisher]) => [id, deepFreeze({ id, kind, publisher, title: `${publisher} report` })]),
);

function createSighting(
  id: string,
  date: string,
  category: Category,
  confidence: Confidence,
  sources: string[],
  text: { name: string; summary: string; place?: string },
): SightingFeature {
  return deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [130, 43] },
    properties: { id, date, category, confidence, sources, location: 'exact', ...text },
  });
}

// Window used below: 2024-03-01 … 2024-03-31 (2024 is a leap year, so the day before is 02-29).
// Stored out of date order on purpose; index → id:
//   0 c-to      2024-03-31  troop-movement  low       media + imagery
//   1 d-after   2024-04-01  combat          high      think-tank
//   2 f-mid     2024-03-15  training        high      government
//   3 a-from    2024-03-01  munitions       high      government
//   4 b-before  2024-02-29  training        moderate  media
//   5 e-month   2024-03     labour          moderate  think-tank   (month only → counts as 2024-03-01)
// Date order (ties by index): 4, 3, 5, 2, 0, 1.
const FEATURES = deepFreeze([
  createSighting('c-to', '2024-03-31', 'troop-movement', 'low', ['s-media', 's-img'], {
    name: 'Troop train east of Ussuriysk',
    summary: 'A long troop train heading west.',
    place: 'vostochny',
  }),
  createSighting('d-after', '2024-04-01', 'combat', 'high', ['s-think'], { name: 'Assault near Sudzha', summary: 'Fighting in Kursk oblast.' }),
  createSighting('f-mid', '2024-03-15', 'training', 'high', ['s-gov'], { name: 'Drill at Sergeevka', summary: 'Live-fire exercise.' }),
  createSighting('a-from', '2024-03-01', 'munitions-shipment', 'high', ['s-gov'], {
    name: 'Rajin port loading',
    summary: 'Containers loaded onto a cargo ship.',
    place: 'rajin',
  }),
  createSighting('b-before', '2024-02-29', 'training', 'moderate', ['s-media'], { name: 'Range work', summary: 'Observed at a firing range.' }),
  createSighting('e-month', '2024-03', 'labour', 'moderate', ['s-think'], { name: 'Workers arrive', summary: 'Construction crews by air.' }),
]);

const bundled = () => makeSet('bundled', FEATURES, SOURCES);
const filters = (patch: Partial<Filters>): Filters => deepFreeze({ ...DEFAULT_FILTERS, ...patch });
const MARCH = { from: '2024-03-01', to: '2024-03-31' };

/** Three synthetic points with ids syn-000001…3; day, category, confidence as given. */
function syntheticColumns(rows: [date: string, category: number, confidence: number][]): Columns {
  const ids = rows.map((_, i) => `syn-${String(i + 1).padStart(6, '0')}`);
  const c = allocColumns(rows.length, ids);
  rows.forEach(([date, cat, conf], i) => {
    c.day[i] = dateToDay(date);
    c.category[i] = cat;
    c.confidence[i] = conf;
    c.lon[i] = 131 + i;
    c.lat[i] = 43;
  });
  return Object.freeze(c);
}

describe('makeSet', () => {
  test('keeps the features, and builds the search text, publishers and date order', () => {
    const set = bundled();
    expect(set.key).toBe('bundled');
    expect(set.features).toBe(FEATURES);
    expect(set.columns.ids).toEqual(['c-to', 'd-after', 'f-mid', 'a-from', 'b-before', 'e-month']);
    // "name summary place", lower-cased; no place → trailing space.
    expect(set.haystack?.[0]).toBe('troop train east of ussuriysk a long troop train heading west. vostochny');
    expect(set.haystack?.[1]).toBe('assault near sudzha fighting in kursk oblast. ');
    // One line per source, in the order cited.
    expect(set.publishers?.[0]).toBe('Reuters\nMaxar');
    expect(set.publishers?.[2]).toBe('Ministry of Defence of Ukraine');
    expect(Array.from(set.byDay)).toEqual([4, 3, 5, 2, 0, 1]);
  });
});

describe('makeColumnarSet', () => {
  test('columns only: no features, search text or publishers; byDay orders by day then index', () => {
    // syn-000001 2024-06-02, syn-000002 2024-06-01, syn-000003 2024-06-01 → order 1, 2, 0.
    const cols = syntheticColumns([
      ['2024-06-02', 0, 0],
      ['2024-06-01', 1, 1],
      ['2024-06-01', 2, 2],
    ]);
    const set = makeColumnarSet('synthetic', cols);
    expect(set.key).toBe('synthetic');
    expect(set.columns).toBe(cols);
    expect(set.features).toBeNull();
    expect(set.haystack).toBeNull();
    expect(set.publishers).toBeNull();
    expect(Array.from(set.byDay)).toEqual([1, 2, 0]);
  });
  test('an empty set has an empty order', () => {
    const set = makeColumnarSet('imported', syntheticColumns([]));
    expect(set.byDay.length).toBe(0);
    expect(visibleIndices(set, filters({}), null).length).toBe(0);
  });
});

describe('visibleIndices', () => {
  test('window edges are inclusive; the day before and after are not shown; result is in date order', () => {
    // In March: a-from (3, on `from`), e-month (5, 2024-03 → 03-01), f-mid (2), c-to (0, on `to`).
    // Out: b-before (02-29), d-after (04-01).
    expect(Array.from(visibleIndices(bundled(), filters(MARCH), null))).toEqual([3, 5, 2, 0]);
  });
  test('the whole data period shows everything, in date order', () => {
    expect(Array.from(visibleIndices(bundled(), filters({}), null))).toEqual([4, 3, 5, 2, 0, 1]);
  });
  test('a month-only date counts from the 1st of its month', () => {
    // One-day window on 03-01: a-from and e-month (2024-03).
    expect(Array.from(visibleIndices(bundled(), filters({ from: '2024-03-01', to: '2024-03-01' }), null))).toEqual([3, 5]);
    // From 03-02 the month-only report is already behind the window: f-mid, c-to.
    expect(Array.from(visibleIndices(bundled(), filters({ from: '2024-03-02', to: '2024-03-31' }), null))).toEqual([2, 0]);
    // Up to 02-29 it is not yet in it: only b-before.
    expect(Array.from(visibleIndices(bundled(), filters({ from: '2023-07-01', to: '2024-02-29' }), null))).toEqual([4]);
  });
  test('category filter; empty means every category', () => {
    // March + training: f-mid only (b-before is training but in February).
    expect(Array.from(visibleIndices(bundled(), filters({ ...MARCH, categories: ['training'] }), null))).toEqual([2]);
    // March + training or troop movement: f-mid (03-15), c-to (03-31).
    expect(Array.from(visibleIndices(bundled(), filters({ ...MARCH, categories: ['troop-movement', 'training'] }), null))).toEqual([2, 0]);
    expect(Array.from(visibleIndices(bundled(), filters({ ...MARCH, categories: ['sanctions'] }), null))).toEqual([]);
    expect(Array.from(visibleIndices(bundled(), filters({ ...MARCH, categories: [] }), null))).toEqual([3, 5, 2, 0]);
  });
  test('confidence filter; empty means every level', () => {
    // March + high: a-from (03-01), f-mid (03-15); d-after is high but in April.
    expect(Array.from(visibleIndices(bundled(), filters({ ...MARCH, confidences: ['high'] }), null))).toEqual([3, 2]);
    // March + moderate or low: e-month (03-01), c-to (03-31).
    expect(Array.from(visibleIndices(bundled(), filters({ ...MARCH, confidences: ['low', 'moderate'] }), null))).toEqual([5, 0]);
    expect(Array.from(visibleIndices(bundled(), filters({ ...MARCH, confidences: [] }), null))).toEqual([3, 5, 2, 0]);
  });
  test('category and confidence together', () => {
    // Whole period, training + moderate: b-before only (f-mid is training but high).
    expect(Array.from(visibleIndices(bundled(), filters({ categories: ['training'], confidences: ['moderate'] }), null))).toEqual([4]);
  });
  test('the text/source pass flags drop what they mark 0', () => {
    // Pass only c-to (0), d-after (1) and b-before (4); in March that leaves c-to.
    const pass = new Uint8Array([1, 1, 0, 0, 1, 0]);
    expect(Array.from(visibleIndices(bundled(), filters(MARCH), pass))).toEqual([0]);
  });
  test('a window before all data or after it is empty', () => {
    expect(Array.from(visibleIndices(bundled(), filters({ from: '2023-07-01', to: '2024-02-28' }), null))).toEqual([]);
    expect(Array.from(visibleIndices(bundled(), filters({ from: '2024-04-02', to: '2025-12-31' }), null))).toEqual([]);
  });
  test('columnar (synthetic) sets filter the same way', () => {
    // syn-000001 2024-03-31 training(2) high(0); syn-000002 2024-04-01; syn-000003 2024-03-01 combat(3) low(2).
    const set = makeColumnarSet('synthetic', syntheticColumns([
      ['2024-03-31', 2, 0],
      ['2024-04-01', 2, 0],
      ['2024-03-01', 3, 2],
    ]));
    expect(Array.from(visibleIndices(set, filters(MARCH), null))).toEqual([2, 0]);
    expect(Array.from(visibleIndices(set, filters({ ...MARCH, categories: ['combat'] }), null))).toEqual([2]);
    expect(Array.from(visibleIndices(set, filters({ ...MARCH, confidences: ['high'] }), null))).toEqual([0]);
  });
});

describe('textSourcePass', () => {
  // Flags are per stored index: [c-to, d-after, f-mid, a-from, b-before, e-month].
  test('null when no text, source-kind or publisher filter is set', () => {
    expect(textSourcePass(bundled(), '', [], [])).toBeNull();
    expect(textSourcePass(bundled(), '   ', [])).toBeNull();
  });
  test('search is case-insensitive and trimmed, over the name', () => {
    // "RAJIN" is only in a-from (name "Rajin port loading", place "rajin").
    expect(Array.from(textSourcePass(bundled(), 'RAJIN', [])!)).toEqual([0, 0, 0, 1, 0, 0]);
    expect(Array.from(textSourcePass(bundled(), '  Port Loading ', [])!)).toEqual([0, 0, 0, 1, 0, 0]);
  });
  test('search covers the summary', () => {
    // "Kursk" only in d-after's summary; "firing" only in b-before's summary.
    expect(Array.from(textSourcePass(bundled(), 'kursk', [])!)).toEqual([0, 1, 0, 0, 0, 0]);
    expect(Array.from(textSourcePass(bundled(), 'Firing', [])!)).toEqual([0, 0, 0, 0, 1, 0]);
  });
  test('search covers the place', () => {
    // "vostochny" is c-to's place id, in neither its name nor its summary.
    expect(Array.from(textSourcePass(bundled(), 'Vostochny', [])!)).toEqual([1, 0, 0, 0, 0, 0]);
  });
  test('a search with no match passes nothing', () => {
    expect(Array.from(textSourcePass(bundled(), 'pyongyang', [])!)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  test('source-kind filter matches any of a sighting’s sources', () => {
    // imagery: only c-to (media + imagery).
    expect(Array.from(textSourcePass(bundled(), '', ['imagery'])!)).toEqual([1, 0, 0, 0, 0, 0]);
    // media: c-to (its first source) and b-before.
    expect(Array.from(textSourcePass(bundled(), '', ['media'])!)).toEqual([1, 0, 0, 0, 1, 0]);
    // government or think-tank: d-after, f-mid, a-from, e-month.
    expect(Array.from(textSourcePass(bundled(), '', ['government', 'think-tank'])!)).toEqual([0, 1, 1, 1, 0, 1]);
    expect(Array.from(textSourcePass(bundled(), '', ['state-media'])!)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  test('publisher filter matches any of a sighting’s publishers, by exact name', () => {
    // Maxar: c-to (second source). ISW: d-after, e-month.
    expect(Array.from(textSourcePass(bundled(), '', [], ['Maxar'])!)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(Array.from(textSourcePass(bundled(), '', [], ['ISW', 'Maxar'])!)).toEqual([1, 1, 0, 0, 0, 1]);
    expect(Array.from(textSourcePass(bundled(), '', [], ['maxar'])!)).toEqual([0, 0, 0, 0, 0, 0]);
  });
  test('filters combine: every one that is set must pass', () => {
    // "train" is only in c-to ("Troop train …"; "training" is a category, not in any text). With media
    // (c-to has it) it stays; with government it goes.
    expect(Array.from(textSourcePass(bundled(), 'train', ['media'])!)).toEqual([1, 0, 0, 0, 0, 0]);
    expect(Array.from(textSourcePass(bundled(), 'train', ['government'])!)).toEqual([0, 0, 0, 0, 0, 0]);
    // Government sources + publisher ISW: nobody has both.
    expect(Array.from(textSourcePass(bundled(), '', ['government'], ['ISW'])!)).toEqual([0, 0, 0, 0, 0, 0]);
    // Think-tank + ISW + "workers": e-month only.
    expect(Array.from(textSourcePass(bundled(), 'workers', ['think-tank'], ['ISW'])!)).toEqual([0, 0, 0, 0, 0, 1]);
  });
  test('columnar sets: the search matches ids; a publisher filter passes nothing (publishers unknown)', () => {
    const set = makeColumnarSet('synthetic', syntheticColumns([
      ['2024-03-01', 0, 0],
      ['2024-03-02', 0, 0],
    ]));
    expect(Array.from(textSourcePass(set, 'SYN-000002', [])!)).toEqual([0, 1]);
    expect(Array.from(textSourcePass(set, '', [], ['Reuters'])!)).toEqual([0, 0]);
  });
});

describe('findSighting', () => {
  const synthetic = () => makeColumnarSet('synthetic', syntheticColumns([
    ['2024-03-01', 0, 0],
    ['2024-03-02', 0, 0],
    ['2024-03-03', 0, 0],
  ]));
  test('finds a stored sighting by id', () => {
    const b = bundled();
    const hit = findSighting([synthetic(), b], 'f-mid');
    expect(hit?.set).toBe(b);
    expect(hit?.index).toBe(2);
  });
  test('synthetic ids are read as 1-based positions: syn-000001 is index 0', () => {
    const s = synthetic();
    expect(findSighting([bundled(), s], 'syn-000001')).toEqual({ set: s, index: 0 });
    expect(findSighting([bundled(), s], 'syn-000003')).toEqual({ set: s, index: 2 });
  });
  test('unknown ids give null', () => {
    const sets = [bundled(), synthetic()];
    expect(findSighting(sets, 'syn-000004')).toBeNull(); // past the end
    expect(findSighting(sets, 'syn-000000')).toBeNull(); // would be index −1
    expect(findSighting(sets, 'syn-1')).toBeNull(); // a position, but not the id stored there
    expect(findSighting(sets, 'nope')).toBeNull();
    expect(findSighting([], 'f-mid')).toBeNull();
  });
  test('the first set holding the id wins', () => {
    const first = makeSet('imported', FEATURES.slice(2, 3), SOURCES);
    expect(findSighting([first, bundled()], 'f-mid')).toEqual({ set: first, index: 0 });
  });
});
