/**
 * The import job the worker runs, kept free of worker globals so node tests can call it: check the
 * request, pick the format, parse, check every report against the domain schema, and report
 * progress and the result as messages. Nothing that fails the schema leaves this function.
 */
import { z } from '../domain/zod';
import { Confidence, SightingFeature, Source } from '../domain/schemas';
import { parseCSVImport } from './csvImport';
import { parseGeoJSONImport } from './formats/geojson';
import type { ImportOptions, ImportResult } from './importTypes';

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

/** The request as the worker accepts it: the file-wide choices are checked like any other input. */
const RequestSchema = z.object({
  text: z.string(),
  name: z.string().max(1000),
  options: z
    .object({
      batch: z.string().regex(/^[a-z0-9]{1,12}$/).optional(),
      confidence: Confidence.optional(),
      dateOrder: z.enum(['dmy', 'mdy']).optional(),
      today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
      progressEvery: z.number().int().positive().optional(),
      places: z.array(z.object({ id: z.string(), name: z.string(), lon: z.number(), lat: z.number() })).optional(),
      knownSources: z.array(Source).optional(),
    })
    .passthrough()
    .optional(),
});

/** `.csv`/`.tsv`/`.txt` → CSV; `.geojson`/`.json` → GeoJSON; otherwise by the first character. */
export function detectFormat(name: string, text: string): 'csv' | 'geojson' {
  const lower = name.toLowerCase();
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv';
  if (/\.(geo)?json$/.test(lower)) return 'geojson';
  return /^\ufeff?\s*[{[]/.test(text.slice(0, 1024)) ? 'geojson' : 'csv';
}

/**
 * Keep only features and sources that pass the domain schema (the parsers build them to it; this is
 * the check at the boundary). A feature that fails becomes a problem of its row.
 */
export function checkResult(result: ImportResult): ImportResult {
  const features: ImportResult['features'] = [];
  const fileIds: (string | null)[] = [];
  const problems = [...result.problems];
  result.features.forEach((f, i) => {
    const r = SightingFeature.safeParse(f);
    if (r.success) {
      features.push(r.data);
      fileIds.push(result.fileIds?.[i] ?? null);
    } else problems.push({ row: 0, message: `a report (${String(f.id).slice(0, 40)}) did not pass the schema: ${r.error.issues[0]?.message ?? 'invalid'}` });
  });
  const sources = result.sources.filter((s) => Source.safeParse(s).success);
  // Only when the file gave ids: half a million nulls would cross to the page for nothing.
  return { ...result, features, sources, problems, fileIds: fileIds.some((id) => id !== null) ? fileIds : undefined };
}

/**
 * Run one import, posting progress about every `progressEvery` records (default 10,000) and then the
 * result. Never throws: an unexpected failure is posted as `{ type: 'error' }`.
 */
export function runImport(request: ImportRequest, post: (message: ImportMessage) => void): void {
  try {
    const checked = RequestSchema.safeParse(request);
    if (!checked.success) return post({ type: 'error', message: `the import request is not valid (${checked.error.issues[0]?.path.join('.') || 'request'})` });
    const format = detectFormat(request.name, request.text);
    const options: ImportOptions = {
      ...request.options,
      name: request.name,
      onProgress: (done, total) => post({ type: 'progress', done, total }),
    };
    const parsed = format === 'csv' ? parseCSVImport(request.text, options) : parseGeoJSONImport(request.text, options);
    post({ type: 'result', format, result: checkResult(parsed) });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : 'the file could not be read' });
  }
}
