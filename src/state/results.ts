/**
 * Runs the metrics worker for the app and keeps the store's `results` slice current. The main thread
 * does no metric work: it packs the sighting sets' columns into one copy whose buffers move to the
 * worker (transferred, not cloned; the sets keep theirs for drawing) and posts messages.
 *
 *   data / sighting sets change ─▶ init  (progress → results.progress) ─▶ ready ─┐
 *       with the sets' coverage (declared, or each set's date span) and region places
 *   filters.widthKm change ─────▶ width (progress …) ────────────────────▶ ready ─┤
 *   filters / time window change ─ 50 ms debounce ─▶ [pass, when text/publisher changed] ─▶
 *       window + scenarios(asOfDay = window end, every filter but the dates)
 *   selection.corridorId change ─▶ window (detail for that corridor) + along
 *
 * Every request carries a generation number; an answer that a newer request has overtaken is dropped
 * (latest wins). A click on a route while the Corridors tab is open also selects it as the corridor.
 */
import scenariosUrl from '../../geodata/scenarios.json?url';
import { BUNDLED_COVERAGE } from '../domain/coverage';
import { ScenarioModel } from '../domain/scenarios';
import { MetricsClient } from '../metrics/client';
import { precisionMask, sourceKindMask } from '../metrics/columns';
import type { Filters as EngineFilters } from '../metrics/filters';
import { packColumns } from '../metrics/handover';
import type { JoinProgress } from '../metrics/join';
import { coverageOfSets } from './coverageOfSets';
import { passFlags, regionAreasOfSets } from './metricsInputs';
import { filterBounds, type SightingSet } from './sightingSets';
import { actions, useStore, type AppState } from './store';

/** Debounce for filter and time-window changes, ms. */
export const WINDOW_DEBOUNCE_MS = 50;
/** Debounce for width changes (a slider drag sends many), ms. */
export const WIDTH_DEBOUNCE_MS = 120;

let client: MetricsClient | null = null;
/** The sets the worker was given, in order: its sighting `i` is `sets[k]`'s `i - starts[k]`. */
let joined: { sets: readonly SightingSet[]; starts: number[]; total: number } | null = null;
let needInit = true;
/** The text/publisher flags the worker holds, by the inputs they came from (sets, query, publishers). */
let sentPass: { sets: SightingSet[]; query: string; publishers: string[] } | null = null;
let joinGen = 0;
let windowGen = 0;
let alongGen = 0;
let windowTimer: ReturnType<typeof setTimeout> | undefined;
let widthTimer: ReturnType<typeof setTimeout> | undefined;
let modelPromise: Promise<ScenarioModel | null> | null = null;
let stop: (() => void) | null = null;

function ensureClient(): MetricsClient {
  if (!client) {
    const worker = new Worker(new URL('../metrics/worker.ts', import.meta.url), { type: 'module' });
    worker.addEventListener('error', (e) => actions.setResults({ status: 'error', error: `metrics worker failed: ${e.message}` }));
    client = new MetricsClient(worker);
  }
  return client;
}

