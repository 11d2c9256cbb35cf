import { afterEach, describe, expect, test } from 'vitest';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { dateToDay } from '../../src/domain/dates';
import { setClock, todayDay } from '../../src/state/clock';
import { makeSet } from '../../src/state/sightingSets';
import { actions, initialState, useStore } from '../../src/state/store';
import { dataWindow, reportDayRange, sliderDomain, stepWindow, typedDay } from '../../src/state/timeDomain';
import { deepFreeze } from './metrics/helpers';

const SOURCES: ReadonlyMap<string, Source> = new Map([['s-media', deepFreeze({ id: 's-media', kind: 'media', publisher: 'Reuters', title: 'Report' })]]);
const report = (id: string, date: string, dateEnd?: string): SightingFeature =>
  deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [130, 43] },
    properties: { id, name: id, summary: 's', date, ...(dateEnd ? { dateEnd } : {}), category: 'presence', confidence: 'low', location: 'exact', sources: ['s-media'] },
  });
const day = dateToDay;

// Bundled: 2023-07 (month only) … 2025-12-12, stored out of order. Imported: one report of 2026-11-15.
const bundled = makeSet('bundled', [report('b2', '2025-12-12'), report('b1', '2023-07'), report('b3', '2024-10-05')], SOURCES);
const imported = makeSet('imported', [report('i1', '2026-11-15')], SOURCES);

afterEach(() => setClock(null));

describe('clock', () => {
  test('today is the injected clock’s UTC day', () => {
    setClock(() => Date.UTC(2026, 11, 1, 23, 59));
    expect(todayDay()).toBe(day('2026-12-01'));
    setClock(() => Date.UTC(2027, 0, 1, 0, 0));
    expect(todayDay()).toBe(day('2027-01-01'));
  });
});

describe('sliderDomain', () => {
  test('runs from the earliest report to today when today is later than every report', () => {
    expect(sliderDomain([bundled], day('2026-12-01'), day('2023-07-01'), day('2025-12-31'))).toEqual({ minDay: day('2023-07-01'), maxDay: day('2026-12-01') });
  });
  test('an imported report after today extends it; one before the bundled start moves the start', () => {
    // Today 2026-06-01 is before the imported report of 2026-11-15.
    expect(sliderDomain([bundled, imported], day('2026-06-01'), day('2023-07-01'), day('2025-12-31')).maxDay).toBe(day('2026-11-15'));
    const early = makeSet('imported', [report('i0', '2019-03-02')], SOURCES);
    expect(sliderDomain([bundled, early], day('2026-06-01'), day('2023-07-01'), day('2025-12-31')).minDay).toBe(day('2019-03-02'));
  });
  test('the window a link named is always inside (a link may name 1995 or 2027)', () => {
    expect(sliderDomain([bundled], day('2026-12-01'), day('1995-01-01'), day('2027-03-31'))).toEqual({ minDay: day('1995-01-01'), maxDay: day('2027-03-31') });
  });
  test('no reports loaded: the window and today', () => {
    expect(reportDayRange([])).toBeNull();
    expect(sliderDomain([], day('2026-12-01'), day('2024-01-01'), day('2024-02-01'))).toEqual({ minDay: day('2024-01-01'), maxDay: day('2026-12-01') });
  });
  test('stays within the calendar 1990…2100 whatever the clock says', () => {
    expect(sliderDomain([bundled], day('2150-01-01'), day('2023-07-01'), day('2025-12-31')).maxDay).toBe(day('2100-12-31'));
  });
});

describe('dataWindow (the window a fresh view opens on)', () => {
  test('whole months of the bundled reports: 2023-07 … 2025-12-12 → 2023-07-01 … 2025-12-31', () => {
    expect(dataWindow([{ date: '2025-12-12' }, { date: '2023-07' }, { date: '2024-10-05' }])).toEqual({ from: '2023-07-01', to: '2025-12-31' });
  });
  test('a dateEnd counts; February of a leap year ends on the 29th', () => {
    expect(dataWindow([{ date: '2024-01-15', dateEnd: '2024-02-03' }])).toEqual({ from: '2024-01-01', to: '2024-02-29' });
  });
  test('no reports: no window', () => {
    expect(dataWindow([])).toBeNull();
  });
});

describe('stepWindow', () => {
  test('a week forward keeps the length', () => {
    expect(stepWindow('2024-01-01', '2024-01-31', 'week', day('2030-01-01'))).toEqual({ from: '2024-01-08', to: '2024-02-07' });
  });
  test('a calendar month forward: 31 Jan → 29 Feb 2024 is 29 days', () => {
    expect(stepWindow('2024-01-01', '2024-01-31', 'month', day('2030-01-01'))).toEqual({ from: '2024-01-30', to: '2024-02-29' });
  });
  test('stops at the end of the domain, past the old fixed end of 2025', () => {
    expect(stepWindow('2026-10-01', '2026-11-20', 'month', day('2026-12-01'))).toEqual({ from: '2026-10-12', to: '2026-12-01' });
    expect(stepWindow('2026-10-12', '2026-12-01', 'month', day('2026-12-01'))).toBeNull();
  });
});

describe('typedDay', () => {
  test('real days of 1990…2100 only', () => {
    expect(typedDay('2027-03-31')).toBe(day('2027-03-31'));
    expect(typedDay('1990-01-01')).toBe(day('1990-01-01'));
    for (const bad of ['1989-12-31', '2101-01-01', '2025-02-29', '0001-01-01', '275760-09-13', '', 'yesterday']) expect(typedDay(bad), bad).toBeNull();
  });
});

describe('Reset filters', () => {
  test('brings the window back to the bundled reports’ months, not to a fixed calendar', () => {
    useStore.setState(initialState());
    const sightings = [report('b1', '2024-02-10'), report('b2', '2026-05')];
    actions.setData({ nodes: [], routes: [], areas: [], sightings, sources: SOURCES, byId: new Map() }, [], []);
    actions.setFilters({ from: '1995-01-01', to: '2027-03-31', query: 'rail' });
    actions.resetFilters();
    const f = useStore.getState().filters;
    expect([f.from, f.to, f.query]).toEqual(['2024-02-01', '2026-05-31', '']);
  });
});
