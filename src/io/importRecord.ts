/**
 * One imported record (a CSV row or a GeoJSON feature's properties) → a `SightingFeature`, or the list of
 * everything wrong with it. Shared by the CSV and GeoJSON readers so both apply the same rules.
 */
import {
  CATEGORIES,
  LocationPrecision,
  type Category,
  type Confidence,
  type SightingFeature,
  type Source,
  type SourceKind,
} from '../domain/schemas';
import { cleanText, show, type ImportField } from './importFields';
import type { ImportProblem } from './problems';
import { SourceRegistry } from './importSources';

/** Options common to both import formats. */
export interface ImportOptions {
  /** File name, used in the default batch tag. */
  name?: string;
  /** Tag in every id (`imp-<batch>-<row>`), `[a-z0-9]{1,12}`; default: a hash of the file name and text. */
  batch?: string;
  /** Used when a row's category is missing or unknown; without it such a row is a problem. */
  defaultCategory?: Category;
  /** Used when a row's confidence is missing or unknown; without it such a row is a problem. */
  defaultConfidence?: Confidence;
  /** Used as the source text when a row gives none; without it such a row is a problem. */
  defaultSource?: string;
  /** Location precision when a row gives none (default `settlement`: imported points are rarely surveyed). */
  location?: 'exact' | 'settlement' | 'region';
  /** Kind of the sources an import creates (default `media`; see `importSources.ts`). */
  sourceKind?: SourceKind;
  /** Called every `progressEvery` records with (records done, total or estimate). */
  onProgress?: (done: number, total: number) => void;
  /** Default 10,000. */
  progressEvery?: number;
}

/** What an import returns. `total` counts the records read (blank CSV lines excluded). */
export interface ImportResult {
  features: SightingFeature[];
  sources: Source[];
  problems: ImportProblem[];
  total: number;
}

/** Shared state of one import run. */
export interface RecordContext {
  batch: string;
  opts: ImportOptions;
  sources: SourceRegistry;
}

const LOCATIONS = LocationPrecision.options;
const CATEGORY_ALIASES: Record<string, Category> = { labor: 'labour' };
const CONFIDENCE_WORDS: Record<string, Confidence> = { high: 'high', moderate: 'moderate', medium: 'moderate', low: 'low' };

/** A canonical field's raw value from the record (`undefined` when absent or empty). */
export type FieldGetter = (field: ImportField) => unknown;

function readCategory(raw: string | undefined, ctx: RecordContext, problems: string[]): Category | undefined {
  if (raw !== undefined) {
    const key = raw.toLowerCase().replace(/[\s_]+/g, '-');
    const hit = (CATEGORIES as readonly string[]).includes(key) ? (key as Category) : CATEGORY_ALIASES[key];
    if (hit) return hit;
  }
  if (ctx.opts.defaultCategory) return ctx.opts.defaultCategory;
  problems.push(raw === undefined ? 'category is missing' : `category ${show(raw)} is not a known category`);
  return undefined;
}

function readConfidence(raw: string | undefined, ctx: RecordContext, problems: string[]): Confidence | undefined {
  const hit = raw === undefined ? undefined : CONFIDENCE_WORDS[raw.toLowerCase()];
  if (hit) return hit;
  if (ctx.opts.defaultConfidence) return ctx.opts.defaultConfidence;
  problems.push(raw === undefined ? 'confidence is missing' : `confidence ${show(raw)} is not high, moderate or low`);
  return undefined;
}

const DATE_SHAPE = /^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/;

/** Same rule as the domain's `IsoDate` (YYYY-MM-DD or YYYY-MM, a real calendar date), without zod per row. */
function isIsoDate(s: string): boolean {
  if (!DATE_SHAPE.test(s)) return false;
  if (s.length === 7) return true;
  const year = Number(s.slice(0, 4));
  const month = Number(s.slice(5, 7));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return Number(s.slice(8, 10)) <= days;
}

function readDate(raw: string | undefined, what: string, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  const day = /^\d{4}-\d{2}-\d{2}T/.test(raw) ? raw.slice(0, 10) : raw;
  if (isIsoDate(day)) return day;
  problems.push(`${what} ${show(raw)} is not a date (YYYY-MM-DD or YYYY-MM)`);
  return undefined;
}

/** Latitude/longitude from numbers or decimal text; range-checked. */
export function readCoordinate(raw: unknown, what: 'latitude' | 'longitude', problems: string[]): number | undefined {
  const limit = what === 'latitude' ? 90 : 180;
  if (raw === undefined || raw === null || raw === '') {
    problems.push(`${what} is missing`);
    return undefined;
  }
  const text = typeof raw === 'string' ? raw.trim() : '';
  const n = typeof raw === 'number' ? raw : /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(n)) {
    problems.push(`${what} ${show(typeof raw === 'string' ? raw : JSON.stringify(raw) ?? '')} is not a number`);
    return undefined;
  }
  if (Math.abs(n) > limit) {
    problems.push(`${what} ${n} is out of range`);
    return undefined;
  }
  return n + 0;
}

/**
 * Build a sighting from one record. `lon`/`lat` come from the caller (CSV columns or Point geometry).
 * Returns the feature, or `null` after adding this record's problems to `out`.
 */
export function toSighting(
  get: FieldGetter,
  lon: number | undefined,
  lat: number | undefined,
  row: number,
  ctx: RecordContext,
  coordinateProblems: string[],
  out: ImportProblem[],
): SightingFeature | null {
  const problems = [...coordinateProblems];
  const text = (f: ImportField, max = 200) => cleanText(get(f), max);
  const date = text('date');
  if (date === undefined) problems.push('date is missing');
  const when = readDate(date, 'date', problems);
  const dateEnd = readDate(text('dateEnd'), 'end date', problems);
  if (when && dateEnd) {
    const n = Math.min(when.length, dateEnd.length);
    if (dateEnd.slice(0, n) < when.slice(0, n)) problems.push(`end date ${dateEnd} is before the date ${when}`);
  }
  const category = readCategory(text('category'), ctx, problems);
  const confidence = readConfidence(text('confidence'), ctx, problems);
  const locationRaw = text('location')?.toLowerCase();
  const location = LOCATIONS.find((l) => l === (locationRaw ?? ctx.opts.location ?? 'settlement'));
  if (!location) problems.push(`location ${show(locationRaw ?? '')} is not exact, settlement or region`);

  const sourceText = text('source', 300) ?? cleanText(ctx.opts.defaultSource, 300);
  const source = SourceRegistry.resolve(sourceText, text('url', 2000));
  if (!source) problems.push('source is missing');

  const place = text('place');
  const placeId = place && /^[a-z0-9][a-z0-9-]*$/.test(place) && place.length <= 64 ? place : undefined;
  const placeName = place && !placeId ? place : undefined;
  const given = text('name');
  const name = given && placeName ? `${given} — ${placeName}` : (given ?? placeName);
  const summary = text('summary', 4000);
  if (!name && !summary) problems.push('neither a name nor a summary is given');

  if (problems.length > 0 || lon === undefined || lat === undefined || !when || !category || !confidence || !source || !location) {
    for (const message of problems) out.push({ row, message });
    return null;
  }
  const id = `imp-${ctx.batch}-${row}`;
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id,
      name: (name ?? summary) as string,
      date: when,
      ...(dateEnd ? { dateEnd } : {}),
      category,
      summary: (summary ?? name) as string,
      confidence,
      location,
      sources: [ctx.sources.idFor(source)],
      ...(placeId ? { place: placeId } : {}),
      imported: true,
    },
  };
}
