/**
 * What makes two reports the same report: everything an analyst reads in it — dates, category,
 * confidence, precision, position (to 7 decimals, what exports write), name, summary, place,
 * quantity, note — and who it cites (publisher and link of each source, in any order). Ids, source
 * ids, titles and the `imported` flag are not compared: a report that went out in an export and came
 * back (through a spreadsheet or GDAL) is the same report.
 */
import type { SightingFeature, Source } from '../domain/schemas';

const r7 = (x: number) => Math.round(x * 1e7) / 1e7;

/**
 * A text key equal for the same report.
 * @example reportKey(a, lookup) === reportKey(reimported(a), lookup2) // true
 */
export function reportKey(f: SightingFeature, source: (id: string) => Pick<Source, 'publisher' | 'url'> | undefined): string {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const cites = p.sources.map((id) => {
    const s = source(id);
    return s ? `${s.publisher}\u0000${s.url ?? ''}` : `\u0001${id}`;
  });
  cites.sort();
  return JSON.stringify([
    p.date,
    p.dateEnd ?? '',
    p.category,
    p.confidence,
    p.location,
    r7(lon!),
    r7(lat!),
    p.name,
    p.summary,
    p.place ?? '',
    p.quantity ? [p.quantity.value, p.quantity.unit, p.quantity.approx === true] : null,
    p.note ?? '',
    cites,
  ]);
}
