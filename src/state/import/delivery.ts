/**
 * How the import worker hands a parsed file to the page without freezing it: the features go in
 * chunks (each chunk is deserialised in a task of its own), then one message carries the set's parts
 * with their typed arrays transferred (no copy). The worker also saves a new file's reports in
 * IndexedDB and reads saved ones back, since serialising tens of megabytes for IndexedDB blocks the
 * thread that does it for seconds. Free of worker globals (storage is passed in) so node tests run it.
 */
import type { SightingFeature, Source } from '../../domain/schemas';
import type { ImportResult } from '../../io/importTypes';
import type { LandMask } from '../../io/landMask';
import { runImport, type ImportMessage, type ImportRequest } from '../../io/runImport';
import { readStoredBatch, toStoredBatch } from '../../io/storedBatch';
import { buildSetParts, packParts, type PackedParts } from '../setParts';

/** Features per chunk message: well under 100 ms of deserialisation each on a slow machine. */
export const CHUNK = 10_000;

/**
 * What the page sends: a file to parse (and, with `saveAs`, the IndexedDB key to save its reports
 * under), or the key of a saved batch to read back.
 */
export type WorkerRequest = (ImportRequest & { saveAs?: string; checkLand?: boolean }) | { restoreKey: string };

/** What the worker sends: progress, feature chunks, one `ready` (or `error`), then `saved` if asked (it saves first). */
export type WorkerMessage =
  | Extract<ImportMessage, { type: 'progress' | 'error' }>
  | { type: 'features'; features: SightingFeature[] }
  | {
      type: 'ready';
      format: 'csv' | 'geojson';
      /** The result without its features (they came in the chunks before). */
      result: ImportResult;
      parts: PackedParts;
    }
  | { type: 'saved'; ok: boolean };

/** Where saved batches live (IndexedDB through idb-keyval in the worker). */
export interface BatchStorage {
  get: (key: string) => Promise<unknown>;
  set: (key: string, value: unknown) => Promise<void>;
}

type Post = (message: WorkerMessage, transfer?: Transferable[]) => void;

/** Chunks, then parts, of one parsed result. */
export function deliver(format: 'csv' | 'geojson', result: ImportResult, post: Post): void {
  const sources = new Map<string, Source>(result.sources.map((s) => [s.id, s]));
  const { packed, transfer } = packParts(buildSetParts(result.features, sources));
  for (let i = 0; i < result.features.length; i += CHUNK) post({ type: 'features', features: result.features.slice(i, i + CHUNK) });
  post({ type: 'ready', format, result: { ...result, features: [] }, parts: packed }, transfer);
}

const failed = (e: unknown): WorkerMessage => ({ type: 'error', message: e instanceof Error ? e.message : 'the file could not be read' });

/**
 * Chunks and parts, or — when a message cannot be posted (a `DataCloneError`, say) — one `error`
 * message, which is plain text and always posts: the page never waits for a hand-over that failed.
 */
export function deliverOrFail(format: 'csv' | 'geojson', result: ImportResult, post: Post): void {
  try {
    deliver(format, result, post);
  } catch (e) {
    post({ type: 'error', message: `the reports could not be handed over (${e instanceof Error ? `${e.name}: ${e.message}` : 'unknown reason'})` });
  }
}

/** Run one request in the worker. Never throws: failures are posted as `error` (or `saved: false`). */
export async function runWorkerRequest(request: WorkerRequest, post: Post, storage: BatchStorage, land?: () => LandMask): Promise<void> {
  try {
    await run(request, post, storage, land);
  } catch (e) {
    post(failed(e));
  }
}

async function run(request: WorkerRequest, post: Post, storage: BatchStorage, land?: () => LandMask): Promise<void> {
  if ('restoreKey' in request) {
    try {
      const stored = (await storage.get(request.restoreKey)) as Parameters<typeof readStoredBatch>[0] | undefined;
      if (!stored) return post({ type: 'error', message: 'nothing is saved under that key' });
      deliverOrFail('geojson', readStoredBatch(stored), post);
    } catch (e) {
      post(failed(e));
    }
    return;
  }
  let parsed: { format: 'csv' | 'geojson'; result: ImportResult } | null = null;
  try {
    const withLand = request.checkLand && land ? { ...request, options: { ...request.options, land: land() } } : request;
    runImport(withLand, (m) => {
      if (m.type === 'result') parsed = m;
      else post(m);
    });
  } catch (e) {
    return post(failed(e));
  }
  const done = parsed as { format: 'csv' | 'geojson'; result: ImportResult } | null;
  if (!done) return;
  // Save before handing over: the page then takes the reports while this thread is idle, instead of
  // both competing for the CPU (and the page's first frames with them).
  const ok = request.saveAs && done.result.features.length > 0 ? await save(storage, request.saveAs, done.result) : null;
  deliverOrFail(done.format, done.result, post);
  if (ok !== null) post({ type: 'saved', ok });
}

async function save(storage: BatchStorage, key: string, result: ImportResult): Promise<boolean> {
  try {
    await storage.set(key, toStoredBatch(result.features, result.sources));
    return true;
  } catch {
    return false;
  }
}
