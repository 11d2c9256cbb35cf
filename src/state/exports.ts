/**
 * Export payloads built from the store: the layers as filtered on screen (GeoJSON, CSV, KML), corridor
 * metrics, and the content of the analyst brief. Pure: state, permalink and time come in as arguments,
 * text comes out; downloading is the UI's job. The UI loads this module with `import()` when an export
 * is asked for, so the formatters (and tokml) stay out of the main chunk.
 */
import type { Feature, Geometry, MultiPolygon, Polygon } from 'geojson';
import { version as APP_VERSION } from '../../package.json';
import type { SightingFeature, Source } from '../domain/schemas';
import { exportGeoJSON } from '../io/geojsonExport';
import { exportFileName, roundCoordinate, type ExportMeta } from '../io/exportMeta';
import { CITATION_FIELDS, citationFields } from '../io/exportCitations';
import { toCSV, type CsvColumn } from '../io/csvExport';
import { toKML } from '../io/kmlExport';
import { dayToIso } from '../domain/dates';
import type { ZoneInfo } from '../metrics/protocol';
import type { WindowMetrics } from '../metrics/window';
import { selectVisible, sightingAt } from './derived';
import type { AppState } from './store';

export { APP_VERSION };

/** Layers that can be exported on their own. */
export const EXPORT_LAYERS = ['sightings', 'nodes', 'rail', 'sea', 'areas'] as const;
export type ExportLayer = (typeof EXPORT_LAYERS)[number];

/** A file ready to download. */
export interface ExportFile {
  fileName: string;
  mime: string;
  text: string;
}

type AnyFeature = Feature<Geometry | null, Record<string, unknown> | null>;
/** The parts of the store an export reads. */
export type ViewState = Pick<AppState, 'data' | 'sightingSets' | 'filters' | 'layers' | 'importedSources'>;

/**
 * Export metadata for the current view: app and data versions, time, permalink and every filter in
 * force (publishers included).
 * @example exportMetaOf(useStore.getState(), location.href, new Date('2025-03-31T12:00:00Z'), 'a1b2c3d4')
 */
export function exportMetaOf(state: ViewState, permalink: string, now: Date, dataVersion: string | null = null): ExportMeta {
  const f = state.filters;
  return {
    appVersion: APP_VERSION,
    dataVersion,
    exportedAt: now.toISOString(),
    permalink,
    filters: {
      from: f.from,
      to: f.to,
      categories: [...f.categories],
      confidences: [...f.confidences],
      sourceKinds: [...f.sourceKinds],
      publishers: [...f.publishers],
      query: f.query,
      widthKm: f.widthKm,
      layers: (Object.keys(state.layers) as (keyof AppState['layers'])[]).filter((k) => state.layers[k]),
    },
  };
}

/** Every source the view can cite: bundled, then imported. */
export function sourceLookup(state: ViewState): (id: string) => Source | undefined {
  return (id) => state.data?.sources.get(id) ?? state.importedSources.get(id);
}

/** The sightings visible on screen (bundled and imported, under the current filters), in date order. */
export function visibleSightings(state: ViewState): SightingFeature[] {
  const out: SightingFeature[] = [];
  for (const { set, indices } of selectVisible(state.sightingSets, state.filters, state.layers)) {
    for (const i of indices) out.push(sightingAt(set, i));
  }
  return out;
}

/**
 * A sighting as exports write it: its properties plus its citations as flat fields
 * (`source_1_publisher`, `source_1_title`, …), so the file reads without our source list.
 */
export function withCitations(s: SightingFeature, lookup: (id: string) => Source | undefined): AnyFeature {
  return { ...s, properties: { ...s.properties, ...citationFields(s.properties.sources, lookup) } };
}

/**
 * Features of one layer as drawn: sightings under the filters (with their citations); nodes, routes and areas when their layer
 * is switched on (the map does not filter them by time), otherwise none.
 */
export function layerFeatures(state: ViewState, layer: ExportLayer): AnyFeature[] {
  if (layer === 'sightings') {
    const lookup = sourceLookup(state);
    return visibleSightings(state).map((s) => withCitations(s, lookup));
  }
  if (!state.layers[layer] || !state.data) return [];
  const d = state.data;
  if (layer === 'nodes') return [...d.nodes];
  if (layer === 'areas') return [...d.areas];
  return d.routes.filter((r) => (layer === 'sea' ? r.properties.mode === 'sea' : r.properties.mode !== 'sea'));
}

