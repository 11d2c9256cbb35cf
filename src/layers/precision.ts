/**
 * Location precision drawn: a faint halo around each report that places itself only roughly, sized by
 * what it may mean on the ground — a town or facility (~5 km), a region (the area it names, or the
 * rule's 100 km disc). Halos have a minimum size in pixels so they stay visible at theatre scale, and
 * are drawn under the dots. Data comes in as arguments.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { NOT_PICKED, type RGBA } from './style';
import { PASS_ALL } from './sightings';

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

/** Binary attributes of the halos at a quarter zoom, laid out as the sightings' (one shader program for both). */
function haloData(halos: readonly PrecisionHalo[], z: number) {
  const n = halos.length;
  const positions = new Float32Array(n * 2), fill = new Uint8Array(n * 4), line = new Uint8Array(n * 4), radii = new Float32Array(n);
  halos.forEach((h, i) => {
    const st = HALO_STYLE[h.precision];
    positions.set(h.position, i * 2);
    fill.set(st.fill, i * 4);
    line.set(st.line, i * 4);
    radii[i] = Math.max(st.minPx, (h.radiusKm * 1000) / metresPerPixel(h.position[1], z));
  });
  // Halos are of the visible reports already: class 0 on day 0 for every halo, which `PASS_ALL` passes.
  return {
    length: n,
    attributes: {
      getPosition: { value: positions, size: 2 },
      getFillColor: { value: fill, size: 4, normalized: true },
      getLineColor: { value: line, size: 4, normalized: true },
      getRadius: { value: radii, size: 1 },
      getLineWidth: { value: new Float32Array(n).fill(1), size: 1 },
      getFilterValue: { value: new Float32Array(n), size: 1 },
      getFilterCategory: { value: new Uint32Array(n), size: 1 },
    },
  };
}
/** The data of the last halos and zoom: the same object keeps deck.gl from uploading it again. */
let last: { halos: readonly PrecisionHalo[]; z: number; data: ReturnType<typeof haloData> } | null = null;

/**
 * The halo layer (id `precision`). `zoom` sizes the halos: ground radius, or the style's minimum pixels.
 * @example precisionLayer([{ position: [130.3, 42.24], radiusKm: 100, precision: 'region' }], 3)
 */
export function precisionLayer(halos: readonly PrecisionHalo[], zoom: number, opts: { visible?: boolean } = {}) {
  const z = Math.round(zoom * 4) / 4;
  if (last?.halos !== halos || last.z !== z) last = { halos, z, data: haloData(halos, z) };
  return new ScatterplotLayer({
    id: 'precision',
    // deck.gl's LayerDataSource type does not list binary `{ length, attributes }` data, which it supports.
    data: last.data as unknown as never,
    visible: (opts.visible ?? true) && halos.length > 0,
    ...NOT_PICKED,
    stroked: true,
    filled: true,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    ...PASS_ALL,
  });
}
