/**
 * Analyst imports: read a file, parse it in the import worker with progress, match it against what
 * is loaded, then import it straight away when there is nothing to say, or open the review (how it
 * was read, file-wide choices, problems, remarks, clashes, the window) to keep or refuse it. Nothing
 * already loaded is touched until a file is accepted, and every failure ends the job with a message.
 *
 * The job in progress lives in `useImportJob`, a small store of its own: it is transient UI state,
 * not part of the view. The data itself goes to the main store.
 */
import { create } from 'zustand';
import type { Confidence } from '../../domain/schemas';
import type { DateOrder } from '../../io/dates';
import { importBatch } from '../../io/importContext';
import type { ImportResult } from '../../io/importTypes';
import { decodeText } from '../../io/text';
import { actions, useStore } from '../store';
import { startWorker, yieldToPage, type Outcome, type Parsed } from './client';
import { commitImport, type Prepared } from './commit';
import { dropBatch, newBatchKey } from './persistence';
import { matchLoaded, type Matching } from './matching';
import { checkFileText, needsReview, outsideWindow, problemLines, whyNothing } from './review';

export { checkFileText, problemLines, whyNothing };
/** Files larger than this are refused before reading (the whole text goes to the worker). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** The file-wide choices the review offers. */
export interface ImportChoices {
  confidence?: Confidence;
  dateOrder?: DateOrder;
}

/** The import in progress. `review` waits for the analyst to keep or refuse the file. */
export interface ImportJob {
  phase: 'idle' | 'reading' | 'parsing' | 'review';
  fileName: string;
  done: number;
  total: number;
  format: 'csv' | 'geojson' | null;
  result: ImportResult | null;
  matching: Matching | null;
  /** Clashes (feature indices) whose file version the analyst wants imported beside the loaded one. */
  takeClashes: number[];
  choices: ImportChoices;
  /** Open the view the file was saved with (analysis files and our GeoJSON exports) once it is imported. */
  openView: boolean;
}

const IDLE: ImportJob = {
  phase: 'idle', fileName: '', done: 0, total: 0, format: null, result: null, matching: null, takeClashes: [], choices: {}, openView: true,
};

/** The import job's own store (read it with `useImportJob(selector)`). */
export const useImportJob = create<ImportJob>()(() => IDLE);

/** Bumped by each parse and each cancel, so a cancelled parse's late steps do nothing. */
let generation = 0;
/** Ends the running worker with an outcome (set while a file is being parsed). */
let stopWorker: ((o: Outcome) => void) | null = null;
/** What the worker built for the file under review, kept until it is kept or refused. */
let pending: Prepared | null = null;
/** The text under review, kept to parse again when a file-wide choice changes. */
let pendingText = '';

/** A file's result was not kept: forget what the worker saved for it. */
function discard(prepared: Prepared | null): void {
  if (prepared) void prepared.saved.then((ok) => (ok ? dropBatch(prepared.key) : undefined));
}

function fail(fileName: string, reason: string, details?: string[]): void {
  discard(pending);
  pending = null;
  pendingText = '';
  useImportJob.setState(IDLE);
  actions.notify('error', `${fileName} could not be imported: ${reason}. Nothing already loaded has changed.`, details);
}

/** What the worker is told about the loaded data: named places, known sources, today. */
function context() {
  const s = useStore.getState();
  const places = (s.data?.nodes ?? []).map((n) => ({ id: n.properties.id, name: n.properties.name, lon: n.geometry.coordinates[0]!, lat: n.geometry.coordinates[1]! }));
  const knownSources = [...(s.data?.sources.values() ?? []), ...[...s.importedSources.values()].slice(0, 10_000)];
  return { places, knownSources, today: new Date().toISOString().slice(0, 10) };
}

/** Parse `text` in the worker, then review or import. */
async function parse(text: string, fileName: string, choices: ImportChoices, reviewing: boolean): Promise<void> {
  const gen = ++generation;
  useImportJob.setState({ phase: 'parsing', fileName, done: 0, total: 0, choices });
  const key = newBatchKey(importBatch(text, {}));
  const job = startWorker(
    { text, name: fileName, options: { progressEvery: 1000, ...context(), ...choices }, saveAs: key, checkLand: true },
    (done, total) => {
      if (gen === generation) useImportJob.setState({ done, total });
    },
  );
  stopWorker = job.stop;
  const message = await job.done;
  stopWorker = null;
  const prepared = message.type === 'ready' ? { parts: message.parts, saved: message.saved, key } : null;
  if (gen !== generation) return discard(prepared);
  if (message.type === 'error') return fail(fileName, message.message);
  const { result, format } = message as Parsed;
  if (result.features.length === 0) {
    discard(prepared);
    return fail(fileName, whyNothing(result, format), [...(result.readAs ? [`Read as ${result.readAs.label}.`] : []), ...problemLines(result, format)]);
  }
  const s = useStore.getState();
  const matching = matchLoaded(result, s.sightingSets, (id) => s.data?.sources.get(id) ?? s.importedSources.get(id));
  await yieldToPage();
  if (gen !== generation) return discard(prepared);
  const outside = outsideWindow(matching.fresh.map((i) => result.features[i]!), s.filters.from, s.filters.to);
  // A file saved with its view is always reviewed: opening the view is the analyst's choice.
  if (!reviewing && !result.saved && !needsReview(result, matching, outside)) {
    useImportJob.setState(IDLE);
    pendingText = '';
    await commitImport(result, fileName, matching, [], prepared ?? undefined, { label: result.readAs?.label, batch: importBatch(text, {}) });
    return;
  }
  pending = prepared;
  pendingText = text;
  useImportJob.setState({ phase: 'review', format, result, matching, takeClashes: [], done: result.total, total: result.total, openView: reviewing ? useImportJob.getState().openView : true });
}

