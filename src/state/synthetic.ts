/**
 * The synthetic-data path for benchmarks: `?synthetic=1000000&seed=1` in the page URL (not the hash, so
 * permalinks never carry it) generates that many labelled synthetic points along the bundled routes and
 * loads them as their own set. The generator is loaded only on that URL; no synthetic data is bundled.
 */
import type { Geodata } from '../domain/types';
import { actions } from './store';
import { makeColumnarSet } from './sightingSets';

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

export async function loadSynthetic(req: { n: number; seed: number }, data: Geodata): Promise<void> {
  const t0 = performance.now();
  const { generateSynthetic } = await import('../../scripts/lib/synthetic');
  const cols = generateSynthetic({ n: req.n, seed: req.seed, routes: data.routes, nodes: data.nodes });
  actions.putSightingSet(makeColumnarSet('synthetic', cols));
  actions.notify(
    'warning',
    `Synthetic benchmark data: ${req.n.toLocaleString('en-GB')} generated points (seed ${req.seed}) are loaded in ${Math.round(performance.now() - t0)} ms. They are not reports.`,
  );
}
