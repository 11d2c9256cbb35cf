import type { Category, Confidence, LocationPrecision, SourceKind } from '../domain/schemas';

export interface Camera {
  zoom: number;
  lat: number;
  lon: number;
  bearing: number;
  pitch: number;
}

export const LAYER_IDS = ['rail', 'sea', 'nodes', 'areas', 'sightings', 'labels', 'corridors', 'imported'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export interface Filters {
  /** Inclusive window, ISO `YYYY-MM-DD`. */
  from: string;
  to: string;
  /** Empty = every category. */
  categories: Category[];
  /** Empty = every confidence level. */
  confidences: Confidence[];
  /** Empty = every source kind. */
  sourceKinds: SourceKind[];
  /** Location precisions shown (exact, settlement, region); empty = every precision. */
  precisions: LocationPrecision[];
  /** Publishers (exact names); empty = no publisher filter. */
  publishers: string[];
  /** Free-text search over names and summaries; case-insensitive. */
  query: string;
  /** Corridor half-width, km. */
  widthKm: number;
  /** Only these report ids ("show only what changed" since a link's data); absent or null = no such filter (absent by
   * default, like a link's view: it is never part of a link). */
  onlyIds?: ReadonlySet<string> | null;
}

export interface Selection {
  /** Selected feature id (sighting, node, route or area). */
  featureId: string | null;
  corridorId: string | null;
  scenarioId: string | null;
  indicatorId: string | null;
}

export interface Notice {
  id: number;
  level: 'info' | 'warning' | 'error';
  text: string;
  /** Longer detail lines (e.g. the first 20 problems of an import). */
  details?: string[];
  /** A button beside the text (e.g. "Save analysis file" when saving in the browser failed). */
  action?: { label: string; run: () => void };
}

export const DATA_START = '2023-07-01';
export const DATA_END = '2025-12-31';

export const DEFAULT_FILTERS: Filters = {
  from: DATA_START,
  to: DATA_END,
  categories: [],
  confidences: [],
  sourceKinds: [],
  precisions: [],
  publishers: [],
  query: '',
  widthKm: 25,
};

/** Frames the theatre from Kursk to Rajin on a ~1440 px wide screen. */
export const DEFAULT_CAMERA: Camera = { zoom: 2.6, lat: 51, lon: 84, bearing: 0, pitch: 0 };

export const DEFAULT_LAYERS: Record<LayerId, boolean> = {
  rail: true,
  sea: true,
  nodes: true,
  areas: true,
  sightings: true,
  labels: true,
  corridors: true,
  imported: true,
};
