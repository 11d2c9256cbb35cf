/** What every export says about itself: written into GeoJSON as the `corridorWatch` foreign member. */

/** A JSON value (what export metadata may hold). */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface ExportMeta {
  /** `package.json` version of the app that wrote the file. */
  appVersion: string;
  /** Version of the bundled data the view showed (a short content hash), or null when unknown. */
  dataVersion?: string | null;
  /** ISO 8601 timestamp, passed in so exports are reproducible, e.g. `2025-03-31T12:00:00Z`. */
  exportedAt: string;
  /** Link to the view the export was made from. */
  permalink: string;
  /** Filters in force; `from`/`to` (YYYY-MM-DD) also name the file. */
  filters: { from: string; to: string; [key: string]: JsonValue };
}

/** Decimal places of every exported coordinate: 7 is ~1 cm, what GDAL's RFC 7946 writer keeps. */
export const COORDINATE_DECIMALS = 7;

/**
 * A coordinate rounded to `COORDINATE_DECIMALS` (−0 written as 0).
 * @example roundCoordinate(130.123456789) // 130.1234568
 */
export function roundCoordinate(x: number): number {
  return Number.isFinite(x) ? Math.round(x * 1e7) / 1e7 + 0 : x;
}

/**
 * File name for an export of one layer, safe on every OS.
 * @example exportFileName('sightings', { filters: { from: '2024-10-01', to: '2025-03-31' } })
 *   // 'corridor-watch_sightings_2024-10-01_2025-03-31.geojson'
 */
export function exportFileName(
  layer: string,
  meta: { filters: { from: string; to: string } },
  extension: 'geojson' | 'csv' | 'kml' = 'geojson',
): string {
  const clean = (s: string) =>
    s.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'export';
  const date = (s: string) => (/^\d{4}-\d{2}(-\d{2})?$/.test(s) ? s : 'any');
  return `corridor-watch_${clean(layer)}_${date(meta.filters.from)}_${date(meta.filters.to)}.${extension}`;
}
