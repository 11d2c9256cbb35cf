import { describe, expect, test } from 'vitest';
import type { SightingFeature } from '../../src/domain/schemas';
import { dateToDay } from '../../src/domain/dates';
import { allocColumns } from '../../src/metrics/columns';
import { makeColumnarSet, makeSet } from '../../src/state/sightingSets';
import { shownDate, shownDayOf } from '../../src/state/reportDate';
import { deepFreeze } from './metrics/helpers';

const report = (id: string, date: string): SightingFeature =>
  deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [130, 43] },
    properties: { id, name: id, date, category: 'munitions-shipment', confidence: 'high', summary: 'Seen.', location: 'exact', sources: ['s-1'] },
  });

// Bundled: m1 and m2 give only October 2024, d1 names 1 October, d2 is 20 October.
const A = makeSet('bundled', deepFreeze([report('m1', '2024-10'), report('d1', '2024-10-01'), report('m2', '2024-10'), report('d2', '2024-10-20')]), new Map());
// Imported: i1 gives only September 2024.
const B = makeSet('imported', deepFreeze([report('i1', '2024-09')]), new Map());
// Synthetic: one point on 1 October 2024 (columns only: a day, no month-only dates).
const cols = allocColumns(1, ['syn-1']);
cols.day[0] = dateToDay('2024-10-01');
const S = makeColumnarSet('synthetic', cols);
const SETS = [A, B, S];
const OCT1 = dateToDay('2024-10-01');

describe('shownDate', () => {
  test('a report keeps its own precision; a synthetic point shows its day', () => {
    expect([0, 1, 2, 3].map((i) => shownDate(A, i))).toEqual(['2024-10', '2024-10-01', '2024-10', '2024-10-20']);
    expect(shownDate(S, 0)).toBe('2024-10-01');
  });
});

describe('shownDayOf', () => {
  test('reports that all give only the month show the month', () => {
    expect(shownDayOf(SETS, OCT1, ['m1'])).toBe('2024-10');
    expect(shownDayOf(SETS, OCT1, ['m1', 'm2'])).toBe('2024-10');
    expect(shownDayOf(SETS, dateToDay('2024-09-01'), ['i1'])).toBe('2024-09');
  });
  test('one report that names the day names it', () => {
    expect(shownDayOf(SETS, OCT1, ['m1', 'd1'])).toBe('2024-10-01');
    expect(shownDayOf(SETS, OCT1, ['syn-1', 'm2'])).toBe('2024-10-01');
    expect(shownDayOf(SETS, dateToDay('2024-10-20'), ['d2'])).toBe('2024-10-20');
  });
  test('no ids, or ids no longer loaded, show the day', () => {
    expect(shownDayOf(SETS, OCT1, [])).toBe('2024-10-01');
    expect(shownDayOf(SETS, OCT1, ['gone'])).toBe('2024-10-01');
    expect(shownDayOf([], OCT1, ['m1'])).toBe('2024-10-01');
  });
});

describe('shownDayOf with a count', () => {
  test('more reports on the day than ids listed: the unlisted might name the day, so the day is shown', () => {
    expect(shownDayOf(SETS, OCT1, ['m1', 'm2'], 2)).toBe('2024-10');
    expect(shownDayOf(SETS, OCT1, ['m1', 'm2'], 3)).toBe('2024-10-01');
  });
});
