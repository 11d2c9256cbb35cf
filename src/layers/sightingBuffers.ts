/**
 * Turns columnar sightings into the typed arrays the sightings layer uploads once. Colours, radii and
 * rings come from the legend's palette (style.ts), so map and legend cannot disagree. Category and
 * confidence travel as one filter class per point (`classKey`), read by the GPU filter as it is.
 */
import { CATEGORIES } from '../domain/schemas';
import { MAX_CLASS_KEY } from './classFilter';
import { CATEGORY_STYLE, CONFIDENCE_RADIUS } from './style';
import type { SightingBuffers } from './sightings';

/** The columns the layer needs (structurally the metrics' columnar store). */
export interface ColumnsLike {
  length: number;
  lon: ArrayLike<number>;
  lat: ArrayLike<number>;
  day: ArrayLike<number>;
  category: ArrayLike<number>;
  confidence: ArrayLike<number>;
}

/** Confidence levels per category in a filter class (high, moderate, low). */
const NCONF = 3;
/** Above this many points dots are drawn small and without outlines: at theatre scale they overlap anyway. */
export const DENSE_POINTS = 20_000;

/** A point's filter class: its bit in the GPU filter mask. @example classKey(2, 1) // 7 */
export const classKey = (category: number, confidence: number) => category * NCONF + confidence;
/** The class of points the text, source or publisher filters hide: never selected. */
export const HIDDEN_CLASS = MAX_CLASS_KEY;

/** Filter classes that pass the chosen category and confidence indices. @example filterClasses([2], [0, 1]) // [6, 7] */
export function filterClasses(categoryIdx: readonly number[], confidenceIdx: readonly number[]): number[] {
  return categoryIdx.flatMap((c) => confidenceIdx.map((k) => classKey(c, k)));
}

const RADIUS = [CONFIDENCE_RADIUS.high, CONFIDENCE_RADIUS.moderate, CONFIDENCE_RADIUS.low];
const PALETTE = CATEGORIES.map((k) => CATEGORY_STYLE[k].colour);

/**
 * GPU buffers for a set of sightings, in one pass over the columns.
 * @example buildSightingBuffers(set.columns).positions.length === 2 * set.columns.length
 */
export function buildSightingBuffers(c: ColumnsLike): SightingBuffers {
  const n = c.length;
  const positions = new Float32Array(n * 2);
  const colours = new Uint8Array(n * 4);
  const radii = new Float32Array(n);
  const days = new Float32Array(n);
  const classes = new Uint32Array(n);
  // Outlines are drawn only below DENSE_POINTS (see the layer): no buffer for them above.
  const lineWidths = n <= DENSE_POINTS ? new Float32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    positions[2 * i] = c.lon[i]!;
    positions[2 * i + 1] = c.lat[i]!;
    const cat = c.category[i]!;
    const conf = Math.min(c.confidence[i]!, NCONF - 1);
    const col = PALETTE[cat] ?? PALETTE[0]!;
    const o = 4 * i;
    colours[o] = col[0];
    colours[o + 1] = col[1];
    colours[o + 2] = col[2];
    // Low-confidence reports are faint rings.
    colours[o + 3] = conf === 2 ? 110 : col[3];
    radii[i] = RADIUS[conf]!;
    if (lineWidths) lineWidths[i] = conf === 2 ? 2 : 1;
    days[i] = c.day[i]!;
    classes[i] = classKey(cat, conf);
  }
  return { length: n, positions, colours, radii, ...(lineWidths ? { lineWidths } : {}), days, classes };
}

/**
 * The buffers with the points that fail the text, source or publisher filters (`pass[i] === 0`) moved to
 * the hidden class. With no such filter (`pass` null) the buffers themselves come back, so nothing is
 * uploaded again.
 */
export function withPass(b: SightingBuffers, pass: Uint8Array | null): SightingBuffers {
  if (!pass) return b;
  const classes = new Uint32Array(b.classes);
  for (let i = 0; i < b.length; i++) if (pass[i] === 0) classes[i] = HIDDEN_CLASS;
  return { ...b, classes };
}
