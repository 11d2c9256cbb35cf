/**
 * Generic tables of reports — our own CSV export, kepler.gl tables and analysts' spreadsheets — in
 * the column spellings of `FIELD_ALIASES`: `Lat`/`Lng`/`Lon` and `<prefix>_lat`/`<prefix>_lng` in any
 * case, dates from `date`, `timestamp`, `datetime` or `time` (ISO date-times → the day; Unix seconds or
 * milliseconds in timestamp columns), sources as our numbered citation columns (`source_1_publisher`,
 * `source_1_title`, `source_1_date`, `source_1_url`, `source_1_kind`, …) or as `source`/`publisher`
 * and `url` cells (lists in GDAL's `(2:a,b)`, JSON or `;`-separated form).
 */
import type { Source } from '../../domain/schemas';
import type { Draft, DraftSource } from '../importRecord';
import { CITATION_PARTS, FIELD_ALIASES, citationColumns, mapHeaders, normaliseHeader, type ImportField } from '../importFields';
import type { ImportOptions } from '../importTypes';
import { readList } from './lists';

/** How a generic table is read: which columns, and what the review calls it. */
export interface TableLayout {
  cols: Record<ImportField, number>;
  citations: ReturnType<typeof citationColumns>;
  label: string;
  /** The date column holds timestamps. */
  unixDates: boolean;
  dateHeader: string | undefined;
}

const UNIX_HEADERS = new Set(['timestamp', 'time', 'datetime']);

/** The layout of a header row. */
export function tableLayout(headers: readonly string[]): TableLayout {
  const cols = mapHeaders(headers);
  const norm = headers.map(normaliseHeader);
  const citations = citationColumns(headers);
  const dateHeader = cols.date >= 0 ? norm[cols.date] : undefined;
  const ours = citations.length > 0 && norm.includes('id') && norm.includes('confidence') && norm.includes('location');
  const kepler = !ours && ((dateHeader !== undefined && UNIX_HEADERS.has(dateHeader)) || norm.includes('lng') || (cols.lat >= 0 && /_lat$/.test(norm[cols.lat] ?? '')));
  return {
    cols,
    citations,
    label: ours ? 'a Corridor Watch table (our CSV export)' : kepler ? 'a kepler.gl-style table' : 'a table of reports',
    unixDates: dateHeader !== undefined && UNIX_HEADERS.has(dateHeader),
    dateHeader,
  };
}

/** What a generic table lacks to be a table of reports (file problems), given the options. */
export function missingColumns(layout: TableLayout, opts: ImportOptions): string[] {
  const { cols } = layout;
  const spell = (f: ImportField) => FIELD_ALIASES[f].join(', ');
  const missing: string[] = [];
  for (const f of ['lat', 'lon', 'date'] as const) if (cols[f] < 0) missing.push(`no ${f} column (${spell(f)})`);
  if (cols.category < 0 && !opts.defaultCategory) missing.push(`no category column (${spell('category')})`);
  if (cols.confidence < 0 && !opts.defaultConfidence) missing.push(`no confidence column (${spell('confidence')})`);
  if (cols.source < 0 && cols.url < 0 && layout.citations.length === 0 && !opts.defaultSource) {
    missing.push(`no source column (${spell('source')}, ${spell('url')})`);
  }
  if (cols.name < 0 && cols.summary < 0) missing.push(`no name or summary column (${spell('name')}, ${spell('summary')})`);
  return missing;
}

/**
 * The citations of a record: numbered citation fields when there are any, else sources known by id
 * (an older export's `sources` column), else the publisher and URL lists zipped.
 */
export function draftSources(
  citation: (n: number, part: (typeof CITATION_PARTS)[number]) => unknown,
  count: number,
  publisher: unknown,
  url: unknown,
  known: ReadonlyMap<string, Source> | undefined,
): DraftSource[] {
  const out: DraftSource[] = [];
  for (let n = 0; n < count; n++) {
    const s = Object.fromEntries(CITATION_PARTS.map((p) => [p, citation(n, p)])) as DraftSource;
    if (s.publisher || s.url) out.push(s);
  }
  if (out.length) return out;
  const publishers = readList(publisher, ';');
  const urls = readList(url, ';');
  if (known && publishers.length && publishers.every((p) => known.has(p))) {
    return publishers.map((id) => {
      const s = known.get(id)!;
      return { publisher: s.publisher, title: s.title, date: s.date, url: s.url, kind: s.kind };
    });
  }
  if (publishers.length === urls.length) return publishers.map((p, i) => ({ publisher: p, url: urls[i] }));
  if (publishers.length === 0) return urls.map((u) => ({ url: u }));
  if (urls.length === 0) return publishers.map((p) => ({ publisher: p }));
  return [...publishers.map((p, i) => ({ publisher: p, url: urls[i] })), ...urls.slice(publishers.length).map((u) => ({ url: u }))];
}

/**
 * Our CSV export (like most tools, per OWASP) writes `'=…` for text a spreadsheet would run as a
 * formula, and one `'` more for text that itself starts with `'` before such a character.
 */
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * A cell as the text it stood for: one leading `'` dropped where only quotes stand before `= + - @`,
 * tab or CR (the mark a CSV export adds so a spreadsheet does not run the text as a formula).
 * @example unneutralise("'=SUM(A1)") // '=SUM(A1)'
 */
export function unneutralise(cell: string | undefined): string | undefined {
  return cell !== undefined && NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}

/** A draft from one record; `get` reads a canonical field, `citation` a numbered citation part. */
export function tableDraft(
  get: (f: ImportField) => unknown,
  citation: (n: number, part: (typeof CITATION_PARTS)[number]) => unknown,
  layout: Pick<TableLayout, 'citations' | 'unixDates'>,
  known: ReadonlyMap<string, Source> | undefined,
): Draft {
  const quantity =
    get('quantity') ??
    (get('quantityValue') !== undefined && get('quantityValue') !== '' ? { value: get('quantityValue'), unit: get('quantityUnit'), approx: get('quantityApprox') } : undefined);
  return {
    fileId: get('id'),
    lon: get('lon'),
    lat: get('lat'),
    date: get('date'),
    dateEnd: get('dateEnd'),
    unixDates: layout.unixDates,
    category: get('category'),
    confidence: get('confidence'),
    location: get('location'),
    name: get('name'),
    summary: get('summary'),
    place: get('place'),
    note: get('note'),
    quantity,
    own: get('own'),
    sources: draftSources(citation, layout.citations.length, get('source'), get('url'), known),
  };
}
