/**
 * Analyst imports: read a file, parse it in the import worker with progress, then keep or refuse it;
 * kept reports join the `imported` sighting set (appended, never replacing) and persist in IndexedDB so
 * a reload keeps them. Nothing already loaded is touched until a file is accepted.
 *
 * The job in progress (progress bar, review dialog) lives in `useImportJob`, a small store of its own:
 * it is transient UI state, not part of the view. The data itself goes to the main store.
 */
import { create } from 'zustand';
import { importBatch } from '../../io/importContext';
import type { ImportResult } from '../../io/importRecord';
import { summariseProblems } from '../../io/problems';
import { appendImported, applyImported, importedFeatures, mergeImported } from './importedSet';
import { clearSaved, dropBatch, listBatch, newBatchKey, parseStored, readSaved, restored, saveHere, STORAGE_KEY } from './persistence';
import { startWorker, type Outcome, type Parsed } from './client';
import type { SetParts } from '../setParts';
import { actions, useStore } from '../store';

export { STORAGE_KEY, mergeImported, parseStored };
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

/** Why a file gave no reports at all, in one phrase. */
export function whyNothing(result: ImportResult, format: 'csv' | 'geojson'): string {
  const fileLevel = result.problems.filter((p) => p.row === 0);
  if (result.total > 0) return `none of its ${result.total.toLocaleString('en-GB')} ${format === 'csv' ? 'rows' : 'features'} is a valid report`;
  if (format === 'csv' && fileLevel.some((p) => p.message.startsWith('no '))) return 'it does not have the columns of a table of reports (see below)';
  if (fileLevel.length === 1 && fileLevel[0]) return fileLevel[0].message;
  return `it has no ${format === 'csv' ? 'rows' : 'features'} to import`;
}

/** What the worker built for a file beside its features: set parts, and whether it saved the reports. */
export interface Prepared {
  parts: SetParts;
  saved: Promise<boolean>;
  /** The IndexedDB key the worker saved under. */
  key: string;
}

const unsaved = () =>
  actions.notify('warning', 'Imported reports could not be saved in this browser; they will be gone after a reload.');

/**
 * Accept a parsed file: append its reports, persist, and say what happened. `prepared` comes from the
 * import worker; without it the parts are built and the reports saved here (fine for small files).
 */
export async function commitImport(result: ImportResult, fileName: string, prepared?: Prepared): Promise<number> {
  const m = await appendImported(result, prepared?.parts);
  const left = result.total - result.features.length;
  const parts = [`Imported ${m.added.toLocaleString('en-GB')} report${m.added === 1 ? '' : 's'} from ${fileName}`];
  if (left > 0) parts.push(`${left.toLocaleString('en-GB')} left out`);
  if (m.duplicates > 0) parts.push(`${m.duplicates.toLocaleString('en-GB')} already imported`);
  actions.notify('info', `${parts.join('; ')}.`);
  if (m.added === 0) {
    if (prepared) void prepared.saved.then(() => dropBatch(prepared.key));
    return 0;
  }
  try {
    if (!prepared) await saveHere(result.features, result.sources, importBatch('', { name: fileName }));
    else if (await prepared.saved) await listBatch(prepared.key);
    else throw new Error('not saved');
  } catch {
    unsaved();
  }
  return m.added;
}

function fail(fileName: string, reason: string, details?: string[]): void {
  useImportJob.setState(IDLE);
  actions.notify('error', `${fileName} could not be imported: ${reason}. Nothing already loaded has changed.`, details);
}

/** Bumped by each import and each cancel, so a cancelled import's late steps do nothing. */
let generation = 0;
/** Ends the running worker with an outcome (set while a file is being parsed). */
let stopWorker: ((o: Outcome) => void) | null = null;
/** What the worker built for the file under review, kept until it is kept or refused. */
let pending: Prepared | null = null;

/** A file's result was not kept: forget what the worker saved for it. */
function discard(prepared: Prepared | null): void {
  if (prepared) void prepared.saved.then((ok) => (ok ? dropBatch(prepared.key) : undefined));
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
  const key = newBatchKey(importBatch(text, { name: file.name }));
  const job = startWorker({ text, name: file.name, options: { progressEvery: 1000 }, saveAs: key }, (done, total) => {
    if (gen === generation) useImportJob.setState({ done, total });
  });
  stopWorker = job.stop;
  const message = await job.done;
  stopWorker = null;
  const prepared = message.type === 'ready' ? { parts: message.parts, saved: message.saved, key } : null;
  if (gen !== generation) return discard(prepared);
  if (message.type === 'error') return fail(file.name, message.message);
  const { result, format } = message as Parsed;
  if (result.features.length === 0) return fail(file.name, whyNothing(result, format), problemLines(result, format));
  if (result.problems.length === 0) {
    useImportJob.setState(IDLE);
    await commitImport(result, file.name, prepared ?? undefined);
    return;
  }
  pending = prepared;
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
  const prepared = pending ?? undefined;
  pending = null;
  useImportJob.setState(IDLE);
  if (result) await commitImport(result, fileName, prepared);
}

/** Review: refuse the whole file; nothing is imported. */
export function refuseImport(): void {
  const { fileName } = useImportJob.getState();
  discard(pending);
  pending = null;
  useImportJob.setState(IDLE);
  actions.notify('info', `Refused ${fileName}: nothing was imported.`);
}

/** Remove every imported report and source, here and in IndexedDB. */
export async function removeImports(): Promise<void> {
  const n = importedFeatures().length;
  const selected = useStore.getState().selection.featureId;
  applyImported([], new Map());
  if (selected?.startsWith('imp-')) actions.clearSelection();
  actions.notify('info', `Removed ${n.toLocaleString('en-GB')} imported report${n === 1 ? '' : 's'}.`);
  try {
    await clearSaved();
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
  let saved: Awaited<ReturnType<typeof readSaved>>;
  try {
    saved = await readSaved();
  } catch {
    return;
  }
  if (!saved) return;
  if ('keys' in saved) return restoreBatches(saved.keys);
  const stored = parseStored(saved.legacy);
  if (!stored || stored.features.length === 0) return;
  await dataLoaded();
  const m = mergeImported(stored.features, useStore.getState().importedSources, importedFeatures(), []);
  const sources = new Map(m.sources);
  for (const s of stored.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  applyImported(m.features, sources);
  if (stored.dropped > 0) droppedNotice(stored.dropped);
  try {
    await saveHere(stored.features, stored.sources, 'v1');
  } catch {
    // Left as version 1; read again next time.
  }
}

const droppedNotice = (n: number) =>
  actions.notify('warning', `${n} saved imported report${n === 1 ? '' : 's'} could not be read back and were left out.`);

/** Version 2: the import worker reads each saved batch back and validates it, one after another. */
async function restoreBatches(keys: string[]): Promise<void> {
  await dataLoaded();
  let dropped = 0;
  const kept: string[] = [];
  for (const key of keys) {
    const outcome = await startWorker({ restoreKey: key }, () => {}).done;
    if (outcome.type !== 'ready' || outcome.result.features.length === 0) continue;
    dropped += outcome.result.total - outcome.result.features.length;
    await appendImported(outcome.result, outcome.parts);
    kept.push(key);
  }
  restored(kept);
  if (dropped > 0) droppedNotice(dropped);
}
