/**
 * The stateful pipeline the worker runs, usable without a worker too: data in once, then width and
 * filter changes. Only pure functions underneath.
 *
 *   columns ─ point index ─┐
 *   zones (width) ─────────┴─ join (+ precision rule) ─ running totals ─┐
 *   pass flags (text, publisher) + precision filter ─ subset of the join ─┴─ window / indicators
 */
import type { ScenarioModel } from '../domain/scenarios';
import type { NodeProps, Source } from '../domain/schemas';
import { alongRouteKm } from './along';
import { areaZones, nodeCatchments, DEFAULT_CATCHMENT_KM } from './catchments';
import { ALL_PRECISIONS, toColumns, type Columns } from './columns';
import { buildCorridors } from './corridors';
import type { CoverageSpans } from './coverage';
import { buildWindowIndex, type WindowIndex } from './cube';
import { resolveFilters, type Filters } from './filters';
import { evaluateIndicators } from './indicators';
import { spatialJoin, type JoinProgress, type JoinResult } from './join';
import { buildPointIndex, type PointIndex } from './point-index';
import { areaRegions, sharedRegionPositions, type RegionRule } from './precision';
import { regionAreasOf } from './region-areas';
import type { WorkerGeodata, ZoneInfo } from './protocol';
import { scoreScenarios } from './scoring';
import { subsetJoin, subsetPredicate } from './subset';
import { windowMetrics, zoneLengths } from './window';
import type { Corridor, Zone } from './zones';

export interface EngineOptions {
  catchmentKm?: number;
  /** Sightings already in columns; they replace `data.sightings` (the app passes every set, concatenated). */
  columns?: Columns;
  /** The days the data covers (coverage.ts); null or absent: every window counts as covered. */
  coverage?: CoverageSpans | null;
  /** Region reports whose place is an area (indices into the columns); derived from `data.sightings` when absent. */
  regionAreas?: import('./protocol').RegionAreas;
}

export class MetricsEngine {
  readonly cols: Columns;
  private index: PointIndex;
  private fixedZones: Zone[];
  private baselines: Map<string, NonNullable<NodeProps['baseline']>>;
  private regions: RegionRule;
  private coverage: CoverageSpans | null;
  private pass: Uint8Array | null = null;
  private subset: { pass: Uint8Array | null; precisions: number; join: JoinResult; cube: WindowIndex } | null = null;
  /** The join the last window or evaluation used (the along-route strip follows it). */
  private active: JoinResult | null = null;
  zones: Zone[] = [];
  join!: JoinResult;
  cube!: WindowIndex;

  constructor(private data: WorkerGeodata, private scenarios?: ScenarioModel, opts: EngineOptions = {}) {
    this.cols = opts.columns ?? toColumns(data.sightings, new Map<string, Source>(data.sources.map((s) => [s.id, s])));
    this.index = buildPointIndex(this.cols);
    this.fixedZones = [...nodeCatchments(data.nodes, opts.catchmentKm ?? DEFAULT_CATCHMENT_KM), ...areaZones(data.areas)];
    this.baselines = new Map();
    for (const n of data.nodes) if (n.properties.baseline) this.baselines.set(n.properties.id, n.properties.baseline);
    this.coverage = opts.coverage ?? null;
    const samples = areaRegions(data.areas);
    const ra = opts.regionAreas ?? regionAreasOf(data.sightings, new Set(samples.keys()));
    const areaSamples = new Map<number, Float64Array>();
    ra.index.forEach((i, k) => {
      const s = samples.get(ra.areaIds[k]!);
      if (s) areaSamples.set(i, s);
    });
    const { lon, lat, precision } = this.cols;
    this.regions = { precision, areaSamples, samePosition: sharedRegionPositions(lon, lat, precision) };
  }

  /** (Re)build corridors at `widthKm` and join every zone. */
  setWidth(widthKm: number, onProgress?: (p: JoinProgress) => void): ZoneInfo[] {
    this.zones = [...buildCorridors(this.data.routes, widthKm, { nodes: this.data.nodes }), ...this.fixedZones];
    this.join = spatialJoin(this.cols, this.zones, { index: this.index, regions: this.regions, ...(onProgress ? { onProgress } : {}) });
    this.cube = buildWindowIndex(this.join, this.cols);
    this.subset = null;
    this.active = null;
    return this.zones.map((z, k) => ({
      id: z.id, kind: z.kind, name: z.name, subkind: z.subkind, lengthKm: z.lengthKm, widthKm: z.widthKm,
      members: this.join.zones[k]!.members.length, polygon: z.polygon,
    }));
  }

  /** The page's text/publisher flags, one per sighting (1 passes); null: no such filter. */
  setPass(pass: Uint8Array | null): void {
    if (pass && pass.length !== this.cols.length) throw new Error(`pass flags: ${pass.length} for ${this.cols.length} sightings`);
    this.pass = pass;
  }

  /** The join and running totals for the current pass flags and `precisions`, rebuilt only when they change. */
  private current(precisions: number): { join: JoinResult; cube: WindowIndex } {
    const keep = subsetPredicate(this.cols, this.pass, precisions, ALL_PRECISIONS);
    if (!keep) {
      this.active = this.join;
      return { join: this.join, cube: this.cube };
    }
    if (!(this.subset && this.subset.pass === this.pass && this.subset.precisions === precisions)) {
      const join = subsetJoin(this.join, keep);
      this.subset = { pass: this.pass, precisions, join, cube: buildWindowIndex(join, this.cols) };
    }
    this.active = this.subset.join;
    return this.subset;
  }

  window(filters: Filters, detailFor?: readonly string[]) {
    const { join, cube } = this.current(resolveFilters(filters).precisions);
    return windowMetrics(join, this.cols, cube, filters, {
      lengthKm: zoneLengths(this.zones),
      baselines: this.baselines,
      coverage: this.coverage,
      ...(detailFor ? { detailFor: new Set(detailFor) } : {}),
    });
  }

  /** Indicators and scores as of `asOfDay`, counting only what `filters` (all but the dates) let through. */
  evaluate(asOfDay: number, filters?: Omit<Filters, 'fromDay' | 'toDay'>) {
    if (!this.scenarios) return { indicators: [], scores: [] };
    const f = resolveFilters({ fromDay: 0, toDay: 0, ...filters });
    const indicators = evaluateIndicators(this.scenarios, {
      join: this.current(f.precisions).join, cols: this.cols, zones: this.zones, asOfDay, filters: f, coverage: this.coverage,
    });
    return { indicators, scores: scoreScenarios(this.scenarios, indicators) };
  }

  along(zoneId: string): { members: Uint32Array; alongKm: Float64Array } {
    const k = this.zones.findIndex((z) => z.id === zoneId);
    const zone = this.zones[k];
    if (!zone || zone.kind !== 'corridor') throw new Error(`not a corridor: ${zoneId}`);
    const members = (this.active ?? this.join).zones[k]!.members;
    return { members, alongKm: alongRouteKm(zone as Corridor, this.cols, members) };
  }
}
