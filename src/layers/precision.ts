/**
 * Location precision drawn: a faint halo around each report that places itself only roughly, sized by
 * what it may mean on the ground — a town or facility (~5 km), a region (the area it names, or the
 * rule's 100 km disc). Halos have a minimum size in pixels so they stay visible at theatre scale, and
 * are drawn under the dots. Data comes in as arguments.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import type { RGBA } from './style';

export interface PrecisionHalo {
  position: [number, number];
  /** Radius on the ground, km. */
  radiusKm: number;
  precision: 'settlement' | 'region';
}

/** Halo colours: neutral, apart from the category palette; regions fainter and wider. */
export const HALO_STYLE: Record<PrecisionHalo['precision'], { fill: RGBA; line: RGBA; minPx: number; label: string }> = {
  settlement: { fill: [40, 50, 70, 30], line: [40, 50, 70, 150], minPx: 9, label: 'Town or facility (~5 km)' },
  region: { fill: [40, 50, 70, 18], line: [40, 50, 70, 110], minPx: 15, label: 'Region only (its area, or 100 km)' },
};

/** Metres per CSS pixel at `lat` and `zoom` (512-pixel world, as MapLibre and deck.gl draw it). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/**
 * The halo layer (id `precision`). `zoom` sizes the halos: ground radius, or the style's minimum pixels.
 * @example precisionLayer([{ position: [130.3, 42.24], radiusKm: 100, precision: 'region' }], 3)
 */
export function precisionLayer(halos: readonly PrecisionHalo[], zoom: number, opts: { visible?: boolean } = {}) {
  const z = Math.round(zoom * 4) / 4;
  return new ScatterplotLayer<PrecisionHalo>({
    id: 'precision',
    data: halos as PrecisionHalo[],
    visible: (opts.visible ?? true) && halos.length > 0,
    pickable: false,
    stroked: true,
    filled: true,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    getPosition: (h) => h.position,
    getRadius: (h) => Math.max(HALO_STYLE[h.precision].minPx, (h.radiusKm * 1000) / metresPerPixel(h.position[1], z)),
    getFillColor: (h) => HALO_STYLE[h.precision].fill,
    getLineColor: (h) => HALO_STYLE[h.precision].line,
    getLineWidth: 1,
    updateTriggers: { getRadius: z },
  });
}
