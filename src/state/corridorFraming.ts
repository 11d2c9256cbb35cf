/**
 * Selecting a corridor (a row of the Corridors tab, a route clicked while that tab is open, an
 * indicator bound to one corridor) frames it on the map: its route's extent plus the corridor's width.
 * A corridor that arrives with its camera — a link opened, Back or Forward — keeps that camera.
 */
import type { RouteFeature } from '../domain/schemas';
import { bboxOf } from './bbox';
import { actions, useStore } from './store';

const KM_PER_DEG_LAT = 111.32;

/**
 * The box to frame for a route buffered by `widthKm` either side: [west, south, east, north] degrees.
 * @example corridorBox(routeFromEquatorTo1N, 111.32) // ≈ [lonMin − 1.00015, −1, lonMax + 1.00015, 2]
 */
export function corridorBox(route: RouteFeature, widthKm: number): [number, number, number, number] {
  const [w, s, e, n] = bboxOf(route.geometry.coordinates);
  const dLat = widthKm / KM_PER_DEG_LAT;
  // Longitude degrees shrink with latitude: pad by the width at the box's poleward edge.
  const dLon = widthKm / (KM_PER_DEG_LAT * Math.cos((Math.min(85, Math.max(Math.abs(s), Math.abs(n))) * Math.PI) / 180));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
}

/** Start framing selected corridors; returns a stop function. */
export function startCorridorFraming(): () => void {
  return useStore.subscribe((s, prev) => {
    const id = s.selection.corridorId;
    if (!id || id === prev.selection.corridorId) return;
    // A link (or Back/Forward) sets camera and corridor in one update: its camera is what it shows.
    if (s.camera !== prev.camera) return;
    const route = s.data?.routes.find((r) => r.properties.id === id);
    if (route) actions.frame(corridorBox(route, s.filters.widthKm), 10);
  });
}
