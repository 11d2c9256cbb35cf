/**
 * List values as tools write them into one cell: GDAL's list text `(2:a,b)` (count, then the items),
 * a JSON array (GDAL's GeoPackage and GeoJSON writers), an array itself, or items separated by `;`.
 */

const GDAL_LIST = /^\((\d{1,6}):([\s\S]*)\)$/;

/**
 * The items of a list value, trimmed, empty ones dropped. `separator` splits plain text (ACLED's
 * `source` is `;`-separated); without it plain text is one item.
 * @example readList('(2:Reuters,Yonhap)') // ['Reuters', 'Yonhap']
 * @example readList('["a","b"]') // ['a', 'b']
 * @example readList('Reuters; AP', ';') // ['Reuters', 'AP']
 */
export function readList(value: unknown, separator?: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => (typeof v === 'string' ? [v.trim()] : typeof v === 'number' ? [String(v)] : [])).filter(Boolean);
  if (typeof value === 'number') return [String(value)];
  if (typeof value !== 'string') return [];
  const text = value.trim();
  const gdal = text.length < 100_000 ? GDAL_LIST.exec(text) : null;
  if (gdal) {
    const count = Number(gdal[1]);
    const body = gdal[2]!;
    if (count === 0) return [];
    const parts = body.split(',');
    // Items may hold commas themselves: when the count does not match, keep the body whole.
    const items = parts.length === count ? parts : count === 1 ? [body] : parts;
    return items.map((s) => s.trim()).filter(Boolean);
  }
  if (text.startsWith('[') && text.endsWith(']') && text.length < 100_000) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return readList(parsed);
    } catch {
      // Not JSON: plain text below.
    }
  }
  const items = separator ? text.split(separator) : [text];
  return items.map((s) => s.trim()).filter(Boolean);
}
