/**
 * The span the time slider offers and the window a fresh view opens on. Dates follow the loaded data
 * and the present, not a fixed calendar: the slider runs from the earliest loaded report (bundled or
 * imported) to the later of today and the latest report, and always holds the current window (a link
 * may name any day from 1990 to 2100). Pure: sets and days in, days out.
 */
import type { SightingFeature } from '../domain/schemas';
import { dateEndDay, dateToDay, dayToIso } from '../domain/dates';
import { LIMITS } from '../url';
import type { SightingSet } from './sightingSets';

/** The outer limits of any window: the calendar a link may name. */
export const CALENDAR_MIN_DAY = dateToDay(LIMITS.dateMin);
export const CALENDAR_MAX_DAY = dateToDay(LIMITS.dateMax);

const clampDay = (d: number) => Math.min(CALENDAR_MAX_DAY, Math.max(CALENDAR_MIN_DAY, d));

/** First and last report start day over all sets (null when no set has a report). */
export function reportDayRange(sets: readonly SightingSet[]): { first: number; last: number } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const set of sets) {
    const n = set.byDay.length;
    if (n === 0) continue;
    // byDay is sorted by day: its ends are the set's first and last report.
    first = Math.min(first, set.columns.day[set.byDay[0]!]!);
    last = Math.max(last, set.columns.day[set.byDay[n - 1]!]!);
  }
  return Number.isFinite(first) ? { first, last } : null;
}

/**
 * The slider's domain in UTC day numbers: from the earliest report to the later of `today` and the
 * latest report, widened to hold the window `[fromDay, toDay]`, within 1990…2100.
 * @example sliderDomain([bundled], dateToDay('2026-12-01'), dateToDay('2023-07-01'), dateToDay('2025-12-31'))
 *   // { minDay: dateToDay('2023-07-01'), maxDay: dateToDay('2026-12-01') }
 */
export function sliderDomain(sets: readonly SightingSet[], today: number, fromDay: number, toDay: number): { minDay: number; maxDay: number } {
  const range = reportDayRange(sets);
  const minDay = Math.min(range?.first ?? fromDay, fromDay);
  const maxDay = Math.max(range?.last ?? today, today, toDay);
  return { minDay: clampDay(minDay), maxDay: clampDay(maxDay) };
}

/**
 * The window a fresh view opens on: the whole months the bundled reports cover, from the first day of
 * the earliest report's month to the last day of the latest report's (or its `dateEnd`'s) month —
 * 2023-07-01…2025-12-31 for the data as shipped. `null` when there are no reports.
 * @example dataWindow([{ date: '2023-07' }, { date: '2025-12-12' }]) // { from: '2023-07-01', to: '2025-12-31' }
 */
export function dataWindow(reports: readonly Pick<SightingFeature['properties'], 'date' | 'dateEnd'>[]): { from: string; to: string } | null {
  let first = Infinity;
  let last = -Infinity;
  for (const r of reports) {
    first = Math.min(first, dateToDay(r.date.slice(0, 7)));
    last = Math.max(last, dateEndDay((r.dateEnd ?? r.date).slice(0, 7)));
  }
  return Number.isFinite(first) ? { from: dayToIso(clampDay(first)), to: dayToIso(clampDay(last)) } : null;
}

/**
 * The window moved forward by one step (a week, or a calendar month), keeping its length; it stops at
 * `maxDay`. `null` when the window already ends there.
 * @example stepWindow('2024-01-01', '2024-01-31', 'month', dateToDay('2030-01-01')) // { from: '2024-01-30', to: '2024-02-29' }
 */
export function stepWindow(from: string, to: string, step: 'week' | 'month', maxDay: number): { from: string; to: string } | null {
  const a = dateToDay(from);
  const b = dateToDay(to);
  if (b >= maxDay) return null;
  let d = 7;
  if (step === 'month') {
    // The same day of the next month, or its last day (31 January → 29 February, not 2 March).
    const t = new Date(`${to}T00:00:00Z`);
    const y = t.getUTCFullYear();
    const m = t.getUTCMonth() + 1;
    const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
    d = Math.round(Date.UTC(y, m, Math.min(t.getUTCDate(), last)) / 86_400_000) - b;
  }
  const nb = Math.min(maxDay, b + d);
  return { from: dayToIso(a + (nb - b)), to: dayToIso(nb) };
}

/**
 * A day typed into a date field as a window edge: `null` unless it is a real calendar day from 1990 to
 * 2100 (a date field lets one type 0001-01-01 or 275760-09-13).
 * @example typedDay('2027-03-31') // dateToDay('2027-03-31')   typedDay('1890-01-01') // null
 */
export function typedDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const day = dateToDay(value);
  if (dayToIso(day) !== value || day < CALENDAR_MIN_DAY || day > CALENDAR_MAX_DAY) return null;
  return day;
}
