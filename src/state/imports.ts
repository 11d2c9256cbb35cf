/**
 * Analyst imports: read a file, parse it in the import worker with progress, then keep or refuse it;
 * kept reports join the `imported` sighting set (appended, never replacing) and persist in IndexedDB so
 * a reload keeps them. Nothing already loaded is touched until a file is accepted.
 *
 * The job in progress (progress bar, review dialog) lives in `useImportJob`, a small store of its own:
 * it is transient UI state, not part of the view. The data itself goes to the main store.
 */
import { create } from 'zustand';
import { del as idbDel, get as idbGet, set as idbSet } from 'idb-keyval';
import { SightingFeature, Source } from '../domain/schemas';
import type { ImportMessage } from '../io/runImport';
import type { ImportResult } from '../io/importRecord';
import { summariseProblems } from '../io/problems';
import { makeSet } from './sightingSets';
import { actions, useStore } from './store';

/** IndexedDB key of the persisted imports. */
export const STORAGE_KEY = 'corridor-watch/imports';
/** Files larger than this are refused before reading (the whole text goes to the worker). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** The import in progress. `review` waits for the analyst to keep or refuse a file with problems. */
export interface ImportJob {
  phase: 'idle' | 'reading' | 'parsing' | 'review';
  fileName: string;
  done: number;
  total: number;
  format: 'csv' | 'geojson' | null;
  result: ImportResult | null;
}

const IDLE: ImportJob = { phase: 'idle', fileName: '', done: 0, total: 0, format: null, result: null };

/** The import job's own store (read it with `useImportJob(selector)`). */
export const useImportJob = create<ImportJob>()(() => IDLE);

/**
 * Why text cannot be an import at all, or null: empty, or binary (NUL bytes or many undecodable
 * characters — an image or a spreadsheet saved as .xlsx, say).
 * @example checkFileText('') // 'the file is empty'
 */
export function checkFileText(text: string): string | null {
  if (text.replace(/^\ufeff/, '').trim() === '') return 'the file is empty';
  const head = text.slice(0, 4096);
  const bad = (head.match(/[\u0000\ufffd]/g) ?? []).length;
  if (head.includes('\u0000') || bad > head.length / 50) return 'it is not a CSV or GeoJSON file (it looks like binary data)';
  return null;
}

/** Problem lines as the analyst reads them: `Row n: …` for CSV, `Feature n: …` for GeoJSON. */
export function problemLines(result: ImportResult, format: 'csv' | 'geojson' | null, max = 20): string[] {
  return summariseProblems(result.problems, max, format === 'geojson' ? 'Feature' : 'Row');
}

/**
 * Append imported features to those already imported: features whose id is already there are skipped
 * (the same file imported twice), sources merged by id. Inputs are not mutated.
 */
export function mergeImported(
  current: readonly SightingFeature[],
  currentSources: ReadonlyMap<string, Source>,
  incoming: readonly SightingFeature[],
  incomingSources: readonly Source[],
): { features: SightingFeature[]; sources: Map<string, Source>; added: number; duplicates: number } {
  const ids = new Set(current.map((f) => f.properties.id));
  const features = [...current];
  let duplicates = 0;
  for (const f of incoming) {
    if (ids.has(f.properties.id)) duplicates++;
    else {
      ids.add(f.properties.id);
      features.push(f);
    }
  }
  const sources = new Map(currentSources);
  for (const s of incomingSources) if (!sources.has(s.id)) sources.set(s.id, s);
  return { features, sources, added: features.length - current.length, duplicates };
}

/** What is stored in IndexedDB. */
interface Stored {
  version: 1;
  features: SightingFeature[];
  sources: Source[];
}

/**
 * Read stored imports back, keeping only features and sources that still validate (a stored record may
 * predate a schema change). Returns null when nothing usable is stored.
 */