/** One layer as an RFC 7946 FeatureCollection with the `corridorWatch` metadata member. */
export function layerGeoJSON(state: ViewState, layer: ExportLayer, meta: ExportMeta): ExportFile {
  return {
    fileName: exportFileName(layer, meta),
    mime: 'application/geo+json',
    text: exportGeoJSON(layerFeatures(state, layer), { ...meta, layer }),
  };
}

/**
 * The visible sightings as a table: one row each, coordinates to 7 decimals, and each citation in its
 * own numbered columns (`source_1_publisher`, `source_1_title`, `source_1_date`, `source_1_url`,
 * `source_1_kind`, `source_2_…`, as many groups as the most-cited row needs) — no list packed into a
 * cell, so a link never gains a separator and the import reads every part back.
 */
export function sightingsCSV(state: ViewState, meta: ExportMeta): ExportFile {
  const lookup = sourceLookup(state);
  const rows = visibleSightings(state);
  let most = 0;
  for (const s of rows) most = Math.max(most, s.properties.sources.length);
  const cites = new WeakMap<SightingFeature, Record<string, string>>();
  const citesOf = (s: SightingFeature) => {
    let c = cites.get(s);
    if (!c) cites.set(s, (c = citationFields(s.properties.sources, lookup)));
    return c;
  };
  const citationColumns: CsvColumn<SightingFeature>[] = [];
  for (let n = 1; n <= most; n++) {
    for (const part of CITATION_FIELDS) citationColumns.push({ header: `source_${n}_${part}`, value: (s) => citesOf(s)[`source_${n}_${part}`] });
  }
  const columns: CsvColumn<SightingFeature>[] = [
    { header: 'id', value: (s) => s.properties.id },
    { header: 'date', value: (s) => s.properties.date },
    { header: 'date_end', value: (s) => s.properties.dateEnd },
    { header: 'category', value: (s) => s.properties.category },
    { header: 'confidence', value: (s) => s.properties.confidence },
    { header: 'location', value: (s) => s.properties.location },
    { header: 'longitude', value: (s) => roundCoordinate(s.geometry.coordinates[0]!) },
    { header: 'latitude', value: (s) => roundCoordinate(s.geometry.coordinates[1]!) },
    { header: 'place', value: (s) => s.properties.place },
    { header: 'name', value: (s) => s.properties.name },
    { header: 'summary', value: (s) => s.properties.summary },
    { header: 'sources', value: (s) => s.properties.sources },
    { header: 'quantity_value', value: (s) => s.properties.quantity?.value },
    { header: 'quantity_unit', value: (s) => s.properties.quantity?.unit },
    { header: 'quantity_approx', value: (s) => (s.properties.quantity ? s.properties.quantity.approx === true : undefined) },
    { header: 'note', value: (s) => s.properties.note },
    { header: 'imported', value: (s) => s.properties.imported === true },
    { header: 'own', value: (s) => s.properties.own === true },
    ...citationColumns,
  ];
  return { fileName: exportFileName('sightings', meta, 'csv'), mime: 'text/csv', text: toCSV(rows, columns, { bom: true }) };
}

/** Every visible layer in one KML document (sightings under the filters). */
export function visibleKML(state: ViewState, meta: ExportMeta): ExportFile {
  const features = EXPORT_LAYERS.flatMap((l) => layerFeatures(state, l));
  const name = `Corridor Watch — ${meta.filters.from} to ${meta.filters.to}`;
  return { fileName: exportFileName('visible-layers', meta, 'kml'), mime: 'application/vnd.google-earth.kml+xml', text: toKML(features, name) };
}

/** One corridor's metrics as the corridor panel shows them. `changePct` is null without a baseline. */
export interface CorridorMetricRow {
  id: string;
  name: string;
  widthKm: number;
  count: number;
  weighted: number;
  changePct: number | null;
  changeLevel: string;
  densityPer1000Km: number | null;
  /** Latest sighting date in the window (YYYY-MM-DD), or null. */
  latest: string | null;
}

const METRIC_COLUMNS: (keyof CorridorMetricRow & string)[] = ['id', 'name', 'widthKm', 'count', 'weighted', 'changePct', 'changeLevel', 'densityPer1000Km', 'latest'];

/**
 * Corridor metrics as GeoJSON (each corridor polygon with its metric values as properties) and as CSV
 * (the same table). Corridors without a polygon are left out of the GeoJSON but kept in the CSV.
 * @example exportCorridorMetrics(rows, new Map([[rows[0].id, polygon]]), meta)
 *   // { geojson: { fileName: 'corridor-watch_corridor-metrics_….geojson', … }, csv: { … } }
 */
