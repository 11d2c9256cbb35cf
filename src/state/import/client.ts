/**
 * The page's side of the import worker: start it, collect the feature chunks as they arrive (each in
 * its own task), unpack the set's parts, and learn whether the worker saved the file's reports. Any
 * failure — the request cannot be sent, the worker throws or dies, a message cannot be read, the parts
 * cannot be unpacked — ends the job with an `error` outcome, so no dialog waits forever.
 */
import type { SightingFeature } from '../../domain/schemas';
import type { ImportResult } from '../../io/importTypes';
import type { WorkerMessage, WorkerRequest } from './delivery';
import { unpackParts, type SetParts } from '../setParts';

/** A parsed file (or saved batch), ready to become part of the imported set. */
export interface Parsed {
  type: 'ready';
  format: 'csv' | 'geojson';
  result: ImportResult;
  parts: SetParts;
  /** Resolves true once the worker has saved the reports under the request's `saveAs` key. */
  saved: Promise<boolean>;
}

/** The end of one worker run. */
export type Outcome = Parsed | { type: 'error'; message: string };

/** Lets the page draw a frame and handle input before the next step. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** A running worker job: `done` resolves with its outcome; `stop` ends it early with that outcome. */
export interface WorkerJob {
  done: Promise<Outcome>;
  stop: (outcome: Outcome) => void;
}

const why = (e: unknown, fallback: string) => (e instanceof Error && e.message ? e.message : typeof e === 'string' && e ? e : fallback);

/** The part of a `Worker` the job uses. */
export interface WorkerLike {
  postMessage(message: WorkerRequest): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<WorkerMessage>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  onmessageerror: ((e: MessageEvent) => void) | null;
}
/** How the page makes a worker (replaced in node tests). */
export type WorkerFactory = () => WorkerLike;
const moduleWorker: WorkerFactory = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }) as WorkerLike;

/**
 * Run one request in a fresh import worker. `onProgress` gets (records done, total or estimate).
 * @example const outcome = await startWorker({ text, name }, (d, t) => show(d, t)).done;
 */
export function startWorker(request: WorkerRequest, onProgress: (done: number, total: number) => void, makeWorker: WorkerFactory = moduleWorker): WorkerJob {
  let stop: (o: Outcome) => void = () => {};
  const done = new Promise<Outcome>((resolve) => {
    const wantsSave = 'saveAs' in request && Boolean(request.saveAs);
    let settleSaved: (ok: boolean) => void = () => {};
    const saved = new Promise<boolean>((r) => (settleSaved = r));
    let over = false;
    let worker: ReturnType<WorkerFactory> | null = null;
    stop = (o) => {
      if (over) return;
      over = true;
      worker?.terminate();
      settleSaved(false);
      resolve(o);
    };
    try {
      worker = makeWorker();
    } catch (e) {
      stop({ type: 'error', message: `the import worker could not start (${why(e, 'unknown reason')})` });
      return;
    }
    const w = worker;
    const features: SightingFeature[] = [];
    w.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (over && m?.type !== 'saved') return;
      if (m?.type === 'progress') onProgress(m.done, m.total);
      else if (m?.type === 'features' && Array.isArray(m.features)) for (const f of m.features) features.push(f);
      else if (m?.type === 'error') stop({ type: 'error', message: String(m.message) });
      else if (m?.type === 'saved') {
        w.terminate();
        settleSaved(m.ok === true);
      } else if (m?.type === 'ready') {
        over = true;
        if (!wantsSave || features.length === 0) {
          w.terminate();
          settleSaved(false);
        }
        void yieldToPage()
          .then(() => unpackParts(m.parts, yieldToPage))
          .then(
            (parts) => resolve({ type: 'ready', format: m.format, result: { ...m.result, features }, parts, saved }),
            (err: unknown) => {
              w.terminate();
              settleSaved(false);
              resolve({ type: 'error', message: `the parsed reports could not be taken in (${why(err, 'unknown reason')})` });
            },
          );
      } else stop({ type: 'error', message: 'the import worker sent something unexpected' });
    };
    w.onmessageerror = () => stop({ type: 'error', message: "the import worker's answer could not be read" });
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault?.();
      stop({ type: 'error', message: `the import worker failed (${e.message || 'it stopped'})` });
    };
    try {
      w.postMessage(request);
    } catch (e) {
      stop({ type: 'error', message: `the file could not be handed to the import worker (${why(e, 'unknown reason')})` });
    }
  });
  return { done, stop: (o) => stop(o) };
}
