/**
 * The selected corridor — exactly the polygon the metrics count in (the MultiPolygon of leg buffers the
 * worker returns) — and rings around the evidence sightings of the selected indicator. Both take their
 * data as arguments; nothing is computed here.
 */
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ringLayer } from './rings';
import { CORRIDOR_STYLE, type RGBA } from './style';

/** Evidence ring colour: magenta, apart from the category palette and the yellow selection ring. */
export const EVIDENCE_RING: RGBA = [214, 0, 140, 255];

export type CorridorPolygon = Feature<Polygon | MultiPolygon>;

/**
 * The corridor polygon layer (id `corridor`), drawn over the routes (MapLibre's) and under the sightings.
 * Pickable, so a test or a tooltip can tell it is there; its features carry no `id`, so a click on it
 * selects nothing. Its data is one array per polygon, kept while the polygon is the same, so a new layer
 * description (a slider step re-renders the map) never makes deck.gl tessellate the polygon again.
 * @example corridorLayer(results.zones.find((z) => z.id === corridorId)!.polygon)
 */
export function corridorLayer(polygon: CorridorPolygon) {
  let data = dataOf.get(polygon);
  if (!data) dataOf.set(polygon, (data = [polygon]));
  return new GeoJsonLayer({
    id: 'corridor',
    data,
    pickable: true,
    stroked: true,
    filled: true,
    getFillColor: CORRIDOR_STYLE.fill,
    getLineColor: CORRIDOR_STYLE.line,
    getLineWidth: 3,
    lineWidthUnits: 'pixels',
    // The leg buffers overlap. A strict depth test with no per-sublayer polygon offset (fill and outline
    // at the same depth) lets only the first fragment at each pixel through: overlaps are shaded once
    // and outlines inside the fill vanish, leaving the outer half of the outer edge. The corridor reads
    // as one shape — the union that membership tests.
    parameters: { depthCompare: 'less', depthWriteEnabled: true },
    getPolygonOffset: () => [0, 0],
  });
}

const dataOf = new WeakMap<CorridorPolygon, CorridorPolygon[]>();

/** One evidence sighting to ring: its position. */
export interface EvidencePoint {
  id: string;
  position: [number, number];
}

/**
 * Rings around the evidence sightings of the selected indicator (id `evidence`), drawn above the dots.
 * @example evidenceLayer([{ id: 's-001', position: [130.6, 42.4] }])
 */
export function evidenceLayer(points: readonly EvidencePoint[], colour: RGBA = EVIDENCE_RING) {
  return ringLayer('evidence', points, { radius: 11, width: 2.5, colour });
}
