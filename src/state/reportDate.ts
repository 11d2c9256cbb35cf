/**
 * The date a report is shown with: its own, at its own precision. A month-only report reads `2024-10`,
 * not the `2024-10-01` its day number starts on (day numbers are what the metrics work with); synthetic
 * points have only a day. The table, the corridor panel and the corridor detail all show dates this way.
 */
import { dayToIso } from '../domain/dates';
import type { SightingSet } from './sightingSets';

/**
 * The shown date of report `i` of `set`.
 * @example shownDate(bundled, i) // '2024-10' for a report dated '2024-10'
 */
export function shownDate(set: SightingSet, i: number): string {
  return set.features?.[i]?.properties.date ?? dayToIso(set.columns.day[i]!);
}

/** Index of each id of a set with features, built once per set (a lookup per strip dot stays O(1)). */
const ids = new WeakMap<SightingSet, Map<string, number>>();

/** The own date of a report with stored features, or null (a set without features has only days). */
function ownDate(sets: readonly SightingSet[], id: string): string | null {
  for (const set of sets) {
    if (!set.features) continue;
    let m = ids.get(set);
    if (!m) ids.set(set, (m = new Map(set.columns.ids.map((x, i) => [x, i]))));
    const i = m.get(id);
    if (i !== undefined) return shownDate(set, i);
  }
  return null;
}

/**
 * The shown date of `day` when `reportIds` are the reports that start on it (e.g. a corridor's latest):
 * their month (`YYYY-MM`) when every one of them gives only that month, else the day (`YYYY-MM-DD`) —
 * one report that names the day is enough to name it, and so is one that is not loaded any more.
 * `count`, when given, is how many reports start on the day: with more than the ids listed, the ones
 * not listed might name it, so the day is shown.
 * @example shownDayOf(sets, dateToDay('2024-10'), ['s-101']) // '2024-10' when s-101 is dated '2024-10'
 */
export function shownDayOf(sets: readonly SightingSet[], day: number, reportIds: readonly string[], count = reportIds.length): string {
  const iso = dayToIso(day);
  if (!reportIds.length || count > reportIds.length) return iso;
  for (const id of reportIds) if (ownDate(sets, id) !== iso.slice(0, 7)) return iso;
  return iso.slice(0, 7);
}