export function parseStored(value: unknown): { features: SightingFeature[]; sources: Source[]; dropped: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<Stored>;
  if (v.version !== 1 || !Array.isArray(v.features) || !Array.isArray(v.sources)) return null;
  const features = v.features.flatMap((f) => {
    const r = SightingFeature.safeParse(f);
    return r.success && r.data.properties.imported === true ? [r.data] : [];
  });
  const sources = v.sources.flatMap((s) => {
    const r = Source.safeParse(s);
    return r.success ? [r.data] : [];
  });
  return { features, sources, dropped: v.features.length - features.length };
}

const importedFeatures = (): readonly SightingFeature[] =>
  useStore.getState().sightingSets.find((s) => s.key === 'imported')?.features ?? [];

async function persist(features: readonly SightingFeature[], sources: ReadonlyMap<string, Source>): Promise<void> {
  try {
    const stored: Stored = { version: 1, features: [...features], sources: [...sources.values()] };
    await idbSet(STORAGE_KEY, stored);
  } catch {
    actions.notify('warning', 'Imported reports could not be saved in this browser; they will be gone after a reload.');
  }
}

/** Puts features and sources in the store as the `imported` set (or removes the set when empty). */
function apply(features: readonly SightingFeature[], sources: ReadonlyMap<string, Source>): void {
  useStore.setState({ importedSources: sources });
  if (features.length) actions.putSightingSet(makeSet('imported', features, sources));
  else actions.removeSightingSet('imported');
}

/** Why a file gave no reports at all, in one phrase. */
export function whyNothing(result: ImportResult, format: 'csv' | 'geojson'): string {
  const fileLevel = result.problems.filter((p) => p.row === 0);
  if (result.total > 0) return `none of its ${result.total.toLocaleString('en-GB')} ${format === 'csv' ? 'rows' : 'features'} is a valid report`;
  if (format === 'csv' && fileLevel.some((p) => p.message.startsWith('no '))) return 'it does not have the columns of a table of reports (see below)';
  if (fileLevel.length === 1 && fileLevel[0]) return fileLevel[0].message;
  return `it has no ${format === 'csv' ? 'rows' : 'features'} to import`;
}

/** Accept a parsed file: append its reports, persist, and say what happened. */
export async function commitImport(result: ImportResult, fileName: string): Promise<number> {
  const m = mergeImported(importedFeatures(), useStore.getState().importedSources, result.features, result.sources);
  apply(m.features, m.sources);
  const left = result.total - result.features.length;
  const parts = [`Imported ${m.added.toLocaleString('en-GB')} report${m.added === 1 ? '' : 's'} from ${fileName}`];
  if (left > 0) parts.push(`${left.toLocaleString('en-GB')} left out`);
  if (m.duplicates > 0) parts.push(`${m.duplicates.toLocaleString('en-GB')} already imported`);
  actions.notify('info', `${parts.join('; ')}.`);
  await persist(m.features, m.sources);
  return m.added;
}

function fail(fileName: string, reason: string, details?: string[]): void {
  useImportJob.setState(IDLE);
  actions.notify('error', `${fileName} could not be imported: ${reason}. Nothing already loaded has changed.`, details);
}

type FinalMessage = Exclude<ImportMessage, { type: 'progress' }>;
/** Bumped by each import and each cancel, so a cancelled import's late steps do nothing. */
let generation = 0;
/** Ends the running worker with a message (set while a file is being parsed). */
let stopWorker: ((m: FinalMessage) => void) | null = null;

/** Runs the import worker on one file's text; resolves with its final message. */
function parseInWorker(name: string, text: string): Promise<FinalMessage> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('../io/importWorker.ts', import.meta.url), { type: 'module' });
    const done = (m: FinalMessage) => {
      stopWorker = null;
      worker.terminate();
      resolve(m);
    };
    stopWorker = done;
    worker.onmessage = (e: MessageEvent<ImportMessage>) => {
      const m = e.data;
      if (m.type === 'progress') useImportJob.setState({ done: m.done, total: m.total });
      else done(m);
    };
    worker.onerror = (e) => done({ type: 'error', message: e.message || 'the import worker failed' });
    worker.postMessage({ text, name, options: { progressEvery: 1000 } });
  });
}

