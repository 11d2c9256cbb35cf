/**
 * Routes and nodes for the benchmark and tests: the real files in geodata/ when present and valid,
 * else the fixture set in tests/fixtures/metrics/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AreaFeature, NodeFeature, RouteFeature, type AreaFeature as AreaF, type NodeFeature as NodeF, type RouteFeature as RouteF,
} from '../../src/domain/schemas';

const ROOT = join(import.meta.dirname, '..', '..');

function readFeatures<T>(file: string, parse: (f: unknown) => T | undefined): T[] | undefined {
  const path = join(ROOT, file);
  if (!existsSync(path)) return undefined;
  try {
    const fc = JSON.parse(readFileSync(path, 'utf8')) as { features?: unknown[] };
    return (fc.features ?? []).map(parse).filter((f): f is T => f !== undefined);
  } catch {
    return undefined;
  }
}

const route = (f: unknown) => { const r = RouteFeature.safeParse(f); return r.success ? r.data : undefined; };
const node = (f: unknown) => { const r = NodeFeature.safeParse(f); return r.success ? r.data : undefined; };
const area = (f: unknown) => { const r = AreaFeature.safeParse(f); return r.success ? r.data : undefined; };

export interface BenchGeodata {
  routes: RouteF[];
  nodes: NodeF[];
  /** Areas from geodata/areas.geojson (none with the fixtures). */
  areas: AreaF[];
  /** Where the routes came from: 'geodata' or 'fixture'. */
  origin: 'geodata' | 'fixture';
}

/** Real routes (rail + sea), nodes and areas from geodata/ if any route file exists, else the fixtures. */
export function loadBenchGeodata(): BenchGeodata {
  const rail = readFeatures('geodata/rail-routes.geojson', route);
  const sea = readFeatures('geodata/sea-routes.geojson', route);
  const routes = [...(rail ?? []), ...(sea ?? [])];
  if (routes.length > 0) {
    return {
      routes, nodes: readFeatures('geodata/nodes.geojson', node) ?? [],
      areas: readFeatures('geodata/areas.geojson', area) ?? [], origin: 'geodata',
    };
  }
  return {
    routes: readFeatures('tests/fixtures/metrics/routes.geojson', route) ?? [],
    nodes: readFeatures('tests/fixtures/metrics/nodes.geojson', node) ?? [],
    areas: [],
    origin: 'fixture',
  };
}
