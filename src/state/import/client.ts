/**
 * The page's side of the import worker: start it, collect the feature chunks as they arrive (each in
 * its own task), unpack the set's parts, and learn whether the worker saved the file's reports.
 */
import type { SightingFeature } from '../../domain/schemas';
import type { ImportResult } from '../../io/importRecord';
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

/**
 * Run one request in a fresh import worker. `onProgress` gets (records done, total or estimate).
 * @example const outcome = await startWorker({ text, name }, (d, t) => show(d, t)).done;
 */
export function startWorker(request: WorkerRequest, onProgress: (done: number, total: number) => void): WorkerJob {
  let stop: (o: Outcome) => void = () => {};
  const done = new Promise<Outcome>((resolve) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const features: SightingFeature[] = [];
    const wantsSave = 'saveAs' in request && Boolean(request.saveAs);
    let settleSaved: (ok: boolean) => void = () => {};
    const saved = new Promise<boolean>((r) => (settleSaved = r));
    let over = false;
    stop = (o) => {
      if (over) return;
      over = true;
      worker.terminate();
      settleSaved(false);
      resolve(o);
    };
    worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'features') for (const f of m.features) features.push(f);
      else if (m.type === 'error') stop(m);
      else if (m.type === 'saved') {
        worker.terminate();
        settleSaved(m.ok);
      } else {
        over = true;
        if (!wantsSave || features.length === 0) {
          worker.terminate();
          settleSaved(false);
        }
        void yieldToPage()
          .then(() => unpackParts(m.parts, yieldToPage))
          .then((parts) => resolve({ type: 'ready', format: m.format, result: { ...m.result, features }, parts, saved }));
      }
    };
    worker.onerror = (e) => {
      settleSaved(false);
      stop({ type: 'error', message: e.message || 'the import worker failed' });
    };
    worker.postMessage(request);
  });
  return { done, stop: (o) => stop(o) };
}