/**
 * Import one file: checks, parses in the worker with progress, then imports straight away when every
 * record is good, or opens the review (keep the valid ones / refuse the file) when some are not.
 */
export async function importFile(file: File): Promise<void> {
  if (useImportJob.getState().phase !== 'idle') {
    actions.notify('warning', `An import is already in progress; ${file.name} was not read.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) return fail(file.name, `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const gen = ++generation;
  useImportJob.setState({ ...IDLE, phase: 'reading', fileName: file.name });
  let text: string;
  try {
    text = await file.text();
  } catch {
    return fail(file.name, 'the browser could not read it');
  }
  if (gen !== generation) return;
  const bad = checkFileText(text);
  if (bad) return fail(file.name, bad);
  useImportJob.setState({ phase: 'parsing' });
  const message = await parseInWorker(file.name, text);
  if (gen !== generation) return;
  if (message.type === 'error') return fail(file.name, message.message);
  const { result, format } = message;
  if (result.features.length === 0) return fail(file.name, whyNothing(result, format), problemLines(result, format));
  if (result.problems.length === 0) {
    useImportJob.setState(IDLE);
    await commitImport(result, file.name);
    return;
  }
  useImportJob.setState({ phase: 'review', format, result, done: result.total, total: result.total });
}

/** Stop parsing the current file (nothing is imported). */
export function cancelImport(): void {
  const { phase, fileName } = useImportJob.getState();
  if (phase !== 'reading' && phase !== 'parsing') return;
  generation++;
  stopWorker?.({ type: 'error', message: 'the import was cancelled' });
  useImportJob.setState(IDLE);
  actions.notify('info', `Import of ${fileName} cancelled; nothing was imported.`);
}

/** Review: keep the valid reports of the file under review. */
export async function keepImport(): Promise<void> {
  const { result, fileName } = useImportJob.getState();
  useImportJob.setState(IDLE);
  if (result) await commitImport(result, fileName);
}

/** Review: refuse the whole file; nothing is imported. */
export function refuseImport(): void {
  const { fileName } = useImportJob.getState();
  useImportJob.setState(IDLE);
  actions.notify('info', `Refused ${fileName}: nothing was imported.`);
}

/** Remove every imported report and source, here and in IndexedDB. */
export async function removeImports(): Promise<void> {
  const n = importedFeatures().length;
  const selected = useStore.getState().selection.featureId;
  apply([], new Map());
  if (selected?.startsWith('imp-')) actions.clearSelection();
  actions.notify('info', `Removed ${n.toLocaleString('en-GB')} imported report${n === 1 ? '' : 's'}.`);
  try {
    await idbDel(STORAGE_KEY);
  } catch {
    // Nothing stored (or no IndexedDB): nothing to remove.
  }
}

/** Resolves once the bundled data is in the store (loading it replaces the sighting sets). */
function dataLoaded(): Promise<void> {
  if (useStore.getState().data) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useStore.subscribe((s) => {
      if (!s.data) return;
      stop();
      resolve();
    });
  });
}

let restoring: Promise<void> | null = null;

/**
 * Load persisted imports at start-up (after the bundled data), appending to anything imported
 * meanwhile. Runs once however often it is called.
 */
export function restoreImports(): Promise<void> {
  restoring ??= restore();
  return restoring;
}

async function restore(): Promise<void> {
  let stored: ReturnType<typeof parseStored>;
  try {
    stored = parseStored(await idbGet(STORAGE_KEY));
  } catch {
    return;
  }
  if (!stored || stored.features.length === 0) return;
  await dataLoaded();
  const m = mergeImported(stored.features, useStore.getState().importedSources, importedFeatures(), []);
  const sources = new Map(m.sources);
  for (const s of stored.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  apply(m.features, sources);
  if (stored.dropped > 0) actions.notify('warning', `${stored.dropped} saved imported report${stored.dropped === 1 ? '' : 's'} could not be read back and were left out.`);
}
