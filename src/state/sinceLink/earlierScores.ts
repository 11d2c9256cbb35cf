/**
 * The earlier release's scenario scores for the view as it is now: a second metrics worker holds the
 * rebuilt release (its routes, nodes, areas and reports) plus the same imported and own reports as the
 * page, and is asked the same question as the page's own worker whenever the window, the confidence
 * filter, the width or the loaded reports change. The panel then shows how each score moved.
 */
import type { Geodata } from '../../domain/types';
import { MetricsClient } from '../../metrics/client';
import { engineFilters } from '../results';
import { useStore, type AppState } from '../store';
import { useSinceLink } from './store';

const DEBOUNCE_MS = 80;

/**
 * Start scoring `earlier` (the rebuilt release) beside the page; returns a function that stops it.
 * @example const stop = startEarlierScores(loadGeodata(filesOfContent(content)).data)
 */
export function startEarlierScores(earlier: Geodata): () => void {
  let worker: Worker;
  try {
    worker = new Worker(new URL('../../metrics/worker.ts', import.meta.url), { type: 'module' });
  } catch (e) {
    useSinceLink.setState({ earlier: { status: 'error', scores: [], asOfDay: null, message: e instanceof Error ? e.message : String(e) } });
    return () => {};
  }
  const client = new MetricsClient(worker);
  worker.addEventListener('error', (e) => fail(e.message || 'the worker stopped'));
  let gen = 0;
  let joinedFor: { sets: AppState['sightingSets']; widthKm: number } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  function fail(message: string) {
    if (!stopped) useSinceLink.setState({ earlier: { status: 'error', scores: [], asOfDay: null, message } });
  }

  async function run(): Promise<void> {
    const g = ++gen;
    const s = useStore.getState();
    const model = s.results.model;
    if (!model || stopped) return;
    const prior = useSinceLink.getState().earlier;
    useSinceLink.setState({ earlier: { status: 'computing', scores: prior?.scores ?? [], asOfDay: prior?.asOfDay ?? null } });
    const f = engineFilters(s.filters);
    try {
      if (!joinedFor || joinedFor.sets !== s.sightingSets) {
        // The same reports as the page, but the bundled ones as the earlier release had them.
        const added = s.sightingSets.filter((x) => x.key !== 'bundled').flatMap((x) => x.features ?? []);
        const geodata = {
          routes: earlier.routes, nodes: earlier.nodes, areas: earlier.areas,
          sightings: [...earlier.sightings, ...added],
          sources: [...earlier.sources.values(), ...s.importedSources.values()],
        };
        await client.call('init', { geodata, widthKm: s.filters.widthKm, scenarios: model });
      } else if (joinedFor.widthKm !== s.filters.widthKm) await client.call('width', { widthKm: s.filters.widthKm });
      joinedFor = { sets: s.sightingSets, widthKm: s.filters.widthKm };
      const confidences = s.filters.confidences.length ? f.confidences : undefined;
      const sc = await client.call('scenarios', { asOfDay: f.toDay, ...(confidences !== undefined ? { confidences } : {}) });
      if (g !== gen || stopped) return;
      useSinceLink.setState({ earlier: { status: 'ready', scores: sc.scores, asOfDay: f.toDay } });
    } catch (e) {
      if (g === gen) fail(e instanceof Error ? e.message : String(e));
    }
  }

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  };
  const unsubscribe = useStore.subscribe((s, prev) => {
    const f = s.filters;
    const p = prev.filters;
    if (s.sightingSets !== prev.sightingSets || s.results.model !== prev.results.model || f.widthKm !== p.widthKm || f.to !== p.to || f.confidences !== p.confidences) schedule();
  });
  schedule();
  return () => {
    stopped = true;
    unsubscribe();
    clearTimeout(timer);
    worker.terminate();
  };
}
