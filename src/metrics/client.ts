/**
 * A small promise wrapper around the metrics worker: `call` sends a request and resolves with its
 * answer; progress messages go to the optional callback. Works with anything that looks like a Worker.
 */
import type { JoinProgress } from './join';
import type { Request, Response } from './protocol';

export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
}

type Answer<T extends Request['type']> = Extract<Response, { type: T extends 'init' | 'width' ? 'ready' : T }>;
type Body<T extends Request['type']> = Omit<Extract<Request, { type: T }>, 'id' | 'type'>;

export class MetricsClient {
  private next = 1;
  private pending = new Map<number, { resolve: (r: Response) => void; reject: (e: Error) => void; onProgress?: (p: JoinProgress) => void }>();

  constructor(private worker: WorkerLike) {
    worker.addEventListener('message', (ev) => {
      const r = ev.data as Response;
      const p = this.pending.get(r.id);
      if (!p) return;
      if (r.type === 'progress') return p.onProgress?.(r.progress);
      this.pending.delete(r.id);
      if (r.type === 'error') p.reject(new Error(r.message));
      else p.resolve(r);
    });
  }

  /**
   * Send a request; `transfer` lists buffers to move with it (e.g. `packColumns` output for `init`).
   * @example await client.call('window', { filters: { fromDay, toDay } })
   */
  call<T extends Request['type']>(type: T, body: Body<T>, onProgress?: (p: JoinProgress) => void, transfer: Transferable[] = []): Promise<Answer<T>> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (r: Response) => void, reject, ...(onProgress ? { onProgress } : {}) });
      this.worker.postMessage({ id, type, ...body }, transfer);
    });
  }
}
