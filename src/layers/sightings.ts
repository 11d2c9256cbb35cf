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

export function sightingsLayer(id: string, buffers: SightingBuffers, f: SightingFilterUniforms, opts: { visible: boolean }) {
  return new ScatterplotLayer({
    id,
    visible: opts.visible,
    data: {
      length: buffers.length,
      attributes: {
        getPosition: { value: buffers.positions, size: 2 },
        getFillColor: { value: buffers.colours, size: 4, normalized: true },
        getLineColor: { value: buffers.colours, size: 4, normalized: true },
        getRadius: { value: buffers.radii, size: 1 },
        getLineWidth: { value: buffers.lineWidths, size: 1 },
        getFilterValue: { value: buffers.filterValues, size: 2 },
        getFilterCategory: { value: buffers.categories, size: 2 },
      },
    },
    pickable: true,
    stroked: true,
    filled: true,
    radiusUnits: 'pixels',
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
