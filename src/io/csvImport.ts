/**
 * CSV import (papaparse, delimiter detected): one sighting per data row, in common column spellings
 * (see `FIELD_ALIASES`). Rows are numbered from 1 after the header — the numbers a spreadsheet shows
 * minus one — and blank lines keep their number but are not counted in `total`. Linear in the file size.
 */
import Papa from 'papaparse';
import type { SightingFeature } from '../domain/schemas';
import { createContext } from './importContext';
import { FIELD_ALIASES, mapHeaders, type ImportField } from './importFields';
import { readCoordinate, toSighting, type ImportOptions, type ImportResult } from './importRecord';
import type { ImportProblem } from './problems';

function missingColumns(cols: Record<ImportField, number>, opts: ImportOptions): string[] {
  const spell = (f: ImportField) => FIELD_ALIASES[f].join(', ');
  const missing: string[] = [];
  for (const f of ['lat', 'lon', 'date'] as const) if (cols[f] < 0) missing.push(`no ${f} column (${spell(f)})`);
  if (cols.category < 0 && !opts.defaultCategory) missing.push(`no category column (${spell('category')})`);
  if (cols.confidence < 0 && !opts.defaultConfidence) missing.push(`no confidence column (${spell('confidence')})`);
  if (cols.source < 0 && cols.url < 0 && !opts.defaultSource) {
    missing.push(`no source column (${spell('source')}, ${spell('url')})`);
  }
  if (cols.name < 0 && cols.summary < 0) missing.push(`no name or summary column (${spell('name')}, ${spell('summary')})`);
  return missing;
}

/** Rough row count for progress: newlines in the text (no parsing). */
function estimateRows(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Parse CSV text into sightings and the problems of every row that could not be used.
 * @example parseCSVImport('lat,lon,date,category,confidence,source,summary\n42.3,130.6,2024-10-01,' +
 *   'training,high,Reuters,Drill seen', { batch: 'a1' })
 *   // → { features: [{ id: 'imp-a1-1', … }], sources: [{ id: 'imp-src-a1-1', publisher: 'Reuters', … }],
 *   //     problems: [], total: 1 }
 */
export function parseCSVImport(text: string, opts: ImportOptions = {}): ImportResult {
  const ctx = createContext(text, opts);
  const features: SightingFeature[] = [];
  const problems: ImportProblem[] = [];
  const every = Math.max(1, opts.progressEvery ?? 10_000);
  const estimate = opts.onProgress ? estimateRows(text) : 0;
  let cols: Record<ImportField, number> | null = null;
  let width = 0;
  let row = 0;
  let total = 0;

  Papa.parse<string[]>(text, {
    header: false,
    skipEmptyLines: false,
    step: (res, parser) => {
      const cells = res.data;
      if (!cols) {
        cols = mapHeaders(cells);
        width = cells.length;
        const missing = missingColumns(cols, opts);
        if (missing.length) {
          for (const message of missing) problems.push({ row: 0, message });
          parser.abort();
        }
        return;
      }
      row++;
      if (cells.length === 1 && (cells[0] ?? '').trim() === '') return;
      total++;
      if (opts.onProgress && total % every === 0) opts.onProgress(total, Math.max(estimate, total));
      const quoteError = res.errors.find((e) => e.type === 'Quotes');
      if (quoteError) {
        problems.push({ row, message: 'quotes are not balanced' });
        return;
      }
      if (cells.length > width && cells.slice(width).some((c) => c.trim() !== '')) {
        problems.push({ row, message: `has ${cells.length} fields; the header has ${width}` });
        return;
      }
      const c = cols;
      const get = (f: ImportField) => (c[f] >= 0 ? cells[c[f]] : undefined);
      const coordinateProblems: string[] = [];
      const lat = readCoordinate(get('lat'), 'latitude', coordinateProblems);
      const lon = readCoordinate(get('lon'), 'longitude', coordinateProblems);
      const feature = toSighting(get, lon, lat, row, ctx, coordinateProblems, problems);
      if (feature) features.push(feature);
    },
  });

  if (!cols) problems.push({ row: 0, message: 'the file is empty' });
  if (opts.onProgress) opts.onProgress(total, total);
  return { features, sources: ctx.sources.list(), problems, total };
}
