/**
 * The parts of a sighting set beside its features — columns, search text, publishers and the by-day
 * order — built where the features are (the import worker for big files), packed so a worker can hand
 * them to the page without copying (typed arrays are transferred, string lists travel as one string),
 * and appended to an existing set in linear time (the by-day orders are merged, not re-sorted).
 */
import type { SightingFeature, Source } from '../domain/schemas';
import { allocColumns, toColumns, type Columns } from '../metrics/columns';
import { concatColumns } from '../metrics/handover';

/** Everything `makeSet` derives from features, index-aligned with them. */
export interface SetParts {
  columns: Columns;
  /** Lower-cased "name summary place" per sighting. */
  haystack: readonly string[];
  /** Publishers of each sighting's sources, joined by "\n". */
  publishers: readonly string[];
  /** Indices ordered by day, then index. */
  byDay: Uint32Array;
}

/**
 * Indices ordered by day, then index. Days are small integers (a few thousand distinct values at most),
 * so a stable counting sort does it in two linear passes; a day span far wider than the data (dates
 * scattered over centuries) falls back to a comparison sort.
 * @example orderByDay({ length: 3, day: Int32Array.of(5, 3, 5) }) // Uint32Array [1, 0, 2]
 */
export function orderByDay(c: Pick<Columns, 'length' | 'day'>): Uint32Array {
  const n = c.length;
  const day = c.day;
  const order = new Uint32Array(n);
  if (n === 0) return order;
  let min = day[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const d = day[i]!;
    if (d < min) min = d;
    else if (d > max) max = d;
  }
  const span = max - min + 1;
  if (span > Math.max(1 << 16, 4 * n)) {
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => day[a]! - day[b]! || a - b);
  }
  // start[d - min] = first slot of day d; filling in index order keeps ties by index.
  const start = new Uint32Array(span + 1);
  for (let i = 0; i < n; i++) start[day[i]! - min + 1]!++;
  for (let k = 1; k <= span; k++) start[k]! += start[k - 1]!;
  for (let i = 0; i < n; i++) order[start[day[i]! - min]!++] = i;
  return order;
}

/**
 * Build the parts of a set from validated features and their sources (id → Source).
 * @example buildSetParts(features, sources).byDay[0] // index of the earliest report
 */
export function buildSetParts(features: readonly SightingFeature[], sources: ReadonlyMap<string, Source>): SetParts {
  const columns = toColumns(features, sources);
  const haystack = features.map((f) => `${f.properties.name} ${f.properties.summary} ${f.properties.place ?? ''}`.toLowerCase());
  const publishers = features.map((f) => f.properties.sources.map((id) => sources.get(id)?.publisher ?? '').join('\n'));
  return { columns, haystack, publishers, byDay: orderByDay(columns) };
}

/** Separator of packed string lists: imported text never holds control characters other than tab and newline. */
const SEP = '\u0001';
const NUMERIC = ['lon', 'lat', 'day', 'category', 'confidence', 'sourceMask', 'sourceCount', 'qtyValue', 'qtyUnit', 'precision'] as const;
type NumericKey = (typeof NUMERIC)[number];

/**
 * `SetParts` as one structured-clone-friendly object: typed arrays only, the string lists joined and
 * UTF-8 encoded (a large string in a message is copied; an ArrayBuffer is moved).
 */
export type PackedParts = { length: number; ids: Uint8Array; haystack: Uint8Array; publishers: Uint8Array; byDay: Uint32Array } & Pick<
  Columns,
  NumericKey
>;

/** Pack parts for `postMessage(packed, transfer)`; the typed arrays are detached once posted. */
export function packParts(p: SetParts): { packed: PackedParts; transfer: ArrayBuffer[] } {
  const c = p.columns;
  const packed: PackedParts = {
    length: c.length,
    ids: encoder.encode(c.ids.join(SEP)),
    haystack: encoder.encode(p.haystack.join(SEP)),
    publishers: encoder.encode(p.publishers.join(SEP)),
    byDay: p.byDay,
    lon: c.lon,
    lat: c.lat,
    day: c.day,
    category: c.category,
    confidence: c.confidence,
    sourceMask: c.sourceMask,
    sourceCount: c.sourceCount,
    qtyValue: c.qtyValue,
    qtyUnit: c.qtyUnit,
    precision: c.precision,
  };
  const transfer = [p.byDay, packed.ids, packed.haystack, packed.publishers, ...NUMERIC.map((k) => c[k])].map((a) => a.buffer as ArrayBuffer);
  return { packed, transfer };
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const split = (bytes: Uint8Array, n: number): string[] => (n === 0 ? [] : decoder.decode(bytes).split(SEP));

/**
 * The inverse of `packParts`. Each string list is decoded in a step of its own; `between` runs after
 * each (the page passes a yield, so no one task decodes them all).
 */
export async function unpackParts(p: PackedParts, between: () => Promise<void> = async () => {}): Promise<SetParts> {
  const ids = split(p.ids, p.length);
  await between();
  const haystack = split(p.haystack, p.length);
  await between();
  const publishers = split(p.publishers, p.length);
  await between();
  return { columns: { ...pickNumeric(p), length: p.length, ids }, haystack, publishers, byDay: p.byDay };
}

function pickNumeric(p: Pick<Columns, NumericKey>): Pick<Columns, NumericKey> {
  const { lon, lat, day, category, confidence, sourceMask, sourceCount, qtyValue, qtyUnit, precision } = p;
  return { lon, lat, day, category, confidence, sourceMask, sourceCount, qtyValue, qtyUnit, precision };
}

/** Rows `keep` (ascending indices) of `p`, with its by-day order carried over. */
export function subsetParts(p: SetParts, keep: Uint32Array): SetParts {
  const c = p.columns;
  const out = allocColumns(keep.length, Array.from(keep, (i) => c.ids[i]!));
  const newIndex = new Int32Array(c.length).fill(-1);
  keep.forEach((i, j) => {
    newIndex[i] = j;
    for (const k of NUMERIC) out[k][j] = c[k][i]!;
  });
  const byDay = new Uint32Array(keep.length);
  let n = 0;
  for (const i of p.byDay) if (newIndex[i]! >= 0) byDay[n++] = newIndex[i]!;
  return {
    columns: out,
    haystack: Array.from(keep, (i) => p.haystack[i]!),
    publishers: Array.from(keep, (i) => p.publishers[i]!),
    byDay,
  };
}

/**
 * `b` appended after `a` (indices of `b` shift by `a.columns.length`); the by-day orders are merged in
 * one pass, ties keeping `a` first, which is the order `orderByDay` gives the concatenation.
 */
export function appendParts(a: SetParts, b: SetParts): SetParts {
  const na = a.columns.length;
  const dayA = a.columns.day;
  const dayB = b.columns.day;
  const byDay = new Uint32Array(na + b.columns.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.byDay.length && j < b.byDay.length) {
    const x = a.byDay[i]!;
    const y = b.byDay[j]!;
    if (dayB[y]! < dayA[x]!) {
      byDay[k++] = y + na;
      j++;
    } else {
      byDay[k++] = x;
      i++;
    }
  }
  while (i < a.byDay.length) byDay[k++] = a.byDay[i++]!;
  while (j < b.byDay.length) byDay[k++] = b.byDay[j++]! + na;
  return {
    columns: concatColumns([a.columns, b.columns]),
    haystack: a.haystack.concat(b.haystack),
    publishers: a.publishers.concat(b.publishers),
    byDay,
  };
}
