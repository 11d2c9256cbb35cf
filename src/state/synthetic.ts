/**
 * The synthetic-data path for benchmarks: `?synthetic=1000000&seed=1` in the page URL (not the hash, so
 * permalinks never carry it) generates that many labelled synthetic points along the bundled routes and
 * loads them as their own set. The generator runs in a worker started only on that URL (the page it
 * benchmarks stays responsive while it runs); no synthetic data is bundled.
 */
import { sequentialIds } from '../metrics/idList';
import { geodataUrl } from './bootstrap';
import { actions } from './store';
import { makeColumnarSet } from './sightingSets';
import { syntheticIdList } from './syntheticData';
import type { GeodataUrls, SyntheticAnswer } from './syntheticWorker';

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

/**
 * Start generating `req.n` synthetic points along the bundled routes in a worker, right away: the worker
 * reads the route and node files itself, so generation overlaps the page's own loading. Resolves with the
 * worker's answer (an error answer when it fails).
 */
export function startSynthetic(req: { n: number; seed: number }): Promise<SyntheticAnswer> {
  const urls: GeodataUrls = { rail: geodataUrl('rail-routes.geojson'), sea: geodataUrl('sea-routes.geojson'), nodes: geodataUrl('nodes.geojson') };
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./syntheticWorker.ts', import.meta.url), { type: 'module' });
    const done = (a: SyntheticAnswer) => {
      worker.terminate();
      resolve(a);
    };
    worker.addEventListener('message', (e: MessageEvent<SyntheticAnswer>) => done(e.data));
    worker.addEventListener('error', (e) => done({ error: e.message || 'the generator worker failed' }));
    // Absolute URLs: the worker's own URL is the base of relative ones.
    const abs = (u: string) => new URL(u, window.location.href).href;
    worker.postMessage({ n: req.n, seed: req.seed, urls: { rail: abs(urls.rail), sea: abs(urls.sea), nodes: abs(urls.nodes) } });
  });
}

/**
 * The notice of a synthetic-data request, shown from the page's first frame: the map's size is then
 * settled before the points arrive (a strip appearing later would shrink the map and make it draw every
 * point twice), and the analyst knows at once that what comes is not reports.
 */
export function announceSynthetic(req: { n: number; seed: number }): number {
  return actions.notify('warning', `Synthetic benchmark data: generating ${req.n.toLocaleString('en-GB')} points (seed ${req.seed}). Not reports.`);
}

/**
 * Put the generated points in the store as the `synthetic` set (after the bundled data, which replaces
 * the sets), and say in the request's notice (`noticeId`, from `announceSynthetic`) that they are loaded.
 * @example await loadSynthetic(req, startSynthetic(req), announceSynthetic(req))
 */
export async function loadSynthetic(req: { n: number; seed: number }, generated: Promise<SyntheticAnswer>, noticeId: number, startedAt = performance.now()): Promise<void> {
  const a = await generated;
  if ('error' in a) {
    actions.updateNotice(noticeId, { level: 'error', text: `Synthetic benchmark data could not be generated: ${a.error}` });
    return;
  }
  const columns = { ...a.columns, ids: sequentialIds(syntheticIdList(req.n)) };
  actions.putSightingSet(makeColumnarSet('synthetic', columns, a.byDay));
  actions.updateNotice(noticeId, {
    // About as long as the first text, so the strip (and the map below it) keeps its height.
    text: `Synthetic benchmark data: ${req.n.toLocaleString('en-GB')} points (seed ${req.seed}) in ${Math.round(performance.now() - startedAt)} ms. Not reports.`,
  });
}
