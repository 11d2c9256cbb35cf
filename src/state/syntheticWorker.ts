/**
 * Generates the benchmark's synthetic sightings off the main thread, with their by-day order, and hands
 * the typed arrays over (transferred, not copied). The page adds the ids, which are made on read.
 */
import type { NodeFeature, RouteFeature } from '../domain/schemas';
import type { Columns } from '../metrics/columns';
import { orderByDay } from './setParts';
import { generateSynthetic } from './syntheticData';

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

if (typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined') {
  globalThis.addEventListener('message', (ev: Event) => {
    const post = (m: SyntheticAnswer, transfer: ArrayBuffer[] = []) => (globalThis as unknown as Worker).postMessage(m, transfer);
    try {
      const { answer, transfer } = runSyntheticJob((ev as MessageEvent<SyntheticJob>).data);
      post(answer, transfer);
    } catch (e) {
      post({ error: e instanceof Error ? e.message : String(e) });
    }
  });
}
