/**
 * The synthetic-data path for benchmarks: `?synthetic=1000000&seed=1` in the page URL (not the hash, so
 * permalinks never carry it) generates that many labelled synthetic points along the bundled routes and
 * loads them as their own set. The generator runs in a worker started only on that URL (the page it
 * benchmarks stays responsive while it runs); no synthetic data is bundled.
 */
import type { Geodata } from '../domain/types';
import { sequentialIds } from '../metrics/idList';
import { actions } from './store';
import { makeColumnarSet } from './sightingSets';
import { syntheticIdList } from './syntheticData';
import type { SyntheticAnswer, SyntheticJob } from './syntheticWorker';

/** At most this many synthetic points (memory: ~100 bytes a point across columns and GPU buffers). */
export const MAX_SYNTHETIC = 2_000_000;

export function syntheticRequest(search: string): { n: number; seed: number } | null {
  const p = new URLSearchParams(search);
  const n = Math.floor(Number(p.get('synthetic')));
  // A count too long for a double reads as Infinity: still a request, clamped below like any huge one.
  if (Number.isNaN(n) || n <= 0) return null;
  const seed = Math.floor(Number(p.get('seed') ?? 1));
  return { n: Math.min(n, MAX_SYNTHETIC), seed: Number.isFinite(seed) ? seed : 1 };
}

/** Generate in a worker; resolves with its answer (or an error answer when the worker fails). */
function generateInWorker(job: SyntheticJob): Promise<SyntheticAnswer> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./syntheticWorker.ts', import.meta.url), { type: 'module' });
    const done = (a: SyntheticAnswer) => {
      worker.terminate();
      resolve(a);
    };
    worker.addEventListener('message', (e: MessageEvent<SyntheticAnswer>) => done(e.data));
    worker.addEventListener('error', (e) => done({ error: e.message || 'the generator worker failed' }));
    worker.postMessage(job);
  });
}

/**
 * Generate `req.n` synthetic points along the routes of `data` and load them as the `synthetic` set,
 * with a notice that they are not reports.
 * @example await loadSynthetic({ n: 100_000, seed: 1 }, data)
 */
export async function loadSynthetic(req: { n: number; seed: number }, data: Geodata): Promise<void> {
  const t0 = performance.now();
  const a = await generateInWorker({ n: req.n, seed: req.seed, routes: data.routes, nodes: data.nodes });
  if ('error' in a) {
    actions.notify('error', `Synthetic benchmark data could not be generated: ${a.error}`);
    return;
  }
  const columns = { ...a.columns, ids: sequentialIds(syntheticIdList(req.n)) };
  actions.putSightingSet(makeColumnarSet('synthetic', columns, a.byDay));
  actions.notify(
    'warning',
    `Synthetic benchmark data: ${req.n.toLocaleString('en-GB')} generated points (seed ${req.seed}) are loaded in ${Math.round(performance.now() - t0)} ms. They are not reports.`,
  );
}
