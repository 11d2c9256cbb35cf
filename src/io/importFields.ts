/**
 * Column (or property) names a table of reports may use, in their common spellings — ours, kepler.gl's
 * and a spreadsheet's. Lookups go through arrays and Maps, never through a plain object keyed by user
 * text (a header of `__proto__` or `constructor` is just an unknown header).
 */

/** Canonical field → accepted spellings (compared after `normaliseHeader`). First match wins. */
export const FIELD_ALIASES = {
  id: ['id', 'report_id', 'event_id'],
  lat: ['lat', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x'],
  date: ['date', 'event_date', 'datetime', 'timestamp', 'time', 'start_date', 'date_start'],
  dateEnd: ['date_end', 'dateend', 'end_date', 'enddate'],
  category: ['category'],
  summary: ['summary', 'description', 'notes'],
  source: ['source', 'publisher', 'sources'],
  url: ['url', 'link'],
  confidence: ['confidence'],
  name: ['name', 'title'],
  place: ['place'],
  location: ['location', 'precision'],
  note: ['note', 'caveat'],
  quantity: ['quantity'],
  quantityValue: ['quantity_value', 'qty_value'],
  quantityUnit: ['quantity_unit', 'qty_unit'],
  quantityApprox: ['quantity_approx', 'qty_approx'],
  own: ['own'],
} as const;

export type ImportField = keyof typeof FIELD_ALIASES;

/** `" Date End "` → `date_end`; a UTF-8 BOM is dropped. Headers are capped: no header is 200 characters. */
export function normaliseHeader(h: string): string {
  return h.slice(0, 200).replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * For each canonical field, the index of the first header spelling it (or -1). kepler.gl's
 * `<prefix>_lat` / `<prefix>_lng` pairs are read when no plain coordinate column exists.
 */
export function mapHeaders(headers: readonly string[]): Record<ImportField, number> {
  const norm = headers.map(normaliseHeader);
  const out = new Map<ImportField, number>();
  for (const [field, spellings] of Object.entries(FIELD_ALIASES) as [ImportField, readonly string[]][]) {
    let at = -1;
    for (const spelling of spellings) {
      at = norm.indexOf(spelling);
      if (at >= 0) break;
    }
    out.set(field, at);
  }
  if (out.get('lat')! < 0 || out.get('lon')! < 0) {
    const lat = norm.findIndex((h) => /^[a-z0-9]+_(lat|latitude)$/.test(h));
    const prefix = lat >= 0 ? norm[lat]!.replace(/_(lat|latitude)$/, '') : '';
    const lon = lat >= 0 ? norm.findIndex((h) => [`${prefix}_lng`, `${prefix}_lon`, `${prefix}_longitude`].includes(h)) : -1;
    if (lat >= 0 && lon >= 0) {
      out.set('lat', lat);
      out.set('lon', lon);
    }
  }
  return Object.fromEntries(out) as Record<ImportField, number>;
}

/** Numbered citation columns our exports write: `source_1_publisher`, `source_1_url`, … */
export const CITATION_PARTS = ['publisher', 'title', 'date', 'url', 'kind'] as const;
export type CitationPart = (typeof CITATION_PARTS)[number];

/**
 * The numbered citation columns of a header: for each citation number (1, 2, …) the index of each part.
 * @example citationColumns(['id', 'source_1_publisher', 'source_1_url']) // [{ publisher: 1, url: 2 }]
 */
export function citationColumns(headers: readonly string[]): Partial<Record<CitationPart, number>>[] {
  const found = new Map<number, Partial<Record<CitationPart, number>>>();
  headers.forEach((h, i) => {
    const m = /^source_(\d{1,2})_(publisher|title|date|url|kind)$/.exec(normaliseHeader(h));
    if (!m) return;
    const n = Number(m[1]);
    const entry = found.get(n) ?? {};
    entry[m[2] as CitationPart] ??= i;
    found.set(n, entry);
  });
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
}

export { cleanText, show, httpUrl, shortHash } from './text';
