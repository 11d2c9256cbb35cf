/**
 * Turns columnar sightings into the typed arrays the sightings layer uploads once. Colours, radii and
 * rings come from the legend's palette (style.ts), so map and legend cannot disagree.
 */
import { CATEGORIES, type Confidence } from '../domain/schemas';
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

const CONFIDENCE_ORDER: Confidence[] = ['high', 'moderate', 'low'];

export function buildSightingBuffers(c: ColumnsLike): SightingBuffers {
  const n = c.length;
  const positions = new Float32Array(n * 2);
  const colours = new Uint8Array(n * 4);
  const radii = new Float32Array(n);
  const lineWidths = new Float32Array(n);
  const categories = new Float32Array(n * 2);
  const filterValues = new Float32Array(n * 2);
  const palette = CATEGORIES.map((k) => CATEGORY_STYLE[k].colour);
  for (let i = 0; i < n; i++) {
    positions[2 * i] = c.lon[i]!;
    positions[2 * i + 1] = c.lat[i]!;
    const col = palette[c.category[i]!] ?? palette[0]!;
    colours.set(col, 4 * i);
    const conf = CONFIDENCE_ORDER[c.confidence[i]!] ?? 'low';
    radii[i] = CONFIDENCE_RADIUS[conf];
    // Low-confidence reports are drawn as rings: fill the outline only.
    lineWidths[i] = conf === 'low' ? 2 : 1;
    if (conf === 'low') colours[4 * i + 3] = 110;
    categories[2 * i] = c.category[i]!;
    categories[2 * i + 1] = c.confidence[i]!;
    filterValues[2 * i] = c.day[i]!;
    filterValues[2 * i + 1] = 1;
  }
  return { length: n, positions, colours, radii, lineWidths, categories, filterValues };
}

/** A copy of the buffers whose "passes text/source filters" flags are `pass` (null = all pass). */
export function withPass(b: SightingBuffers, pass: Uint8Array | null): SightingBuffers {
  const filterValues = new Float32Array(b.filterValues);
  for (let i = 0; i < b.length; i++) filterValues[2 * i + 1] = pass ? pass[i]! : 1;
  return { ...b, filterValues };
}
