/**
 * Web worker entry for imports and for reading saved imports back: receives a `WorkerRequest`, posts
 * `WorkerMessage`s (see `importDelivery.ts`), and keeps saved batches in IndexedDB. Load it with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 */
import { get, set } from 'idb-keyval';
import { runWorkerRequest, type WorkerMessage, type WorkerRequest } from './delivery';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage: (message: WorkerMessage, transfer?: Transferable[]) => void;
};

scope.onmessage = (event) =>
  void runWorkerRequest(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []), { get, set });