/** geodata/scenarios.json, fetched (a static asset of the build) and validated once. */
function loadModel(): Promise<ScenarioModel | null> {
  modelPromise ??= fetch(scenariosUrl)
    .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`scenarios.json: HTTP ${r.status}`))))
    .then((json: unknown) => {
      const parsed = ScenarioModel.safeParse(json);
      if (!parsed.success) throw new Error(`scenarios.json: ${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      actions.setResults({ model: parsed.data });
      return parsed.data;
    })
    .catch((e: unknown) => {
      actions.notify('error', `The scenario model could not be loaded; scenarios are not scored. ${e instanceof Error ? e.message : String(e)}`);
      return null;
    });
  return modelPromise;
}

/**
 * The store's filters in the engine's units (days, bitmasks). Text and publisher filters reach the
 * engine as per-sighting flags instead (`passFlags`).
 */
export function engineFilters(f: AppState['filters']): EngineFilters {
  const b = filterBounds(f);
  return {
    fromDay: b.fromDay,
    toDay: b.toDay,
    categories: b.categories,
    confidences: b.confidences,
    ...(f.sourceKinds.length ? { sourceKinds: sourceKindMask(f.sourceKinds) } : {}),
    ...(f.precisions.length ? { precisions: precisionMask(f.precisions) } : {}),
  };
}

/** Zones that get detail metrics: the selected corridor and the nodes on its route (for baselines). */
function detailZones(s: AppState): string[] {
  const id = s.selection.corridorId;
  if (!id) return [];
  const route = s.data?.byId.get(id);
  const p = route?.properties as { from?: string; to?: string; via?: string[] } | undefined;
  return [id, ...(p?.from ? [p.from] : []), ...(p?.to ? [p.to] : []), ...(p?.via ?? [])];
}

const progressOf = (gen: number) => (p: JoinProgress) => {
  if (gen === joinGen) actions.setResults({ progress: p.total ? p.done / p.total : 1 });
};

async function runJoin(): Promise<void> {
  const gen = ++joinGen;
  const model = await loadModel();
  const s = useStore.getState();
  if (gen !== joinGen || !s.data) return;
  const widthKm = s.filters.widthKm;
  actions.setResults({ status: 'joining', progress: 0, error: null });
  try {
    const c = ensureClient();
    let answer;
    if (needInit) {
      needInit = false;
      sentPass = null;
      const sets = s.sightingSets;
      const starts = [0];
      for (const x of sets) starts.push(starts[starts.length - 1]! + x.columns.length);
      joined = { sets, starts, total: starts[starts.length - 1]! };
      const { message, transfer } = packColumns(sets.map((x) => x.columns));
      const geodata = { routes: s.data.routes, nodes: s.data.nodes, areas: s.data.areas, sightings: [], sources: [] };
      const coverage = coverageOfSets(sets, s.data.coverage ?? BUNDLED_COVERAGE);
      actions.setResults({ coverage });
      answer = await c.call('init', {
        geodata, widthKm, columns: message, coverage, regionAreas: regionAreasOfSets(sets, s.data.areas), ...(model ? { scenarios: model } : {}),
      }, progressOf(gen), transfer);
    } else {
      answer = await c.call('width', { widthKm }, progressOf(gen));
    }
    if (gen !== joinGen) return;
    actions.setResults({ status: 'ready', progress: 1, zones: answer.zones, widthKm, sightings: joined?.total ?? 0 });
    void runWindow();
    void runAlong();
  } catch (e) {
    if (gen === joinGen) actions.setResults({ status: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

async function runWindow(): Promise<void> {
  if (!client || useStore.getState().results.status !== 'ready') return;
  const gen = ++windowGen;
  const s = useStore.getState();
  const filters = engineFilters(s.filters);
  const { fromDay: _from, toDay, ...rest } = filters;
  try {
    const f = s.filters;
    if (!sentPass || sentPass.sets !== s.sightingSets || sentPass.query !== f.query || sentPass.publishers !== f.publishers) {
      // Sent before the window request: the worker answers in order, so the window uses these flags.
      sentPass = { sets: s.sightingSets, query: f.query, publishers: f.publishers };
      await client.call('pass', { pass: passFlags(s.sightingSets, f) });
    }
    const [w, sc] = await Promise.all([
      client.call('window', { filters, detailFor: detailZones(s) }),
      client.call('scenarios', { asOfDay: toDay, filters: rest }),
    ]);
    if (gen !== windowGen) return;
    actions.setResults({ window: w.metrics, scenarios: { asOfDay: filters.toDay, indicators: sc.indicators, scores: sc.scores } });
  } catch (e) {
    if (gen === windowGen) actions.setResults({ status: 'error', error: e instanceof Error ? e.message : String(e) });
  }
}

function scheduleWindow(): void {
  clearTimeout(windowTimer);
  windowTimer = setTimeout(() => void runWindow(), WINDOW_DEBOUNCE_MS);
}

async function runAlong(): Promise<void> {
  const gen = ++alongGen;
  const s = useStore.getState();
  const id = s.selection.corridorId;
  const known = s.results.zones.some((z) => z.id === id && z.kind === 'corridor');
  if (!client || !id || !known || s.results.status !== 'ready') {
    if (s.results.along) actions.setResults({ along: null });
    return;
  }
  const jg = joinGen;
  try {
    const r = await client.call('along', { zoneId: id });
    const j = joined;
    if (gen !== alongGen || jg !== joinGen || !j) return;
    const n = r.members.length;
    const along = { zoneId: id, ids: new Array<string>(n), alongKm: Array.from(r.alongKm), day: new Array<number>(n), category: new Array<number>(n) };
    for (let m = 0; m < n; m++) {
      const i = r.members[m]!;
      let k = 0;
      while (j.starts[k + 1]! <= i) k++;
      const c = j.sets[k]!.columns;
      const local = i - j.starts[k]!;
      along.ids[m] = c.ids[local]!;
      along.day[m] = c.day[local]!;
      along.category[m] = c.category[local]!;
    }
    actions.setResults({ along });
  } catch (e) {
    if (gen === alongGen) actions.setResults({ along: null, error: e instanceof Error ? e.message : String(e) });
  }
}

const WINDOW_KEYS = ['from', 'to', 'categories', 'confidences', 'sourceKinds', 'precisions', 'query', 'publishers'] as const;

function onChange(s: AppState, prev: AppState): void {
  if (s.data !== prev.data || s.sightingSets !== prev.sightingSets || s.importedSources !== prev.importedSources) {
    needInit = true;
    clearTimeout(widthTimer);
    void runJoin();
  } else if (s.filters.widthKm !== prev.filters.widthKm) {
    clearTimeout(widthTimer);
    widthTimer = setTimeout(() => void runJoin(), WIDTH_DEBOUNCE_MS);
  }
  if (WINDOW_KEYS.some((k) => s.filters[k] !== prev.filters[k])) scheduleWindow();
  if (s.selection.corridorId !== prev.selection.corridorId) {
    scheduleWindow();
    void runAlong();
  }
  // A route clicked on the map while the Corridors tab is open becomes the selected corridor.
  const fid = s.selection.featureId;
  if (fid && fid !== prev.selection.featureId && prev.ui.panel === 'corridors') {
    const f = s.data?.byId.get(fid);
    if (f && 'mode' in f.properties) {
      actions.select({ corridorId: fid });
      actions.setUi({ panel: 'corridors' });
    }
  }
}

/**
 * Start keeping `results` current (idempotent). Returns a function that stops listening.
 * @example startResults() // once, at start-up
 */
export function startResults(): () => void {
  if (stop) return stop;
  const unsubscribe = useStore.subscribe(onChange);
  if (useStore.getState().data) void runJoin();
  else void loadModel();
  stop = () => {
    unsubscribe();
    clearTimeout(windowTimer);
    clearTimeout(widthTimer);
    stop = null;
  };
  return stop;
}
