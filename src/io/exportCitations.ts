/**
 * A report's sources as exports write them: one group of flat fields per cited source —
 * `source_1_publisher`, `source_1_title`, `source_1_date`, `source_1_url`, `source_1_kind`, then
 * `source_2_…` — so a GIS or spreadsheet user reads every citation without `sources.json`, every GIS
 * format keeps them (plain text fields survive GeoPackage, CSV and KML, where lists do not), and our
 * import reads them back (`citationColumns` in `importFields.ts`).
 */
import type { Source } from '../domain/schemas';

/** The parts of each citation, in column order. */
export const CITATION_FIELDS = ['publisher', 'title', 'date', 'url', 'kind'] as const;

/** One citation's flat field names. @example citationKeys(1) // ['source_1_publisher', …] */
export function citationKeys(n: number): string[] {
  return CITATION_FIELDS.map((part) => `source_${n}_${part}`);
}

/**
 * The citation fields of a report, numbered from 1 in the order it cites its sources. A source id
 * missing from every list is written as its id (publisher) with an empty title, never invented.
 * @example citationFields(['rusi-2023'], lookup)
 *   // { source_1_publisher: 'RUSI', source_1_title: '…', source_1_date: '2023-10-17', source_1_url: 'https://…', source_1_kind: 'think-tank' }
 */
export function citationFields(ids: readonly string[], lookup: (id: string) => Source | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  ids.forEach((id, i) => {
    const s = lookup(id);
    const n = i + 1;
    out[`source_${n}_publisher`] = s?.publisher ?? id;
    out[`source_${n}_title`] = s?.title ?? '';
    out[`source_${n}_date`] = s?.date ?? '';
    out[`source_${n}_url`] = s?.url ?? '';
    out[`source_${n}_kind`] = s?.kind ?? '';
  });
  return out;
}
