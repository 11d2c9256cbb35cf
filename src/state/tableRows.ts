/**
 * Rows of the sightings table: every visible sighting across sets, as two parallel arrays (set number,
 * index in set) so a million rows cost 5 MB, not a million objects. Sorted on demand.
 */
import type { Source } from '../domain/schemas';
import { CATEGORIES } from '../domain/schemas';
import type { VisibleSet } from './derived';

export type SortKey = 'date' | 'category' | 'place' | 'confidence' | 'publisher';
export interface TableSort {
  key: SortKey;
  dir: 'asc' | 'desc';
}

export interface TableRows {
  sets: VisibleSet['set'][];
  setOf: Uint8Array;
  indexOf: Uint32Array;
  length: number;
}

/** Text of a row's place and publisher (the two columns that are not in the columnar store). */
export function rowText(rows: TableRows, r: number, sources: (id: string) => Source | undefined) {
  const set = rows.sets[rows.setOf[r]!]!;
  const i = rows.indexOf[r]!;
  const f = set.features?.[i];
  return {
    place: f ? f.properties.name : 'Synthetic point',
    publisher: f ? (sources(f.properties.sources[0] ?? '')?.publisher ?? f.properties.sources[0] ?? '') : '—',
  };
}

export function buildRows(visible: readonly VisibleSet[], sort: TableSort, sources: (id: string) => Source | undefined): TableRows {
  const n = visible.reduce((k, v) => k + v.indices.length, 0);
  const setOf = new Uint8Array(n);
  const indexOf = new Uint32Array(n);
  let k = 0;
  visible.forEach((v, s) => {
    setOf.fill(s, k, k + v.indices.length);
    indexOf.set(v.indices, k);
    k += v.indices.length;
  });
  const rows: TableRows = { sets: visible.map((v) => v.set), setOf, indexOf, length: n };
  return sortRows(rows, sort, sources);
}

function sortRows(rows: TableRows, sort: TableSort, sources: (id: string) => Source | undefined): TableRows {
  const n = rows.length;
  const sign = sort.dir === 'asc' ? 1 : -1;
  const col = (r: number) => rows.sets[rows.setOf[r]!]!.columns;
  let numKey: ((r: number) => number) | null = null;
  let strKey: string[] | null = null;
  switch (sort.key) {
    case 'date':
      numKey = (r) => col(r).day[rows.indexOf[r]!]!;
      break;
    case 'category':
      strKey = Array.from({ length: n }, (_, r) => CATEGORIES[col(r).category[rows.indexOf[r]!]!] ?? '');
      break;
    case 'confidence':
      numKey = (r) => col(r).confidence[rows.indexOf[r]!]!;
      break;
    default:
      strKey = Array.from({ length: n }, (_, r) => rowText(rows, r, sources)[sort.key as 'place' | 'publisher'].toLowerCase());
  }
  const order = new Uint32Array(n);
  for (let r = 0; r < n; r++) order[r] = r;
  const day = (r: number) => col(r).day[rows.indexOf[r]!]!;
  if (numKey) {
    const keys = new Float64Array(n);
    for (let r = 0; r < n; r++) keys[r] = numKey(r);
    order.sort((a, b) => sign * (keys[a]! - keys[b]!) || day(a) - day(b) || a - b);
  } else {
    const keys = strKey!;
    order.sort((a, b) => sign * (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0) || day(a) - day(b) || a - b);
  }
  const setOf = new Uint8Array(n);
  const indexOf = new Uint32Array(n);
  for (let r = 0; r < n; r++) {
    setOf[r] = rows.setOf[order[r]!]!;
    indexOf[r] = rows.indexOf[order[r]!]!;
  }
  return { ...rows, setOf, indexOf };
}

/** Position of a sighting id in the rows, or -1. */
export function rowOfId(rows: TableRows, id: string): number {
  for (let r = 0; r < rows.length; r++) if (rows.sets[rows.setOf[r]!]!.columns.ids[rows.indexOf[r]!] === id) return r;
  return -1;
}
