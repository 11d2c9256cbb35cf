/**
 * Web worker entry for imports and for reading saved imports back: receives a `WorkerRequest`, posts
 * `WorkerMessage`s (see `delivery.ts`), and keeps saved batches in IndexedDB. Load it with
 * `new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' })`. Whatever goes wrong in
 * here — an exception, a rejected promise — is posted as an `error`, so the page's job ends.
 */
import { get, set } from 'idb-keyval';
import type { Polygon, MultiPolygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land50m from 'world-atlas/land-50m.json';
import { buildLandMask, type LandMask } from '../../io/landMask';
import { runWorkerRequest, type WorkerMessage, type WorkerRequest } from './delivery';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onunhandledrejection: ((event: PromiseRejectionEvent) => void) | null;
  postMessage: (message: WorkerMessage, transfer?: Transferable[]) => void;
};

const fail = (message: string) => {
  try {
    scope.postMessage({ type: 'error', message });
  } catch {
    // Nothing can be posted: the page sees the worker's error event instead.
  }
};

let mask: LandMask | null = null;
/** Natural Earth 1:50m land as 0.1° cells, built on first use (about 0.1 s). */
function landMask(): LandMask {
  if (mask) return mask;
  const topo = land50m as unknown as Topology<{ land: GeometryCollection }>;
  const polygons: Position[][][] = [];
  const fc = feature(topo, topo.objects.land) as unknown as { features: { geometry: Polygon | MultiPolygon }[] };
  for (const f of fc.features) {
    if (f.geometry.type === 'Polygon') polygons.push(f.geometry.coordinates);
    else polygons.push(...f.geometry.coordinates);
  }
  mask = buildLandMask(polygons, 10);
  return mask;
}

scope.onerror = (e) => fail(`the import worker failed (${e.message || 'error'})`);
scope.onunhandledrejection = (e) => fail(`the import worker failed (${e.reason instanceof Error ? e.reason.message : 'error'})`);
scope.onmessage = (event) =>
  void runWorkerRequest(event.data, (message, transfer) => scope.postMessage(message, transfer ?? []), { get, set }, landMask);
