/**
 * Generates the benchmark's synthetic sightings off the main thread, with their by-day order, and hands
 * the typed arrays over (transferred, not copied). The page adds the ids, which are made on read. Given
 * file URLs instead of features, the worker reads and validates the routes and nodes itself, so it can
 * start while the page is still loading the bundled data.
 */
import { NodeFeature, RouteFeature } from '../domain/schemas';
import type { Columns } from '../metrics/columns';
import { orderByDay } from './setParts';
import { generateSynthetic } from './syntheticData';

/** Where the bundled routes and nodes are (same-origin static assets). */
export interface GeodataUrls {
  rail: string;
  sea: string;
  nodes: string;
}

export interface SyntheticJob {
  n: number;
  seed: number;
  routes: readonly RouteFeature[];
  nodes: readonly NodeFeature[];
}

export type SyntheticAnswer = { columns: Omit<Columns, 'ids'>; byDay: Uint32Array; ms: number } | { error: string };

/** The job's columns (without ids), their day order and the buffers to transfer. */
export function runSyntheticJob(job: SyntheticJob): { answer: SyntheticAnswer; transfer: ArrayBuffer[] } {
  const t0 = performance.now();
  const { ids: _ids, location: _location, ...columns } = generateSynthetic(job);
  const byDay = orderByDay(columns);
  const arrays = [columns.lon, columns.lat, columns.day, columns.category, columns.confidence, columns.sourceMask, columns.sourceCount, columns.qtyValue, columns.qtyUnit, byDay];
  return { answer: { columns, byDay, ms: performance.now() - t0 }, transfer: arrays.map((a) => a.buffer as ArrayBuffer) };
}

/** The valid features of a fetched FeatureCollection (invalid ones are left out, as the page does). */
async function fetchFeatures<T>(url: string, schema: { safeParse(f: unknown): { success: true; data: T } | { success: false } }): Promise<T[]> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  const fc = (await r.json()) as { features?: unknown[] };
  return (fc.features ?? []).flatMap((f) => {
    const v = schema.safeParse(f);
    return v.success ? [v.data] : [];
  });
}

/** A job from its message: features as given, or read from the bundled files. */
async function jobOf(m: SyntheticJob | (Omit<SyntheticJob, 'routes' | 'nodes'> & { urls: GeodataUrls })): Promise<SyntheticJob> {
  if (!('urls' in m)) return m;
  const [rail, sea, nodes] = await Promise.all([fetchFeatures(m.urls.rail, RouteFeature), fetchFeatures(m.urls.sea, RouteFeature), fetchFeatures(m.urls.nodes, NodeFeature)]);
  return { n: m.n, seed: m.seed, routes: [...rail, ...sea], nodes };
}

if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  globalThis.addEventListener('message', (ev: Event) => {
    const post = (m: SyntheticAnswer, transfer: ArrayBuffer[] = []) => (globalThis as unknown as Worker).postMessage(m, transfer);
    jobOf((ev as MessageEvent<Parameters<typeof jobOf>[0]>).data)
      .then((job) => {
        const { answer, transfer } = runSyntheticJob(job);
        post(answer, transfer);
      })
      .catch((e: unknown) => post({ error: e instanceof Error ? e.message : String(e) }));
  });
}
