/**
 * CSV import: the dialect sniffed (`formats/spreadsheet.ts`), the format chosen by the header (ACLED
 * or a generic table: `formats/acled.ts`, `formats/kepler.ts`), then one draft per data row through the
 * shared record rules. Rows are numbered from 1 after the header — the numbers a spreadsheet shows
 * minus one — and blank lines keep their number but are not counted in `total`. Linear in the file size.
 */
import Papa from 'papaparse';
import type { SightingFeature } from '../domain/schemas';
import { DATE_FORMS, hasSlashDates, slashOrder, type DateOrder } from './dates';
import { createContext, finish, knownSources } from './importContext';
import { normaliseHeader, type ImportField } from './importFields';
import { toSighting, type Draft } from './importRecord';
import type { ImportOptions, ImportResult, ReadAs, RecordContext } from './importTypes';
import { ACLED_DEFAULT_CONFIDENCE, acledDraft, acledGeneration, isAcled } from './formats/acled';
import { missingColumns, tableDraft, tableLayout, unneutralise } from './formats/kepler';
import { SEPARATOR_NAMES, decimalMarkOf, sniffDialect, type Dialect } from './formats/spreadsheet';
import { collect } from './collect';

/** Rough row count for progress: newlines in the text (no parsing). */
function estimateRows(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** How a header's rows become drafts. */
interface Reader {
  readAs: ReadAs;
  missing: string[];
  /** Column indices sampled for the decimal mark and the date order. */
  lat: number;
  lon: number;
  date: number;
  draft: (cells: readonly string[], ctx: RecordContext) => Draft;
}

function readerFor(headers: readonly string[], opts: ImportOptions, known: RecordContext['known']): Reader {
  const norm = headers.map(normaliseHeader);
  if (isAcled(norm)) {
    const at = new Map<string, number>();
    norm.forEach((h, i) => (at.has(h) ? undefined : at.set(h, i)));
    const confidence = opts.confidence ?? ACLED_DEFAULT_CONFIDENCE;
    const gen = acledGeneration(norm);
    return {
      readAs: {
        format: 'acled',
        label: `an ACLED export (${gen === 'current' ? 'current columns' : 'legacy columns'})`,
        notes: [
          `ACLED gives no confidence: every report is "${confidence}"${opts.confidence ? '' : ' (the default; choose another below)'}.`,
          'Event types are mapped to categories as the README\'s table says; the original types are kept in each report\'s note.',
        ],
        choices: { confidence: { value: confidence, stated: opts.confidence === undefined } },
      },
      missing: [],
      lat: at.get('latitude') ?? -1,
      lon: at.get('longitude') ?? -1,
      date: -1,
      draft: (cells, ctx) => acledDraft((h) => {
        const i = at.get(h);
        return i === undefined ? undefined : cells[i];
      }, ctx),
    };
  }
  const layout = tableLayout(headers);
  const c = layout.cols;
  return {
    readAs: { format: 'table', label: layout.label, notes: layout.unixDates ? [`Dates from the "${layout.dateHeader}" column (ISO date-times → the day; Unix time read).`] : [], choices: {} },
    missing: missingColumns(layout, opts),
    lat: c.lat,
    lon: c.lon,
    date: c.date,
    draft: (cells) =>
      tableDraft(
        (f: ImportField) => (c[f] >= 0 ? unneutralise(cells[c[f]]) : undefined),
        (n, part) => {
          const i = layout.citations[n]?.[part];
          return i === undefined ? undefined : unneutralise(cells[i]);
        },
        layout,
        known,
      ),
  };
}

/** Samples of the decimal mark and the date order from the first rows. */
function sample(text: string, dialect: Dialect, reader: Reader): { lat: string[]; lon: string[]; dates: string[] } {
  const rows = Papa.parse<string[]>(text.slice(dialect.bom ? 1 : 0, 1 << 20), { delimiter: dialect.delimiter, preview: 2001, skipEmptyLines: 'greedy' }).data.slice(1);
  const pick = (i: number) => (i < 0 ? [] : rows.map((r) => r[i] ?? ''));
  return { lat: pick(reader.lat), lon: pick(reader.lon), dates: pick(reader.date) };
}

/**
 * Parse CSV text into sightings, the problems of every row that could not be used, remarks on odd
 * rows, and how the file was read.
 * @example parseCSVImport('lat,lon,date,category,confidence,source,summary\n42.3,130.6,2024-10-01,' +
 *   'training,high,Reuters,Drill seen', { batch: 'a1' }).features[0].id // 'imp-a1-1'
 */
export function parseCSVImport(text: string, opts: ImportOptions = {}): ImportResult {
  const dialect = sniffDialect(text);
  const every = Math.max(1, opts.progressEvery ?? 10_000);
  const estimate = opts.onProgress ? estimateRows(text) : 0;
  const features: SightingFeature[] = [];
  const fileIds: (string | null)[] = [];
  let ctx: RecordContext | null = null;
  let reader: Reader | null = null;
  let width = 0;
  let row = 0;
  let total = 0;
  let seen: ReturnType<typeof collect> | null = null;

  Papa.parse<string[]>(text.slice(dialect.bom ? 1 : 0), {
    header: false,
    delimiter: dialect.delimiter,
    skipEmptyLines: false,
    step: (res, parser) => {
      const cells = res.data;
      if (!reader) {
        reader = readerFor(cells, opts, knownSources(opts));
        width = cells.length;
        const s = sample(text, dialect, reader);
        const decided = slashOrder(s.dates);
        const order: DateOrder = decided ?? opts.dateOrder ?? 'dmy';
        const decimal = decimalMarkOf(dialect.delimiter, [...s.lat, ...s.lon]);
        ctx = createContext(text, opts, { decimal, dateOrder: order });
        seen = collect(ctx, features, fileIds);
        const notes = reader.readAs.notes;
        notes.unshift(
          `Columns separated by ${SEPARATOR_NAMES[dialect.delimiter]}s${dialect.bom ? '; UTF-8 with a byte-order mark' : ''}${dialect.crlf ? '; Windows line ends' : ''}.`,
        );
        if (decimal === 'comma') notes.push('Decimal commas read in latitude and longitude (51,2950 → 51.2950).');
        if (hasSlashDates(s.dates)) {
          reader.readAs.choices.dateOrder = { value: order, decided: decided !== null };
          notes.push(
            decided
              ? `Numeric dates read ${order === 'dmy' ? 'day first (DD/MM/YYYY)' : 'month first (MM/DD/YYYY)'}, as the file's dates show.`
              : `Numeric dates like 05/11/2024 read ${order === 'dmy' ? 'day first' : 'month first'}: nothing in the file decides it (choose below).`,
          );
        }
        if (reader.missing.length) {
          for (const message of reader.missing) ctx.problems.push({ row: 0, message });
          parser.abort();
        }
        return;
      }
      row++;
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
      total++;
      if (opts.onProgress && total % every === 0) opts.onProgress(total, Math.max(estimate, total));
      const c = ctx!;
      if (res.errors.some((e) => e.type === 'Quotes')) {
        c.problems.push({ row, message: 'quotes are not balanced' });
        return;
      }
      if (cells.length > width && cells.slice(width).some((x) => x.trim() !== '')) {
        c.problems.push({ row, message: `has ${cells.length} fields; the header has ${width}` });
        return;
      }
      const draft = reader.draft(cells, c);
      const feature = toSighting(draft, row, c);
      if (feature) seen!(feature, draft.fileId, row);
    },
  });

  const r = reader as Reader | null;
  const c = (ctx as RecordContext | null) ?? createContext(text, opts);
  if (!r) c.problems.push({ row: 0, message: 'the file is empty' });
  if (opts.onProgress) opts.onProgress(total, total);
  const readAs = r?.readAs ?? { format: 'table' as const, label: 'a table', notes: [], choices: {} };
  const forms = [...c.forms.entries()].filter(([, n]) => n > 0);
  if (forms.length) readAs.notes.push(`Dates read: ${forms.map(([f, n]) => `${n.toLocaleString('en-GB')} as ${DATE_FORMS[f]}`).join(', ')}.`);
  return finish(c, features, total, readAs, fileIds);
}
