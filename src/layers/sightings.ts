/**
 * Sightings as dots from columnar buffers (binary attributes: no per-feature objects on the GPU side),
 * filtered on the GPU by DataFilterExtension: moving the time slider or ticking a category changes only
 * uniforms, never the layer's data.
 */
import { ScatterplotLayer } from '@deck.gl/layers';
import { ClassFilterExtension } from './classFilter';
import { DENSE_POINTS } from './sightingBuffers';

/** GPU-ready arrays for one set of sightings (built once per dataset; see sightingBuffers.ts). */
export interface SightingBuffers {
  length: number;
  /** lon, lat interleaved. */
  positions: Float32Array;
  /** RGBA per sighting, 0–255. */
  colours: Uint8Array;
  /** Pixel radius per sighting. */
  radii: Float32Array;
  /** Outline width per sighting (thick rings for low confidence); absent for dense sets, drawn without. */
  lineWidths?: Float32Array;
  /** Day of the report (days since epoch): the time window filters on it. */
  days: Float32Array;
  /** Filter class per sighting: category × confidence (`classKey`), or the hidden class. */
  classes: Uint32Array;
}

export interface SightingFilterUniforms {
  fromDay: number;
  toDay: number;
  /** Filter classes shown (`filterClasses` of the chosen categories and confidences). */
  classes: number[];
}

/**
 * The one filter extension instance of every point layer (sightings, precision halos): the same layer class
 * with the same extension compiles to one shader program.
 */
export const POINT_FILTER = [new ClassFilterExtension({ filterSize: 1 })];

/**
 * The filter props of a point layer whose points all show (halos, marker rings): each point is class 0 on
 * day 0 (the filter's default value and category), and the filter passes exactly that.
 */
export const PASS_ALL = { filterRange: [0, 0] as [number, number], filterCategories: [0], extensions: POINT_FILTER };

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
        ...(b.lineWidths ? { getLineWidth: { value: b.lineWidths, size: 1 } } : {}),
        getFilterValue: { value: b.days, size: 1 },
        getFilterCategory: { value: b.classes, size: 1 },
      },
    };
    dataCache.set(b, d);
  }
  return d;
}


/** One set's sightings (id `sightings-<set>` or `imported`). @example sightingsLayer('sightings-bundled', buffers, { fromDay, toDay, classes }) */
export function sightingsLayer(id: string, buffers: SightingBuffers, f: SightingFilterUniforms) {
  const dense = buffers.length > DENSE_POINTS;
  return new ScatterplotLayer({
    id,
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
    filterRange: [f.fromDay, f.toDay],
    filterCategories: f.classes,
    extensions: POINT_FILTER,
  });
}
