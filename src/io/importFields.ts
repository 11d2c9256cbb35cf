/**
 * Column (or property) names an import understands, in their common spellings, and the text cleaning
 * every imported value goes through: values stay plain text — never parsed as HTML.
 */

/** Canonical field → accepted spellings (compared after `normaliseHeader`). First match wins. */
export const FIELD_ALIASES = {
  lat: ['lat', 'latitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'x'],
  date: ['date'],
  dateEnd: ['date_end', 'dateend', 'end_date', 'enddate'],
  category: ['category'],
  summary: ['summary', 'description'],
  source: ['source', 'publisher', 'sources'],
  url: ['url', 'link'],
  confidence: ['confidence'],
  name: ['name', 'title'],
  place: ['place'],
  location: ['location', 'precision'],
} as const;

export type ImportField = keyof typeof FIELD_ALIASES;

/** `" Date End "` → `date_end`; a UTF-8 BOM is dropped. */
export function normaliseHeader(h: string): string {
  return h.replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/** For each canonical field, the index of the first header spelling it (or -1). */
export function mapHeaders(headers: readonly string[]): Record<ImportField, number> {
  const norm = headers.map(normaliseHeader);
  const out = {} as Record<ImportField, number>;
  for (const [field, spellings] of Object.entries(FIELD_ALIASES) as [ImportField, readonly string[]][]) {
    out[field] = norm.findIndex((h) => spellings.includes(h));
  }
  return out;
}

/** Plain text: control characters other than tab/newline removed, trimmed, capped at `max`. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (text === '') return undefined;
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A value quoted for a problem message (at most 40 characters). */
export function show(value: string): string {
  const v = value.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `"${v.length > 40 ? `${v.slice(0, 39)}…` : v}"`;
}

/** `value` if it is an absolute http(s) URL, else `undefined` (javascript:, data:, relative… are not). */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value || value.length > 2000 || !/^https?:\/\//i.test(value)) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** FNV-1a 32 over UTF-16 code units, 8 hex digits: a short, stable tag for an import batch. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
