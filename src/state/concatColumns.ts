/**
 * Every sighting set's columns as one store, so the metrics see bundled, imported and synthetic
 * sightings together. Index `offsets[k] + i` is sighting `i` of set `k`. Pure: copies, never mutates.
 */
import { allocColumns, type Columns } from '../metrics/columns';

/**
 * Concatenate columns in order. A single input is returned as is.
 * @example concatColumns([bundled.columns, imported.columns]).length // bundled + imported
 */
export function concatColumns(parts: readonly Columns[]): Columns {
  if (parts.length === 1) return parts[0]!;
  const n = parts.reduce((a, c) => a + c.length, 0);
  const out = allocColumns(n, parts.flatMap((c) => c.ids));
  let at = 0;
  for (const c of parts) {
    out.lon.set(c.lon, at);
    out.lat.set(c.lat, at);
    out.day.set(c.day, at);
    out.category.set(c.category, at);
    out.confidence.set(c.confidence, at);
    out.sourceMask.set(c.sourceMask, at);
    out.sourceCount.set(c.sourceCount, at);
    out.qtyValue.set(c.qtyValue, at);
    out.qtyUnit.set(c.qtyUnit, at);
    out.precision.set(c.precision, at);
    at += c.length;
  }
  return out;
}
