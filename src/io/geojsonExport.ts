/**
 * GeoJSON export (RFC 7946): WGS84 longitude/latitude with at most 7 decimals (~1 cm, as GDAL's
 * RFC 7946 writer), no `crs`, polygon exteriors counter-clockwise and holes clockwise, properties
 * copied as they are, plus a `corridorWatch` foreign member saying where the file came from.
 */
import { booleanClockwise } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { roundCoordinate, type ExportMeta, type JsonValue } from './exportMeta';

/** The `corridorWatch` foreign member of an exported FeatureCollection. */
export interface ExportHeader {
  appVersion: string;
  /** The bundled data's version (content hash) the view showed; null when unknown. */
  dataVersion: string | null;
  exportedAt: string;
  permalink: string;
  filters: ExportMeta['filters'];
  layer: string;
  count: number;
}

/** Orient rings in place (on our own copy): exterior counter-clockwise, holes clockwise (RFC 7946 §3.1.6). */
function rewindRings(rings: Position[][]): void {
  rings.forEach((ring, i) => {
    if (ring.length < 4) return;
    const clockwise = booleanClockwise(ring);
    if ((i === 0 && clockwise) || (i > 0 && !clockwise)) ring.reverse();
  });
}

/** Round every position of a geometry in place (on our own copy) to 7 decimals; extra members (Z) too. */
function roundGeometry(g: Geometry | null): void {
  if (!g) return;
  const round = (p: Position) => {
    for (let i = 0; i < p.length; i++) p[i] = roundCoordinate(p[i]!);
  };
  if (g.type === 'Point') round(g.coordinates);
  else if (g.type === 'MultiPoint' || g.type === 'LineString') g.coordinates.forEach(round);
  else if (g.type === 'MultiLineString' || g.type === 'Polygon') g.coordinates.forEach((l) => l.forEach(round));
  else if (g.type === 'MultiPolygon') g.coordinates.forEach((pl) => pl.forEach((l) => l.forEach(round)));
  else g.geometries.forEach(roundGeometry);
}

/** Rewinds polygons only: line direction carries meaning (route from → to) and is left alone. */
function rewindGeometry(g: Geometry | null): void {
  if (!g) return;
  if (g.type === 'Polygon') rewindRings(g.coordinates);
  else if (g.type === 'MultiPolygon') g.coordinates.forEach(rewindRings);
  else if (g.type === 'GeometryCollection') g.geometries.forEach(rewindGeometry);
}

/** Deep copy of plain JSON data (features are JSON by contract); `undefined` members are dropped. */
function copyJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/**
 * Export features as an RFC 7946 FeatureCollection string. Inputs are never mutated.
 *
 * @param features any GeoJSON features (nodes, routes, areas, sightings, corridor polygons)
 * @param meta where the export came from; `layer` names what was exported; `extra` members join the header
 * @example exportGeoJSON(visibleSightings, { appVersion: '0.1.0', exportedAt: new Date().toISOString(),
 *   permalink: location.href, filters: { from: '2024-10-01', to: '2025-03-31' }, layer: 'sightings' })
 */
export function exportGeoJSON(
  features: readonly Feature<Geometry | null, Record<string, unknown> | null>[],
  meta: ExportMeta & { layer: string; extra?: Record<string, JsonValue> },
): string {
  const out = features.map((f) => {
    const copy = copyJson(f);
    roundGeometry(copy.geometry);
    rewindGeometry(copy.geometry);
    // Rebuilt member by member: feature-level foreign members (and any `crs`) are not carried over.
    return {
      type: 'Feature' as const,
      ...(copy.id !== undefined ? { id: copy.id } : {}),
      geometry: copy.geometry,
      properties: copy.properties ?? null,
      ...(copy.bbox ? { bbox: copy.bbox.map(roundCoordinate) as typeof copy.bbox } : {}),
    };
  });
  const header: ExportHeader = {
    appVersion: meta.appVersion,
    dataVersion: meta.dataVersion ?? null,
    exportedAt: meta.exportedAt,
    permalink: meta.permalink,
    filters: copyJson(meta.filters),
    layer: meta.layer,
    count: out.length,
    ...(meta.extra ? copyJson(meta.extra) : {}),
  };
  const collection: FeatureCollection<Geometry | null> & { corridorWatch: ExportHeader & Record<string, JsonValue> } = {
    type: 'FeatureCollection',
    corridorWatch: header as ExportHeader & Record<string, JsonValue>,
    features: out,
  };
  return JSON.stringify(collection);
}