/**
 * A file's text. UTF-8 is decoded by the browser off the main thread (`Blob.text()`), with a BOM put
 * back so the review can say it; UTF-16 (Excel's "Unicode Text", small files) is decoded here.
 */
async function readText(file: File): Promise<string> {
  const head = new Uint8Array(await file.slice(0, 3).arrayBuffer());
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return decodeText(new Uint8Array(await file.arrayBuffer()));
  const text = await file.text();
  return head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? `\ufeff${text}` : text;
}

/**
 * Import one file: checks, parses in the worker with progress, then imports straight away when there
 * is nothing to review, or opens the review. Never throws; a failure is a notice.
 */
export async function importFile(file: File): Promise<void> {
  if (useImportJob.getState().phase !== 'idle') {
    actions.notify('warning', `An import is already in progress; ${file.name} was not read.`);
    return;
  }
  if (file.size > MAX_FILE_BYTES) return fail(file.name, `it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const gen = ++generation;
  useImportJob.setState({ ...IDLE, phase: 'reading', fileName: file.name });
  try {
    const text = await readText(file);
    if (gen !== generation) return;
    const bad = checkFileText(text);
    if (bad) return fail(file.name, bad);
    await parse(text, file.name, {}, false);
  } catch (e) {
    fail(file.name, e instanceof Error && e.message ? e.message : 'the browser could not read it');
  }
}

/** Review: change a file-wide choice (confidence, date order); the file is read again with it. */
export async function setImportChoice(patch: ImportChoices): Promise<void> {
  const job = useImportJob.getState();
  if (job.phase !== 'review' || !pendingText) return;
  discard(pending);
  pending = null;
  try {
    await parse(pendingText, job.fileName, { ...job.choices, ...patch }, true);
  } catch (e) {
    fail(job.fileName, e instanceof Error ? e.message : 'it could not be read again');
  }
}

/** Review: import (or not) the file's version of a clashing report, beside the loaded one. */
export function takeClash(index: number, take: boolean): void {
  const now = useImportJob.getState().takeClashes.filter((i) => i !== index);
  useImportJob.setState({ takeClashes: take ? [...now, index] : now });
}

/** Review: widen the time window so every report of the file is inside it. */
export function widenWindow(to: { from: string; to: string }): void {
  actions.setFilters({ from: to.from, to: to.to });
}

/** Stop parsing the current file (nothing is imported). */
export function cancelImport(): void {
  const { phase, fileName } = useImportJob.getState();
  if (phase !== 'reading' && phase !== 'parsing') return;
  generation++;
  stopWorker?.({ type: 'error', message: 'the import was cancelled' });
  discard(pending);
  pending = null;
  pendingText = '';
  useImportJob.setState(IDLE);
  actions.notify('info', `Import of ${fileName} cancelled; nothing was imported.`);
}

/** Review: open (or not) the view the file was saved with, when it is kept. */
export function setOpenView(open: boolean): void {
  useImportJob.setState({ openView: open });
}

/**
 * Review: keep the new reports of the file under review (and the chosen clashes' versions), then open
 * the view it was saved with when asked (the reports it selects are loaded by then).
 */
export async function keepImport(): Promise<void> {
  const { result, fileName, matching, takeClashes, openView } = useImportJob.getState();
  const prepared = pending ?? undefined;
  const batch = importBatch(pendingText, {});
  pending = null;
  pendingText = '';
  useImportJob.setState(IDLE);
  if (!result || !matching) return;
  try {
    await commitImport(result, fileName, matching, takeClashes, prepared, { label: result.readAs?.label, batch });
  } catch (e) {
    actions.notify('error', `${fileName} could not be imported: ${e instanceof Error ? e.message : 'unknown reason'}. Nothing already loaded has changed.`);
    return;
  }
  if (!result.saved || !openView) return;
  // Loaded only now: most imports have no saved view.
  const { openSavedView } = await import('../analysis/openView');
  openSavedView(result.saved, fileName, new Set(result.features.filter((f) => f.properties.own === true).map((f) => f.properties.id)));
}

/** Review: refuse the whole file; nothing is imported. */
export function refuseImport(): void {
  const { fileName } = useImportJob.getState();
  discard(pending);
  pending = null;
  pendingText = '';
  useImportJob.setState(IDLE);
  actions.notify('info', `Refused ${fileName}: nothing was imported.`);
}
