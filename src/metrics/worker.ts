/**
 * The metrics Web Worker: runs `MetricsEngine` off the main thread. Protocol in protocol.ts.
 * Create with `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`.
 */
import { MetricsEngine } from './engine';
import { unpackColumns } from './handover';
import type { Request, Response } from './protocol';

let engine: MetricsEngine | undefined;

interface Port {
  postMessage(message: Response, transfer?: Transferable[]): void;
}
const port = globalThis as unknown as Port;

/** Handle one request, posting progress and the answer to `post`. Exported for tests. */
export function handle(req: Request, post: (r: Response) => void): void {
  try {
    switch (req.type) {
      case 'init': {
        const t = performance.now();
        engine = new MetricsEngine(req.geodata, req.scenarios, {
          ...(req.catchmentKm !== undefined ? { catchmentKm: req.catchmentKm } : {}),
          ...(req.columns ? { columns: unpackColumns(req.columns) } : {}),
          ...(req.coverage ? { coverage: req.coverage } : {}),
          ...(req.regionAreas ? { regionAreas: req.regionAreas } : {}),
        });
        const zones = engine.setWidth(req.widthKm, (progress) => post({ id: req.id, type: 'progress', progress }));
        post({ id: req.id, type: 'ready', zones, joinMs: performance.now() - t });
        return;
      }
      case 'width': {
        const t = performance.now();
        const zones = need().setWidth(req.widthKm, (progress) => post({ id: req.id, type: 'progress', progress }));
        post({ id: req.id, type: 'ready', zones, joinMs: performance.now() - t });
        return;
      }
      case 'pass':
        need().setPass(req.pass);
        post({ id: req.id, type: 'pass' });
        return;
      case 'window': {
        const t = performance.now();
        const metrics = need().window(req.filters, req.detailFor);
        post({ id: req.id, type: 'window', metrics, ms: performance.now() - t });
        return;
      }
      case 'scenarios':
        post({ id: req.id, type: 'scenarios', ...need().evaluate(req.asOfDay, req.filters) });
        return;
      case 'along':
        post({ id: req.id, type: 'along', zoneId: req.zoneId, ...need().along(req.zoneId) });
        return;
    }
  } catch (e) {
    post({ id: req.id, type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
}

function need(): MetricsEngine {
  if (!engine) throw new Error('metrics worker: send "init" first');
  return engine;
}

if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  globalThis.addEventListener('message', (ev: Event) => {
    handle((ev as MessageEvent<Request>).data, (r) => port.postMessage(r));
  });
}
