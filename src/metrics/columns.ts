/**
 * Columnar store of sightings: one typed array per field, so the join and the windowed metrics touch
 * contiguous memory instead of feature objects. Built once per dataset.
 */
import { CATEGORIES, QUANTITY_UNITS, SOURCE_KINDS, type Category, type Confidence, type LocationPrecision, type SightingFeature, type Source } from '../domain/schemas';
import { dateToDay } from '../domain/dates';

/** Confidence levels in index order (0 high, 1 moderate, 2 low). */
export const CONFIDENCES: readonly Confidence[] = ['high', 'moderate', 'low'];
/** Confidence weights by index: high 1, moderate 0.6, low 0.3. */
export const CONFIDENCE_WEIGHTS: readonly number[] = [1, 0.6, 0.3];
/** Location precisions in index order (0 exact, 1 settlement, 2 region); see precision.ts for the rule. */
export const PRECISIONS: readonly LocationPrecision[] = ['exact', 'settlement', 'region'];
/** Index of `region` in `PRECISIONS`. */
export const REGION = 2;
/** Quantity units in index order (defined with the schema); `NO_UNIT` marks a sighting without a quantity. */
export { QUANTITY_UNITS };
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];
export const NO_UNIT = 255;

/** Sightings as parallel typed arrays; index `i` is the i-th sighting of the input. */
export interface Columns {
  readonly length: number;
  readonly ids: readonly string[];
  /** Degrees, WGS84. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** Start day of the report, days since 1970-01-01 UTC (`YYYY-MM` → 1st of the month). */
  readonly day: Int32Array;
  /** Index into `CATEGORIES`. */
  readonly category: Uint8Array;
  /** Index into `CONFIDENCES`. */
  readonly confidence: Uint8Array;
  /** Bit `k` set when one of the sighting's sources has kind `SOURCE_KINDS[k]`; 0 when unknown. */
  readonly sourceMask: Uint8Array;
  /** Number of distinct source ids cited (capped at 255). */
  readonly sourceCount: Uint8Array;
  /** Quantity value, NaN when the report gives none. */
  readonly qtyValue: Float64Array;
  /** Index into `QUANTITY_UNITS`, `NO_UNIT` when none. */
  readonly qtyUnit: Uint8Array;
  /** Index into `PRECISIONS` (how precisely the report places itself); 0 (exact) unless set. */
  readonly precision: Uint8Array;
}

/** Mutable arrays for a store of `n` sightings (used by builders such as the synthetic generator). */
export function allocColumns(n: number, ids: string[]): Columns {
  return {
    length: n,
    ids,
    lon: new Float64Array(n),
    lat: new Float64Array(n),
    day: new Int32Array(n),
    category: new Uint8Array(n),
    confidence: new Uint8Array(n),
    sourceMask: new Uint8Array(n),
    sourceCount: new Uint8Array(n),
    qtyValue: new Float64Array(n).fill(Number.NaN),
    qtyUnit: new Uint8Array(n).fill(NO_UNIT),
    precision: new Uint8Array(n),
  };
}

const categoryIndex = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
const confidenceIndex = new Map<string, number>(CONFIDENCES.map((c, i) => [c, i]));
const unitIndex = new Map<string, number>(QUANTITY_UNITS.map((u, i) => [u, i]));
const sourceKindIndex = new Map<string, number>(SOURCE_KINDS.map((k, i) => [k, i]));
const precisionIndex = new Map<string, number>(PRECISIONS.map((p, i) => [p, i]));

/** Bitmask of categories. @example categoryMask(['training']) // 1 << 2 */
export function categoryMask(categories: readonly Category[]): number {
  let m = 0;
  for (const c of categories) m |= 1 << (categoryIndex.get(c) ?? 31);
  return m & ALL_CATEGORIES;
}
/** Bitmask of confidence levels. */
export function confidenceMask(levels: readonly Confidence[]): number {
  let m = 0;
  for (const c of levels) m |= 1 << (confidenceIndex.get(c) ?? 7);
  return m & ALL_CONFIDENCES;
}
/** Bitmask of location precisions. @example precisionMask(['region']) // 4 */
export function precisionMask(levels: readonly string[]): number {
  return knownMask(precisionIndex, levels);
}
/** Bitmask of source kinds. */
export function sourceKindMask(kinds: readonly string[]): number {
  return knownMask(sourceKindIndex, kinds);
}

/** Bits of the values `index` knows (unknown values set none). */
function knownMask(index: ReadonlyMap<string, number>, values: readonly string[]): number {
  let m = 0;
  for (const v of values) {
    const i = index.get(v);
    if (i !== undefined) m |= 1 << i;
  }
  return m;
}
export const ALL_CATEGORIES = (1 << CATEGORIES.length) - 1;
export const ALL_CONFIDENCES = (1 << CONFIDENCES.length) - 1;
export const ALL_SOURCE_KINDS = (1 << SOURCE_KINDS.length) - 1;
export const ALL_PRECISIONS = (1 << PRECISIONS.length) - 1;

/** Index of a quantity unit, or `NO_UNIT`. */
export function unitIndexOf(unit: string): number {
  return unitIndex.get(unit) ?? NO_UNIT;
}

/**
 * Columnar store from validated sighting features. `sources` (id → Source) gives each sighting its
 * source-kind bitmask; without it the mask is 0.
 * @example toColumns(data.sightings, data.sources).day[0] // days since epoch of the first report
 */
export function toColumns(
  sightings: readonly SightingFeature[],
  sources?: ReadonlyMap<string, Source>,
): Columns {
  const n = sightings.length;
  const cols = allocColumns(n, sightings.map((s) => s.properties.id));
  const { lon, lat, day, category, confidence, sourceMask, sourceCount, qtyValue, qtyUnit, precision } = cols;
  for (let i = 0; i < n; i++) {
    const f = sightings[i]!;
    const p = f.properties;
    lon[i] = f.geometry.coordinates[0];
    lat[i] = f.geometry.coordinates[1];
    day[i] = dateToDay(p.date);
    category[i] = categoryIndex.get(p.category) ?? 0;
    confidence[i] = confidenceIndex.get(p.confidence) ?? 2;
    precision[i] = precisionIndex.get(p.location) ?? 0;
    let mask = 0;
    if (sources) {
      for (const id of p.sources) {
        const k = sources.get(id)?.kind;
        if (k !== undefined) mask |= 1 << (sourceKindIndex.get(k) ?? 0);
      }
    }
    sourceMask[i] = mask;
    sourceCount[i] = Math.min(255, new Set(p.sources).size);
    if (p.quantity) {
      qtyValue[i] = p.quantity.value;
      qtyUnit[i] = unitIndex.get(p.quantity.unit) ?? NO_UNIT;
    }
  }
  return cols;
}
