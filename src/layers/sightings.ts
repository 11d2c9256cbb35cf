/**
 * Sightings as dots from columnar buffers (binary attributes: no per-feature objects on the GPU side),
 * filtered on the GPU by DataFilterExtension: moving the time slider or ticking a category changes only
 * uniforms, never the layer's data.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';

/** GPU-ready arrays for one set of sightings (built once per dataset; see state/sightingSets). */
export interface SightingBuffers {
  length: number;
  /** lon, lat interleaved. */
  positions: Float32Array;
  /** RGBA per sighting, 0–255. */
  colours: Uint8Array;
  /** Pixel radius per sighting. */
  radii: Float32Array;
  /** Outline width per sighting: thick rings for low confidence (drawn hollow). */
  lineWidths: Float32Array;
  /** Category index, confidence index per sighting (for `filterCategories`). */
  categories: Float32Array;
  /** Day (days since epoch) and a 0/1 "passes the text and source filters" flag per sighting. */
  filterValues: Float32Array;
}

export interface SightingFilterUniforms {
  fromDay: number;
  toDay: number;
  categoryIdx: number[];
  confidenceIdx: number[];
}

const filter = new DataFilterExtension({ filterSize: 2, categorySize: 2 });

/** The layer's `data` for a buffer set, created once: a new object would make deck.gl re-upload it all. */
type BinaryData = { length: number; attributes: Record<string, { value: ArrayLike<number>; size: number; normalized?: boolean }> };
const dataCache = new WeakMap<SightingBuffers, BinaryData>();
function binaryData(b: SightingBuffers): BinaryData {
  let d = dataCache.get(b);
  if (!d) {
    d = {
      length: b.length,
      attributes: {
        getPosition: { value: b.positions, size: 2 },
        getFillColor: { value: b.colours, size: 4, normalized: true },
        getLineColor: { value: b.colours, size: 4, normalized: true },
        getRadius: { value: b.radii, size: 1 },
        getLineWidth: { value: b.lineWidths, size: 1 },
        getFilterValue: { value: b.filterValues, size: 2 },
        getFilterCategory: { value: b.categories, size: 2 },
      },
    };
    dataCache.set(b, d);
  }
  return d;
}

/** Above this many points dots are drawn small and without outlines: at theatre scale they overlap anyway. */
export const DENSE_POINTS = 20_000;

export function sightingsLayer(id: string, buffers: SightingBuffers, f: SightingFilterUniforms, opts: { visible: boolean }) {
  const dense = buffers.length > DENSE_POINTS;
  return new ScatterplotLayer({
    id,
    visible: opts.visible,
    // deck.gl's LayerDataSource type does not list binary `{ length, attributes }` data, which it supports.
    data: binaryData(buffers) as unknown as never,
    pickable: true,
    stroked: !dense,
    filled: true,
    radiusUnits: 'pixels',
    radiusScale: dense ? 0.35 : 1,
    radiusMinPixels: dense ? 1 : 0,
    lineWidthUnits: 'pixels',
    opacity: 0.85,
    filterRange: [
      [f.fromDay, f.toDay],
      [1, 1],
    ],
    filterCategories: [f.categoryIdx, f.confidenceIdx],
    extensions: [filter],
  });
}
