/**
 * The validated, indexed geodata the app works on. Produced once by `loadGeodata()`; never mutated.
 */
import type {
  AreaFeature,
  DataCoverage,
  NodeFeature,
  RouteFeature,
  SightingFeature,
  Source,
} from './schemas';

export interface Geodata {
  nodes: readonly NodeFeature[];
  /** Rail, sea (and any air/road) routes together; `properties.mode` tells them apart. */
  routes: readonly RouteFeature[];
  areas: readonly AreaFeature[];
  sightings: readonly SightingFeature[];
  sources: ReadonlyMap<string, Source>;
  /** The span the bundled reports cover (`coverage` of sightings.geojson); absent when not declared. */
  coverage?: DataCoverage;
  /** Every feature by id, across files. */
  byId: ReadonlyMap<string, NodeFeature | RouteFeature | AreaFeature | SightingFeature>;
}

/** One precise validation problem: which file, which feature, which field, what is wrong. */
export interface GeodataError {
  file: string;
  /** Feature id where known, else `#<index>`. */
  feature: string;
  /** Dotted path of the field, e.g. `properties.date`. */
  field: string;
  message: string;
}

export type LoadResult =
  | { ok: true; data: Geodata; warnings: GeodataError[] }
  | { ok: false; errors: GeodataError[]; data: Geodata; warnings: GeodataError[] };
