/**
 * GeoJSON import: a FeatureCollection (or one Feature) of Points → sightings. Properties are read in the
 * same spellings as CSV columns; position comes from the geometry. Problems are numbered by feature,
 * from 1; problems with the file as a whole have row 0.
 */
import type { SightingFeature } from '../domain/schemas';
import { createContext } from './importContext';
import { FIELD_ALIASES, normaliseHeader, show, type ImportField } from './importFields';
import { readCoordinate, toSighting, type ImportOptions, type ImportResult } from './importRecord';
import type { ImportProblem } from './problems';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A getter over a feature's properties, matching keys in any common spelling and case. */
function propertyGetter(props: Record<string, unknown>): (f: ImportField) => unknown {
  const byName = new Map<string, unknown>();
  for (const [k, v] of Object.entries(props)) {
    const key = normaliseHeader(k);
    if (!byName.has(key)) byName.set(key, v);
  }
  return (field) => {
    for (const spelling of FIELD_ALIASES[field]) {
      if (!byName.has(spelling)) continue;
      const v = byName.get(spelling);
      // A list of sources (as in our own exports) is read as its first entry.
      return Array.isArray(v) && field === 'source' ? v.find((x) => typeof x === 'string') : v;
    }
    return undefined;
  };
}

function featuresOf(data: unknown, problems: ImportProblem[]): unknown[] {
  if (isObject(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) return data.features;
  if (isObject(data) && data.type === 'Feature') return [data];
  problems.push({ row: 0, message: 'expected a GeoJSON FeatureCollection or Feature' });
  return [];
}

/**
 * Parse GeoJSON text into sightings and the problems of every feature that could not be used.
 * @example parseGeoJSONImport('{"type":"FeatureCollection","features":[]}') // → { features: [], …, total: 0 }
 */
export function parseGeoJSONImport(text: string, opts: ImportOptions = {}): ImportResult {
  const ctx = createContext(text, opts);
  const problems: ImportProblem[] = [];
  const features: SightingFeature[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    problems.push({ row: 0, message: `not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : 'parse error'})` });
    return { features, sources: [], problems, total: 0 };
  }
  const list = featuresOf(data, problems);
  const every = Math.max(1, opts.progressEvery ?? 10_000);
  list.forEach((f, i) => {
    const row = i + 1;
    if (opts.onProgress && row % every === 0) opts.onProgress(row, list.length);
    if (!isObject(f) || f.type !== 'Feature') {
      problems.push({ row, message: 'is not a GeoJSON Feature' });
      return;
    }
    const g = f.geometry;
    if (!isObject(g) || g.type !== 'Point' || !Array.isArray(g.coordinates)) {
      const type = isObject(g) && typeof g.type === 'string' ? show(g.type) : 'no';
      problems.push({ row, message: `has ${type} geometry; only Point features can be imported` });
      return;
    }
    const coordinateProblems: string[] = [];
    const lon = readCoordinate(g.coordinates[0], 'longitude', coordinateProblems);
    const lat = readCoordinate(g.coordinates[1], 'latitude', coordinateProblems);
    const get = propertyGetter(isObject(f.properties) ? f.properties : {});
    const feature = toSighting(get, lon, lat, row, ctx, coordinateProblems, problems);
    if (feature) features.push(feature);
  });
  if (opts.onProgress) opts.onProgress(list.length, list.length);
  return { features, sources: ctx.sources.list(), problems, total: list.length };
}
