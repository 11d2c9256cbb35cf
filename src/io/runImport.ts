/**
 * The import job the worker runs, kept free of worker globals so node tests can call it: pick the
 * format, parse, and report progress and the result as messages.
 */
import { parseCSVImport } from './csvImport';
import { parseGeoJSONImport } from './geojsonImport';
import type { ImportOptions, ImportResult } from './importRecord';

/** What the page sends the worker. Callbacks can't cross to a worker, so options exclude `onProgress`. */
export interface ImportRequest {
  text: string;
  /** File name; its extension picks the format. */
  name: string;
  options?: Omit<ImportOptions, 'onProgress'>;
}

/** What the worker sends back: progress messages, then exactly one `result` (or `error`). */
export type ImportMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; format: 'csv' | 'geojson'; result: ImportResult }
  | { type: 'error'; message: string };

/** `.csv`/`.tsv`/`.txt` → CSV; `.geojson`/`.json` → GeoJSON; otherwise by the first character. */
export function detectFormat(name: string, text: string): 'csv' | 'geojson' {
  const lower = name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv';
  if (/\.(geo)?json$/.test(lower)) return 'geojson';
  return /^\ufeff?\s*[{[]/.test(text) ? 'geojson' : 'csv';
}

/**
 * Run one import, posting progress about every `progressEvery` records (default 10,000) and then the
 * result. Never throws: an unexpected failure is posted as `{ type: 'error' }`.
 */
export function runImport(request: ImportRequest, post: (message: ImportMessage) => void): void {
  try {
    const format = detectFormat(request.name, request.text);
    const options: ImportOptions = {
      ...request.options,
      name: request.name,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    };
    const result =
      format === 'csv' ? parseCSVImport(request.text, options) : parseGeoJSONImport(request.text, options);
    post({ type: 'result', format, result });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : 'the file could not be read' });
  }
}
