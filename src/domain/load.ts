/**
 * `loadGeodata()`: validate every geodata file once and return typed, indexed data — or the precise list
 * of what is wrong (file, feature id, dotted field, message) together with everything that could be kept.
 * It never throws: a malformed feature is skipped and reported, so the app can say so and still run.
 */
import { checkArea, checkNode, checkRoute, checkSighting, emitterFor } from './load-checks';
import { FILES, parseCollection, parseSources } from './load-parse';
import { AreaFeature, Coverage, NodeFeature, RouteFeature, SightingFeature, type DataCoverage, type Source } from './schemas';
import { dateEndDay, dateToDay } from './dates';
import type { Geodata, GeodataError, LoadResult } from './types';

/** The raw (already JSON-parsed) contents of each geodata file. */
export interface GeodataFiles {
  nodes: unknown;
  rail: unknown;
  sea: unknown;
  areas: unknown;
  sightings: unknown;
  sources: unknown;
}

type AnyFeature = NodeFeature | RouteFeature | AreaFeature | SightingFeature;

/** An empty, valid dataset (what the app runs on if nothing at all can be loaded). */
export function emptyGeodata(): Geodata {
  return { nodes: [], routes: [], areas: [], sightings: [], sources: new Map(), byId: new Map() };
}

/**
 * Validate and index the geodata.
 *
 * Order of checks: (1) each file against its schema, feature by feature; (2) ids unique across files —
 * the first occurrence wins (nodes, rail, sea, areas, sightings order); (3) per-feature cross-file checks:
 * known source ids, route from/to/via are known nodes, sighting `place` is a known node or area,
 * `dateEnd`/`period.to` not before the start, polygons closed and valid. References are checked against
 * the features that passed (1) and (2), so one bad node does not cascade into errors on every route.
 * A feature with any error is left out of `data`; warnings (e.g. clockwise rings, route ends > 5 km from
 * their nodes) do not drop anything.
 *
 * @example
 * const r = loadGeodata({ nodes, rail, sea, areas, sightings, sources });
 * if (!r.ok) console.warn(r.errors); // r.data still holds every valid feature
 */
export function loadGeodata(files: GeodataFiles): LoadResult {
  try {
    return loadUnsafe(files);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [{ file: '(all)', feature: '(loader)', field: '', message: `unexpected loader failure: ${message}` }],
      data: emptyGeodata(),
      warnings: [],
    };
  }
}

function loadUnsafe(files: GeodataFiles): LoadResult {
  const errors: GeodataError[] = [];
  const warnings: GeodataError[] = [];

  const src = parseSources(files.sources);
  errors.push(...src.errors);
  const sources = new Map<string, Source>(src.sources.map((s) => [s.id, s]));
  const known = new Set(sources.keys());

  const parsed = {
    nodes: parseCollection(FILES.nodes, files.nodes, NodeFeature),
    rail: parseCollection(FILES.rail, files.rail, RouteFeature),
    sea: parseCollection(FILES.sea, files.sea, RouteFeature),
    areas: parseCollection(FILES.areas, files.areas, AreaFeature),
    sightings: parseCollection(FILES.sightings, files.sightings, SightingFeature),
  };
  for (const p of Object.values(parsed)) errors.push(...p.errors);

  // (2) ids unique across files; the first occurrence is kept.
  const firstFile = new Map<string, string>();
  const unique = <F extends AnyFeature>(file: string, list: F[]): F[] =>
    list.filter((f) => {
      const id = f.properties.id;
      const prior = firstFile.get(id);
      if (prior !== undefined) {
        errors.push({ file, feature: id, field: 'properties.id', message: `duplicate id (first used in ${prior})` });
        return false;
      }
      firstFile.set(id, file);
      return true;
    });
  const nodes0 = unique(FILES.nodes, parsed.nodes.features);
  const rail0 = unique(FILES.rail, parsed.rail.features);
  const sea0 = unique(FILES.sea, parsed.sea.features);
  const areas0 = unique(FILES.areas, parsed.areas.features);
  const sightings0 = unique(FILES.sightings, parsed.sightings.features);

  const nodeIndex = new Map(nodes0.map((n) => [n.properties.id, n]));
  const places = new Set([...nodeIndex.keys(), ...areas0.map((a) => a.properties.id)]);

  // (3) cross-file checks; a feature that gets an error is dropped.
  const keep = <F extends AnyFeature>(file: string, list: F[], check: (f: F, e: ReturnType<typeof emitterFor>) => void) =>
    list.filter((f) => {
      const e = emitterFor(file, f.properties.id, errors, warnings);
      check(f, e);
      return e.count() === 0;
    });
  const modeCheck = (mode: 'rail' | 'sea') => (r: RouteFeature, e: ReturnType<typeof emitterFor>) => {
    if (r.properties.mode !== mode) e.emit('properties.mode', `expected "${mode}" in this file, got "${r.properties.mode}"`);
    checkRoute(r, nodeIndex, known, e.emit, e.warn);
  };
  const nodes = keep(FILES.nodes, nodes0, (n, e) => checkNode(n, known, nodeIndex, e.emit));
  const rail = keep(FILES.rail, rail0, modeCheck('rail'));
  const sea = keep(FILES.sea, sea0, modeCheck('sea'));
  const areas = keep(FILES.areas, areas0, (a, e) => checkArea(a, known, e.emit, e.warn));
  const sightings = keep(FILES.sightings, sightings0, (s, e) => checkSighting(s, places, known, e.emit));

  const coverage = parseCoverage(files.sightings, sightings, errors, warnings);
  const routes = [...rail, ...sea];
  const byId = new Map<string, AnyFeature>();
  for (const f of [...nodes, ...routes, ...areas, ...sightings]) byId.set(f.properties.id, f);
  const data: Geodata = { nodes, routes, areas, sightings, sources, byId, ...(coverage ? { coverage } : {}) };

  return errors.length === 0 ? { ok: true, data, warnings } : { ok: false, errors, data, warnings };
}

/**
 * The sightings file's declared `coverage` (a foreign member of the FeatureCollection): an error when it
 * is malformed (then undeclared), a warning for each report dated outside it or in one of its gaps.
 */
function parseCoverage(raw: unknown, sightings: readonly SightingFeature[], errors: GeodataError[], warnings: GeodataError[]): DataCoverage | undefined {
  const declared = (raw as { coverage?: unknown } | null)?.coverage;
  if (declared === undefined) return undefined;
  const parsed = Coverage.safeParse(declared);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      errors.push({ file: FILES.sightings, feature: '(file)', field: ['coverage', ...i.path.map(String)].join('.'), message: i.message });
    }
    return undefined;
  }
  const c = parsed.data;
  const from = dateToDay(c.from);
  const to = c.to === undefined ? Infinity : dateEndDay(c.to);
  const gaps = (c.gaps ?? []).map((g) => [dateToDay(g.from), dateEndDay(g.to)] as const);
  for (const s of sightings) {
    const d = dateToDay(s.properties.date);
    if (d < from || d > to || gaps.some(([a, b]) => d >= a && d <= b)) {
      warnings.push({ file: FILES.sightings, feature: s.properties.id, field: 'properties.date', message: `dated outside the declared coverage (${c.from} – ${c.to ?? 'open'})` });
    }
  }
  return c;
}
