/**
 * GeoJSON import — ours, QGIS's and GDAL's: a FeatureCollection (or one Feature) of Points → drafts.
 * Properties are read in the same spellings as table columns (and our numbered citation fields);
 * position comes from the geometry. QGIS's legacy `crs` member is accepted when it names WGS 84
 * longitude/latitude (CRS84 or EPSG:4326) and refused otherwise; Z values are dropped, and both are
 * said in the review. Problems are numbered by feature, from 1; row 0 is the file as a whole.
 */
import type { SightingFeature } from '../../domain/schemas';
import { DATE_FORMS } from '../dates';
import { createContext, finish } from '../importContext';
import { FIELD_ALIASES, CITATION_PARTS, normaliseHeader, type ImportField } from '../importFields';
import { toSighting } from '../importRecord';
import type { ImportOptions, ImportResult, ReadAs } from '../importTypes';
import { cleanText, show } from '../text';
import { collect } from '../collect';
import { tableDraft } from './kepler';
import { readSavedView } from '../analysisFile';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `crs` names that mean WGS 84 longitude/latitude. */
const LON_LAT = /^(urn:ogc:def:crs:ogc:1\.3:crs84|urn:ogc:def:crs:ogc::crs84|urn:ogc:def:crs:epsg::4326|urn:ogc:def:crs:epsg:[\d.]*:4326|epsg:4326|crs84|ogc:crs84)$/;

/** The legacy `crs` member's name, or null when there is none. */
function crsName(data: Record<string, unknown>): string | null {
  const crs = data.crs;
  if (!isObject(crs)) return null;
  const props = isObject(crs.properties) ? crs.properties : {};
  return cleanText(Object.hasOwn(props, 'name') ? props.name : undefined, 200) ?? 'an unnamed crs';
}

/** A getter over a feature's properties, matching keys in any common spelling and case. */
function propertyReader(props: Record<string, unknown>) {
  const byName = new Map<string, unknown>();
  for (const [k, v] of Object.entries(props)) {
    const key = normaliseHeader(k);
    if (!byName.has(key) && v !== null) byName.set(key, v);
  }
  const get = (field: ImportField) => {
    for (const spelling of FIELD_ALIASES[field]) if (byName.has(spelling)) return byName.get(spelling);
    return undefined;
  };
  let count = 0;
  while (count < 99 && CITATION_PARTS.some((p) => byName.has(`source_${count + 1}_${p}`))) count++;
  const citation = (n: number, part: (typeof CITATION_PARTS)[number]) => byName.get(`source_${n + 1}_${part}`);
  return { get, citation, count };
}

function featuresOf(data: unknown): unknown[] | null {
  if (isObject(data) && data.type === 'FeatureCollection' && Array.isArray(data.features)) return data.features;
  if (isObject(data) && data.type === 'Feature') return [data];
  return null;
}

/**
 * Parse GeoJSON text into sightings, the problems of every feature that could not be used, remarks
 * on odd ones, and how the file was read.
 * @example parseGeoJSONImport('{"type":"FeatureCollection","features":[]}').total // 0
 */
export function parseGeoJSONImport(text: string, opts: ImportOptions = {}): ImportResult {
  const ctx = createContext(text, opts);
  const features: SightingFeature[] = [];
  const fileIds: (string | null)[] = [];
  const readAs: ReadAs = { format: 'geojson', label: 'GeoJSON', notes: [], choices: {} };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (e) {
    ctx.problems.push({ row: 0, message: `not valid JSON (${e instanceof Error ? e.message.slice(0, 120) : 'parse error'})` });
    return finish(ctx, features, 0, readAs, fileIds);
  }
  const list = featuresOf(data);
  if (!list || !isObject(data)) {
    ctx.problems.push({ row: 0, message: 'expected a GeoJSON FeatureCollection or Feature' });
    return finish(ctx, features, 0, readAs, fileIds);
  }
  const layerName = cleanText(data.name, 120);
  const crs = crsName(data);
  if (layerName || crs) readAs.label = `a QGIS/GDAL layer${layerName ? ` "${layerName}"` : ''}`;
  if (crs && !LON_LAT.test(crs.toLowerCase())) {
    ctx.problems.push({ row: 0, message: `its coordinates are in ${show(crs)}, not WGS 84 longitude/latitude: export the layer as EPSG:4326` });
    return finish(ctx, features, list.length, readAs, fileIds);
  }
  if (crs) readAs.notes.push(`crs ${crs}: WGS 84 longitude/latitude, as RFC 7946 requires.`);
  const seen = collect(ctx, features, fileIds);
  const every = Math.max(1, opts.progressEvery ?? 10_000);
  let withZ = 0;
  list.forEach((f, i) => {
    const row = i + 1;
    if (opts.onProgress && row % every === 0) opts.onProgress(row, list.length);
    if (!isObject(f) || f.type !== 'Feature') {
      ctx.problems.push({ row, message: 'is not a GeoJSON Feature' });
      return;
    }
    const g = f.geometry;
    if (!isObject(g)) {
      ctx.problems.push({ row, message: 'has no geometry; only Point features can be imported' });
      return;
    }
    if (g.type !== 'Point') {
      ctx.problems.push({ row, message: `has ${typeof g.type === 'string' ? show(g.type) : 'no'} geometry; only Point features can be imported` });
      return;
    }
    if (!Array.isArray(g.coordinates) || g.coordinates.length < 2) {
      ctx.problems.push({ row, message: 'has a Point whose coordinates are not a [longitude, latitude] list' });
      return;
    }
    if (g.coordinates.length > 2) withZ++;
    const { get, citation, count } = propertyReader(isObject(f.properties) ? f.properties : {});
    const draft = tableDraft(get, citation, { citations: Array.from({ length: count }, () => ({})), unixDates: false }, ctx.known);
    draft.lon = g.coordinates[0];
    draft.lat = g.coordinates[1];
    draft.fileId ??= typeof f.id === 'string' || typeof f.id === 'number' ? f.id : undefined;
    const feature = toSighting(draft, row, ctx);
    if (feature) seen(feature, draft.fileId, row);
  });
  if (withZ) readAs.notes.push(`${withZ.toLocaleString('en-GB')} position${withZ === 1 ? ' has' : 's have'} a Z (height) value: dropped.`);
  const forms = [...ctx.forms.entries()];
  if (forms.length) readAs.notes.push(`Dates read: ${forms.map(([f, n]) => `${n.toLocaleString('en-GB')} as ${DATE_FORMS[f]}`).join(', ')}.`);
  if (opts.onProgress) opts.onProgress(list.length, list.length);
  const saved = readSavedView(data.corridorWatch);
  if (saved?.kind === 'analysis') readAs.label = 'a Corridor Watch analysis file';
  if (saved) readAs.notes.push(`Saved by Corridor Watch${saved.savedAt ? ` on ${saved.savedAt.slice(0, 10)}` : ''}${saved.dataVersion ? ` with data version ${saved.dataVersion}` : ''}, with the view it was saved from.`);
  return { ...finish(ctx, features, list.length, readAs, fileIds), ...(saved ? { saved } : {}) };
}
