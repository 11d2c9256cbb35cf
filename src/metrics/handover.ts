/**
 * Every sighting set's columns as one store, and how that store crosses to the metrics worker: the
 * numeric columns of every set concatenated into fresh typed arrays whose buffers are *transferred*
 * (moved, not structured-cloned), and the ids as parts (a generated list travels as its description,
 * never as a million strings). The sets on the page keep their own columns; only the copy moves.
 */
import { allocColumns, type Columns } from './columns';
import { fromIdParts, idParts, joinIds, type IdPart } from './idList';

const NUMERIC = ['lon', 'lat', 'day', 'category', 'confidence', 'sourceMask', 'sourceCount', 'qtyValue', 'qtyUnit', 'precision'] as const;

/** Columns as posted to the worker. */
export type ColumnsMessage = Omit<Columns, 'ids'> & { ids: IdPart[] };

/** The numeric columns of `parts` one after another, in fresh arrays. */
function concatNumeric(parts: readonly Columns[], ids: readonly string[]): Columns {
  // allocColumns only stores the list (typed mutable for builders that fill it).
  const out = allocColumns(parts.reduce((a, c) => a + c.length, 0), ids as string[]);
  let at = 0;
  for (const c of parts) {
    for (const k of NUMERIC) out[k].set(c[k], at);
    at += c.length;
  }
  return out;
}

/**
 * Concatenate columns in order: index `offsets[k] + i` is sighting `i` of part `k`. A single input is
 * returned as is; ids of generated parts stay made on read.
 * @example concatColumns([bundled.columns, imported.columns]).length // bundled + imported
 */
export function concatColumns(parts: readonly Columns[]): Columns {
  return parts.length === 1 ? parts[0]! : concatNumeric(parts, joinIds(parts.map((c) => c.ids)));
}

/**
 * Concatenate `parts` into one message and list the buffers to transfer with it. Always a fresh copy, so
 * posting never detaches a set's own columns.
 * @example const { message, transfer } = packColumns([a, b]); worker.postMessage({ columns: message }, transfer)
 */
export function packColumns(parts: readonly Columns[]): { message: ColumnsMessage; transfer: ArrayBuffer[] } {
  const out = concatNumeric(parts, []);
  const message: ColumnsMessage = { ...out, ids: parts.flatMap((c) => idParts(c.ids)) };
  return { message, transfer: NUMERIC.map((k) => out[k].buffer as ArrayBuffer) };
}

/** The worker's side: the message as columns (ids of generated parts made on read). */
export function unpackColumns(m: ColumnsMessage): Columns {
  return { ...m, ids: fromIdParts(m.ids) };
}
