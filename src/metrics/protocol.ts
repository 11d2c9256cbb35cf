/**
 * Messages between the app and the metrics worker. Every request carries an `id`; the worker answers
 * with the same `id` (progress messages too). Data goes in once (`init`); widths and filters change often.
 *
 *   app ── init {geodata, scenarios, widthKm, coverage?, regionAreas?} ─▶ worker ◀── progress … ── ready {zones}
 *   app ── width {widthKm} ─────────────────────▶ worker   ◀── progress … ── ready {zones}
 *   app ── pass {pass} ─────────────────────────▶ worker   ◀── pass (text/publisher flags; kept for later windows)
 *   app ── window {filters, detailFor?} ────────▶ worker   ◀── window {metrics}
 *   app ── scenarios {asOfDay, filters?} ───────▶ worker   ◀── scenarios {indicators, scores}
 *   app ── along {zoneId} ──────────────────────▶ worker   ◀── along {zoneId, members, alongKm}
 *   any failure                                          ◀── error {message}
 */
import type { ScenarioModel } from '../domain/scenarios';
import type { AreaFeature, NodeFeature, RouteFeature, SightingFeature, Source } from '../domain/schemas';
import type { CoverageSpan } from './coverage';
import type { ColumnsMessage } from './handover';
import type { Filters } from './filters';
import type { IndicatorResult } from './indicators';
import type { JoinProgress } from './join';
import type { ScenarioScore } from './scoring';
import type { WindowMetrics } from './window';
import type { ZoneKind } from './zones';

export interface WorkerGeodata {
  routes: readonly RouteFeature[];
  nodes: readonly NodeFeature[];
  areas: readonly AreaFeature[];
  sightings: readonly SightingFeature[];
  /** Sources as an array (Maps do not survive structured cloning in every runtime). */
  sources: readonly Source[];
}

/** Region reports whose `place` is an area: their indices in the columns and the area ids (precision rule). */
export interface RegionAreas {
  index: Uint32Array;
  areaIds: string[];
}

/** Zone summary sent back after a join (polygons go to the map). */
export interface ZoneInfo {
  id: string;
  kind: ZoneKind;
  name: string;
  subkind: string;
  lengthKm?: number;
  widthKm?: number;
  members: number;
  polygon: import('geojson').Feature<import('geojson').Polygon | import('geojson').MultiPolygon>;
}

export type Request =
  | {
      id: number; type: 'init'; geodata: WorkerGeodata; scenarios?: ScenarioModel; widthKm: number; catchmentKm?: number;
      /**
       * Sightings already in columns (bundled, imported and synthetic sets packed by `packColumns`, their
       * buffers transferred); when given they are used instead of `geodata.sightings`, which may be empty.
       */
      columns?: ColumnsMessage;
      /** Days the sightings cover (coverage.ts); absent: every window counts as covered. */
      coverage?: CoverageSpan[];
      regionAreas?: RegionAreas;
    }
  | { id: number; type: 'width'; widthKm: number }
  /** Text/publisher flags per sighting (1 passes), index-aligned with the columns; null clears them. */
  | { id: number; type: 'pass'; pass: Uint8Array | null }
  | { id: number; type: 'window'; filters: Filters; detailFor?: string[] }
  | { id: number; type: 'scenarios'; asOfDay: number; filters?: Omit<Filters, 'fromDay' | 'toDay'> }
  | { id: number; type: 'along'; zoneId: string };

export type Response =
  | { id: number; type: 'progress'; progress: JoinProgress }
  | { id: number; type: 'ready'; zones: ZoneInfo[]; joinMs: number }
  | { id: number; type: 'pass' }
  | { id: number; type: 'window'; metrics: WindowMetrics; ms: number }
  | { id: number; type: 'scenarios'; indicators: IndicatorResult[]; scores: ScenarioScore[] }
  | { id: number; type: 'along'; zoneId: string; members: Uint32Array; alongKm: Float64Array }
  | { id: number; type: 'error'; message: string };
