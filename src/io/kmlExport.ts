/**
 * KML export via `tokml`. Google Earth and most KML viewers show `<description>` (and the values of
 * `<ExtendedData>`) as HTML, and text escaped once for XML is markup again after one XML parse. So
 * every text from data is escaped for HTML first (`<` → `&lt;`), and tokml then escapes that for XML:
 * after the XML parse a viewer gets `&lt;img …&gt;`, which it shows as the plain text `<img …>`.
 * Characters XML 1.0 forbids are dropped; coordinates have at most 7 decimals.
 */
import type { Feature, Geometry, Position } from 'geojson';
import tokml from 'tokml';
import { roundCoordinate } from './exportMeta';

/** Characters XML 1.0 does not allow at all (they would make the file unreadable). */
const XML_INVALID = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const xmlText = (s: string) => s.replace(XML_INVALID, '');
const HTML_SPECIAL = /[&<>"']/g;
const HTML_ENTITY: ReadonlyMap<string, string> = new Map([['&', '&amp;'], ['<', '&lt;'], ['>', '&gt;'], ['"', '&quot;'], ["'", '&#39;']]);

/**
 * Text a viewer may render as HTML, made inert: XML-forbidden characters dropped, `& < > " '` as
 * entities. tokml escapes the result once more for XML.
 * @example htmlText('<b>x</b>') // '&lt;b&gt;x&lt;/b&gt;'
 */
export function htmlText(s: string): string {
  return xmlText(s).replace(HTML_SPECIAL, (c) => HTML_ENTITY.get(c) ?? '');
}

/** Flatten a value to the text tokml writes: lists joined with `, `, objects as JSON; null dropped. */
function flat(value: unknown): string | number | boolean | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') return htmlText(value);
  if (Array.isArray(value)) return htmlText(value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(', '));
  return htmlText(JSON.stringify(value));
}

/** A copy of a geometry with every position rounded to 7 decimals. */
function rounded(g: Geometry): Geometry {
  const copy = JSON.parse(JSON.stringify(g)) as Geometry;
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') (c as Position).forEach((x, i, p) => (p[i] = roundCoordinate(x)));
    else c.forEach(walk);
  };
  if (copy.type === 'GeometryCollection') copy.geometries = copy.geometries.map(rounded);
  else walk(copy.coordinates);
  return copy;
}

/**
 * Features → KML document text: one Placemark per feature with a geometry; `name` → `<name>`,
 * `summary` → `<description>`, `date` → `<TimeStamp>`, every property kept in
 * `<ExtendedData>`. All text is plain text for a viewer (see above). Inputs are not mutated.
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
        if (v !== undefined) properties[htmlText(key)] = v;
      }
      return { type: 'Feature' as const, geometry: rounded(f.geometry), properties };
    });
  return tokml(
    { type: 'FeatureCollection', features: clean },
    // tokml writes the document name as it is (no escaping): escape it for HTML, then for XML.
    { documentName: htmlText(htmlText(documentName)), name: 'name', description: 'summary', timestamp: 'date', simplestyle: false },
  );
}
