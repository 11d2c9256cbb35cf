/**
 * The results slice of the store: what the metrics worker last answered. Only src/state/results.ts
 * writes it; panels and layers read it. Types only (plus the initial value), so the store stays light.
 */
import type { ScenarioModel } from '../domain/scenarios';
import type { CoverageSpan } from '../metrics/coverage';
import type { IndicatorResult } from '../metrics/indicators';
import type { ZoneInfo } from '../metrics/protocol';
import type { ScenarioScore } from '../metrics/scoring';
import type { WindowMetrics } from '../metrics/window';

/** One corridor's members along its route (answer of the worker's `along` call, ids resolved). */
export interface AlongResult {
  zoneId: string;
  /** Per member, index-aligned: sighting id, km from the route start, report day, category index. */
  ids: string[];
  alongKm: number[];
  day: number[];
  category: number[];
}

export interface ScenarioResults {
  /** Last day of every indicator window (inclusive): the end of the time window. */
  asOfDay: number;
  indicators: IndicatorResult[];
  scores: ScenarioScore[];
}

export interface ResultsState {
  /** idle: nothing asked yet; joining: spatial join running; ready: zones joined; error: see `error`. */
  status: 'idle' | 'joining' | 'ready' | 'error';
  /** Join progress, 0…1. */
  progress: number;
  /** Zones (corridors, node catchments, areas) of the last join, with the polygons that were counted. */
  zones: ZoneInfo[];
  /** Corridor half-width the zones were joined at, km. */
  widthKm: number | null;
  /** Windowed metrics for the current filters (null until the first answer). */
  window: WindowMetrics | null;
  scenarios: ScenarioResults | null;
  /** The scenario model (geodata/scenarios.json), for labels, quotes, rationales and policy text. */
  model: ScenarioModel | null;
  /** Along-route positions for the selected corridor. */
  along: AlongResult | null;
  /** Total sightings the metrics see (every sighting set). */
  sightings: number;
  /** The days the loaded data covers (every set together), as sent to the worker. */
  coverage: CoverageSpan[];
  error: string | null;
}

/** The empty results slice. */
export const initialResults = (): ResultsState => ({
  status: 'idle', progress: 0, zones: [], widthKm: null, window: null, scenarios: null, model: null,
  along: null, sightings: 0, coverage: [], error: null,
});