export function exportCorridorMetrics(
  rows: readonly CorridorMetricRow[],
  polygons: ReadonlyMap<string, Polygon | MultiPolygon>,
  meta: ExportMeta,
): { geojson: ExportFile; csv: ExportFile } {
  const features: AnyFeature[] = [];
  for (const r of rows) {
    const geometry = polygons.get(r.id);
    if (geometry) features.push({ type: 'Feature', id: r.id, geometry, properties: { ...r } });
  }
  return {
    geojson: { fileName: exportFileName('corridor-metrics', meta), mime: 'application/geo+json', text: exportGeoJSON(features, { ...meta, layer: 'corridor-metrics' }) },
    csv: { fileName: exportFileName('corridor-metrics', meta, 'csv'), mime: 'text/csv', text: toCSV(rows, METRIC_COLUMNS, { bom: true }) },
  };
}

/** The parts of the store's metric results a corridor export reads. */
export interface CorridorResultsInput {
  zones: readonly ZoneInfo[];
  window: WindowMetrics | null;
  widthKm: number | null;
}

const round = (x: number | null, digits: number) => (x === null ? null : Number(x.toFixed(digits)));

/**
 * Corridor rows and polygons from the metric results (corridor zones joined to their window metrics),
 * or null while there are none. Change is the Trendfinder comparison with the 4 preceding windows.
 */
export function corridorExportInput(
  results: CorridorResultsInput | null | undefined,
): { rows: CorridorMetricRow[]; polygons: Map<string, Polygon | MultiPolygon> } | null {
  if (!results?.window || !Array.isArray(results.zones)) return null;
  const metrics = new Map(results.window.zones.map((z) => [z.zoneId, z]));
  const rows: CorridorMetricRow[] = [];
  const polygons = new Map<string, Polygon | MultiPolygon>();
  for (const zone of results.zones) {
    const m = metrics.get(zone.id);
    if (zone.kind !== 'corridor' || !m) continue;
    rows.push({
      id: zone.id,
      name: zone.name,
      widthKm: zone.widthKm ?? results.widthKm ?? 0,
      count: m.count,
      weighted: round(m.weighted, 2) ?? 0,
      changePct: round(m.change4.changePct, 1),
      changeLevel: m.change4.level,
      densityPer1000Km: round(m.densityPer1000Km, 2),
      latest: m.latestDay === null ? null : dayToIso(m.latestDay),
    });
    polygons.set(zone.id, zone.polygon.geometry);
  }
  return rows.length ? { rows, polygons } : null;
}

/** A citation as the brief prints it (all plain text). */
export interface Citation {
  id: string;
  publisher: string;
  title: string;
  date?: string;
  url?: string;
}

/**
 * Sources cited by the visible sightings, each once, in order of first citation (sightings in date
 * order); at most `cap`, with the number left out. Ids missing from every source list are listed as-is.
 * @example visibleCitations(state, 200) // { citations: [{ id: 'rusi-2023-10-17', publisher: 'RUSI', … }], more: 0 }
 */
export function visibleCitations(state: ViewState, cap = 200): { citations: Citation[]; more: number } {
  const lookup = sourceLookup(state);
  const seen = new Set<string>();
  const citations: Citation[] = [];
  for (const s of visibleSightings(state)) {
    for (const id of s.properties.sources) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (citations.length >= cap) continue;
      const src = lookup(id);
      citations.push(
        src
          ? { id, publisher: src.publisher, title: src.title, ...(src.date ? { date: src.date } : {}), ...(src.url ? { url: src.url } : {}) }
          : { id, publisher: id, title: '(not in the source list)' },
      );
    }
  }
  return { citations, more: seen.size - citations.length };
}

/** The filters in force as short lines of text ("Categories: all", "Search: …"). */
export function filterSummary(f: AppState['filters']): string[] {
  const list = (xs: readonly string[]) => (xs.length ? xs.join(', ') : 'all');
  return [
    `Categories: ${list(f.categories)}`,
    `Confidence: ${list(f.confidences)}`,
    `Source kinds: ${list(f.sourceKinds)}`,
    `Location precision: ${list(f.precisions)}`,
    ...(f.publishers.length ? [`Publishers: ${f.publishers.join(', ')}`] : []),
    ...(f.query.trim() ? [`Search: “${f.query.trim()}”`] : []),
    `Corridor half-width: ${f.widthKm} km`,
  ];
}
