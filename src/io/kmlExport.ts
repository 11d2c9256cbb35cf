/**
 * KML export via `tokml`. tokml writes every property as `<ExtendedData>` text, escaping `& < > "`; it
 * expects flat text values and does not escape the document name, so both are prepared here.
 */
import type { Feature, Geometry } from 'geojson';
import tokml from 'tokml';

/** Characters XML 1.0 does not allow at all (they would make the file unreadable). */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const xmlText = (s: string) => s.replace(XML_INVALID, '');
const xmlEscape = (s: string) =>
  xmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Flatten a value to the text tokml writes: lists joined with `, `, objects as JSON; null dropped. */
function flat(value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return xmlText(value);
  if (Array.isArray(value)) return xmlText(value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', '));
  return xmlText(JSON.stringify(value));
}

/**
 * Features → KML document text: one Placemark per feature with a geometry; `name` → `<name>`,
 * `summary` → `<description>`, `date` → `<TimeStamp>`, every property kept in `<ExtendedData>`.
 * Inputs are not mutated.
 * @example toKML(sightings, 'Corridor Watch — sightings 2024-10-01…2025-03-31')
 */
export function toKML(
  features: readonly Feature<Geometry | null, Record<string, unknown> | null>[],
  documentName = 'Corridor Watch',
): string {
  const clean = features
    .filter((f): f is Feature<Geometry, Record<string, unknown> | null> => f.geometry !== null)
    .map((f) => {
      const properties: Record<string, string | number | boolean> = {};
      for (const [key, value] of Object.entries(f.properties ?? {})) {
        const v = flat(value);
        if (v !== undefined) properties[xmlText(key)] = v;
      }
      return { type: 'Feature' as const, geometry: f.geometry, properties };
    });
  return tokml(
    { type: 'FeatureCollection', features: clean },
    { documentName: xmlEscape(documentName), name: 'name', description: 'summary', timestamp: 'date', simplestyle: false },
  );
}
