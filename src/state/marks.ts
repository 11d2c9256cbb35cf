/**
 * Which of a few chosen reports (the analyst's own, those changed since a link) the filters show now,
 * with their positions, for the rings the map draws around them. The cost is the chosen reports, not
 * the set: a ring follows the same window, category, confidence and text filters as its dot.
 */
import type { Filters } from './types';
import { filterBounds, type SightingSet } from './sightingSets';

/** A ringed report. */
export interface Mark<K extends string = string> {
  id: string;
  kind: K;
  position: [number, number];
}

const indexCache = new WeakMap<SightingSet, Map<string, number>>();
/** Row of each id in a set (built once per set). */
function indexOf(set: SightingSet): Map<string, number> {
  let m = indexCache.get(set);
  if (!m) {
    m = new Map(set.columns.ids.map((id, i) => [id, i]));
    indexCache.set(set, m);
  }
  return m;
}

const ownCache = new WeakMap<SightingSet, number[]>();
/** Rows of a set that are the analyst's own reports (found once per set). */
export function ownRows(set: SightingSet): number[] {
  let rows = ownCache.get(set);
  if (!rows) {
    rows = [];
    set.features?.forEach((f, i) => {
      if (f.properties.own === true) rows!.push(i);
    });
    ownCache.set(set, rows);
  }
  return rows;
}

/**
 * The rows among `rows` that the filters show (`pass`: the set's text and source flags, null = all).
 * @example shownMarks(imported, ownRows(imported), filters, passOf(imported, filters), 'own')
 */
export function shownMarks<K extends string>(set: SightingSet, rows: Iterable<number>, f: Filters, pass: Uint8Array | null, kind: K): Mark<K>[] {
  const { fromDay, toDay, categories, confidences } = filterBounds(f);
  const c = set.columns;
  const out: Mark<K>[] = [];
  for (const i of rows) {
    const day = c.day[i]!;
    if (day < fromDay || day > toDay) continue;
    if (((1 << c.category[i]!) & categories) === 0 || ((1 << c.confidence[i]!) & confidences) === 0) continue;
    if (pass && pass[i] === 0) continue;
    out.push({ id: c.ids[i]!, kind, position: [c.lon[i]!, c.lat[i]!] });
  }
  return out;
}

/** Rows of `ids` in a set (ids it does not hold are skipped). */
export function rowsOf(set: SightingSet, ids: Iterable<string>): number[] {
  const index = indexOf(set);
  const out: number[] = [];
  for (const id of ids) {
    const i = index.get(id);
    if (i !== undefined) out.push(i);
  }
  return out;
}
