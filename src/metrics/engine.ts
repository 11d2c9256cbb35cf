/**
 * The stateful pipeline the worker runs, usable without a worker too: data in once, then width and
 * filter changes. Only pure functions underneath.
 */
import type { ScenarioModel } from '../domain/scenarios';
import type { NodeProps, Source } from '../domain/schemas';
import type Flatbush from 'flatbush';
import { alongRouteKm } from './along';
import { areaZones, nodeCatchments, DEFAULT_CATCHMENT_KM } from './catchments';
import { toColumns, type Columns } from './columns';
import { buildCorridors } from './corridors';
import { buildWindowIndex, type WindowIndex } from './cube';
import type { Filters } from './filters';
import { evaluateIndicators } from './indicators';
import { spatialJoin, type JoinProgress, type JoinResult } from './join';
import { buildPointIndex } from './point-index';
import type { WorkerGeodata, ZoneInfo } from './protocol';
import { scoreScenarios } from './scoring';
import { windowMetrics, zoneLengths } from './window';
import type { Corridor, Zone } from './zones';

export class MetricsEngine {
  readonly cols: Columns;
  private index: Flatbush;
  private fixedZones: Zone[];
  private baselines: Map<string, NonNullable<NodeProps['baseline']>>;
  zones: Zone[] = [];
  join!: JoinResult;
  cube!: WindowIndex;

  /** `columns`, when given, replace `data.sightings` (the app passes every sighting set, concatenated). */
  constructor(private data: WorkerGeodata, private scenarios?: ScenarioModel, catchmentKm = DEFAULT_CATCHMENT_KM, columns?: Columns) {
    this.cols = columns ?? toColumns(data.sightings, new Map<string, Source>(data.sources.map((s) => [s.id, s])));
    this.index = buildPointIndex(this.cols);
    this.fixedZones = [...nodeCatchments(data.nodes, catchmentKm), ...areaZones(data.areas)];
    this.baselines = new Map();
    for (const n of data.nodes) if (n.properties.baseline) this.baselines.set(n.properties.id, n.properties.baseline);
  }

  /** (Re)build corridors at `widthKm` and join every zone. */
  setWidth(widthKm: number, onProgress?: (p: JoinProgress) => void): ZoneInfo[] {
    this.zones = [...buildCorridors(this.data.routes, widthKm, { nodes: this.data.nodes }), ...this.fixedZones];
    this.join = spatialJoin(this.cols, this.zones, { index: this.index, ...(onProgress ? { onProgress } : {}) });
    this.cube = buildWindowIndex(this.join, this.cols);
    return this.zones.map((z, k) => ({
      id: z.id, kind: z.kind, name: z.name, subkind: z.subkind, lengthKm: z.lengthKm, widthKm: z.widthKm,
      members: this.join.zones[k]!.members.length, polygon: z.polygon,
    }));
  }

  window(filters: Filters, detailFor?: readonly string[]) {
    return windowMetrics(this.join, this.cols, this.cube, filters, {
      lengthKm: zoneLengths(this.zones),
      baselines: this.baselines,
      ...(detailFor ? { detailFor: new Set(detailFor) } : {}),
    });
  }

  evaluate(asOfDay: number, confidences?: number) {
    if (!this.scenarios) return { indicators: [], scores: [] };
    const indicators = evaluateIndicators(this.scenarios, {
      join: this.join, cols: this.cols, zones: this.zones, asOfDay, ...(confidences !== undefined ? { confidences } : {}),
    });
    return { indicators, scores: scoreScenarios(this.scenarios, indicators) };
  }

  along(zoneId: string): { members: Uint32Array; alongKm: Float64Array } {
    const k = this.zones.findIndex((z) => z.id === zoneId);
    const zone = this.zones[k];
    if (!zone || zone.kind !== 'corridor') throw new Error(`not a corridor: ${zoneId}`);
    const members = this.join.zones[k]!.members;
    return { members, alongKm: alongRouteKm(zone as Corridor, this.cols, members) };
  }
}
