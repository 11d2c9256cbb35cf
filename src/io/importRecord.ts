/**
 * One record of any format, as its format module read it (a `Draft`), → a `SightingFeature`, or the
 * list of everything wrong with it. Every format goes through these rules, so a report is the same
 * whichever tool wrote it. Lookups keyed by file text are Maps or arrays, never plain objects.
 */
import { CATEGORIES, LocationPrecision, QUANTITY_UNITS, SOURCE_KINDS, type Category, type Confidence, type Quantity, type SightingFeature, type SourceKind } from '../domain/schemas';
import { readCoordinate } from './coordinates';
import { readDateText, type DateForm } from './dates';
import { plausibleDate } from './plausible';
import type { RecordContext } from './importTypes';
import { cleanText, show } from './text';

export type { ImportOptions, ImportResult, RecordContext, ReadAs } from './importTypes';

/** A citation as a record gives it; every part optional (a publisher or an http(s) link is needed). */
export interface DraftSource {
  publisher?: unknown;
  title?: unknown;
  date?: unknown;
  url?: unknown;
  kind?: unknown;
}

/** A record as its format read it: raw values (text, numbers), in our field names. */
export interface Draft {
  /** The record's own id in the file (ours, ACLED's `event_id_cnty`, a GeoJSON feature id). */
  fileId?: unknown;
  lon: unknown;
  lat: unknown;
  date: unknown;
  dateEnd?: unknown;
  /** The date column holds timestamps (kepler.gl): digits are Unix time. */
  unixDates?: boolean;
  /** The form the format read the date in, when it turned it into ISO itself (ACLED). */
  dateForm?: DateForm;
  category: unknown;
  confidence: unknown;
  location?: unknown;
  name?: unknown;
  summary?: unknown;
  place?: unknown;
  note?: unknown;
  quantity?: unknown;
  /** The record is marked as an analyst's own report (`own` true in our exports and analysis files). */
  own?: unknown;
  sources: DraftSource[];
  /** What the format itself found wrong (e.g. an ACLED precision code). */
  problems?: string[];
}

const LOCATIONS = LocationPrecision.options;
const CATEGORY_WORDS = new Map<string, Category>([...CATEGORIES.map((c) => [c, c] as [string, Category]), ['labor', 'labour']]);
const CONFIDENCE_WORDS = new Map<string, Confidence>([['high', 'high'], ['moderate', 'moderate'], ['medium', 'moderate'], ['low', 'low']]);
const KINDS = new Set<string>(SOURCE_KINDS);
const UNITS = new Set<string>(QUANTITY_UNITS);

/** Text for a word lookup: short, lower-case, spaces and underscores as hyphens. */
const word = (raw: string) => raw.slice(0, 40).toLowerCase().replace(/[\s_]+/g, '-');

function readCategory(raw: string | undefined, ctx: RecordContext, problems: string[]): Category | undefined {
  const hit = raw === undefined ? undefined : CATEGORY_WORDS.get(word(raw));
  if (hit) return hit;
  if (ctx.opts.defaultCategory) return ctx.opts.defaultCategory;
  problems.push(raw === undefined ? 'category is missing' : `category ${show(raw)} is not a known category`);
  return undefined;
}

function readConfidence(raw: string | undefined, ctx: RecordContext, problems: string[]): Confidence | undefined {
  const hit = raw === undefined ? undefined : CONFIDENCE_WORDS.get(word(raw));
  if (hit) return hit;
  if (ctx.opts.defaultConfidence) return ctx.opts.defaultConfidence;
  problems.push(raw === undefined ? 'confidence is missing' : `confidence ${show(raw)} is not high, moderate or low`);
  return undefined;
}

function readDate(raw: string | undefined, what: string, draft: Draft, ctx: RecordContext, problems: string[], count: boolean): string | undefined {
  if (raw === undefined) return undefined;
  const r = readDateText(raw, ctx.dateOrder, draft.unixDates === true);
  if ('error' in r) {
    problems.push(`${what} ${show(raw)} ${r.error} (YYYY-MM-DD, YYYY-MM, DD Month YYYY or an ISO date-time)`);
    return undefined;
  }
  const form = draft.dateForm ?? r.form;
  if (count) ctx.forms.set(form, (ctx.forms.get(form) ?? 0) + 1);
  return r.iso;
}

/** A quantity from an object (GeoJSON) or its JSON text (a CSV cell), or undefined. */
function readQuantity(raw: unknown, problems: string[]): Quantity | undefined {
  let q = raw;
  if (typeof q === 'string' && q.length < 300 && q.trim().startsWith('{')) {
    try {
      q = JSON.parse(q) as unknown;
    } catch {
      q = undefined;
    }
  }
  if (q === undefined || q === null || q === '') return undefined;
  if (typeof q !== 'object' || Array.isArray(q)) {
    problems.push(`quantity ${show(q)} is not a value with a unit`);
    return undefined;
  }
  const value = Object.hasOwn(q, 'value') ? Number((q as { value: unknown }).value) : NaN;
  const unit = Object.hasOwn(q, 'unit') ? cleanText((q as { unit: unknown }).unit, 40) : undefined;
  const approxRaw = Object.hasOwn(q, 'approx') ? (q as { approx: unknown }).approx : undefined;
  if (!Number.isFinite(value) || value < 0 || !unit || !UNITS.has(unit)) {
    problems.push(`quantity ${show(unit ?? '')} ${Number.isFinite(value) ? value : ''} is not a count in a known unit`.replace(/ +/g, ' '));
    return undefined;
  }
  const approx = approxRaw === true || approxRaw === 'true' || approxRaw === 1 || approxRaw === '1';
  return { value, unit: unit as Quantity['unit'], ...(approx ? { approx: true } : {}) };
}

const ID_LIKE = /^[a-z0-9][a-z0-9-]*$/;

/**
 * The report id for a file id: ours as it is (`imp-…`, and `own-…` for an analyst's own report), anyone
 * else's as `imp-<slug>`; undefined if unusable.
 */
export function importedId(fileId: unknown): string | undefined {
  const text = typeof fileId === 'number' && Number.isInteger(fileId) ? String(fileId) : cleanText(fileId, 80);
  if (!text) return undefined;
  const slug = text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  if (!slug || !ID_LIKE.test(slug)) return undefined;
  return /^(imp|own)-/.test(slug) ? slug : `imp-${slug}`;
}

/** A flag cell or property as a boolean: true, "true", 1 or "1". */
const isTrue = (v: unknown) => v === true || v === 1 || (typeof v === 'string' && /^(true|1)$/i.test(v.trim()));

/**
 * Build a sighting from one draft. Returns the feature, or `null` after adding this record's
 * problems to `ctx.problems`; oddities of a usable record go to `ctx.remarks`.
 */
export function toSighting(draft: Draft, row: number, ctx: RecordContext): SightingFeature | null {
  const problems = [...(draft.problems ?? [])];
  const lat = readCoordinate(draft.lat, 'latitude', problems, ctx.decimal);
  const lon = readCoordinate(draft.lon, 'longitude', problems, ctx.decimal);
  const text = (v: unknown, max = 200) => cleanText(v, max);
  const dateText = text(draft.date, 60);
  if (dateText === undefined) problems.push('date is missing');
  const when = readDate(dateText, 'date', draft, ctx, problems, true);
  const dateEnd = readDate(text(draft.dateEnd, 60), 'end date', draft, ctx, problems, false);
  if (when && dateEnd) {
    const n = Math.min(when.length, dateEnd.length);
    if (dateEnd.slice(0, n) < when.slice(0, n)) problems.push(`end date ${dateEnd} is before the date ${when}`);
  }
  const category = readCategory(text(draft.category), ctx, problems);
  const confidence = readConfidence(text(draft.confidence), ctx, problems);
  const locationRaw = text(draft.location)?.toLowerCase();
  const location = LOCATIONS.find((l) => l === (locationRaw ?? ctx.opts.location ?? 'settlement'));
  if (!location) problems.push(`location ${show(locationRaw ?? '')} is not exact, settlement or region`);
  const quantity = readQuantity(draft.quantity, problems);

  const citations = draft.sources.flatMap((s) => {
    const resolved = ctx.sources.resolve(text(s.publisher, 300), text(s.url, 2000));
    if (!resolved) return [];
    const kind = text(s.kind, 40);
    const date = text(s.date, 40);
    const iso = date === undefined ? undefined : readDateText(date, ctx.dateOrder);
    return [{ ...resolved, title: text(s.title, 500), date: iso && 'iso' in iso ? iso.iso : undefined, kind: kind && KINDS.has(kind) ? (kind as SourceKind) : undefined }];
  });
  if (citations.length === 0 && ctx.opts.defaultSource) {
    const fallback = ctx.sources.resolve(cleanText(ctx.opts.defaultSource, 300), undefined);
    if (fallback) citations.push({ ...fallback, title: undefined, date: undefined, kind: undefined });
  }
  if (citations.length === 0) problems.push('source is missing');

  const place = text(draft.place);
  const placeId = place && ID_LIKE.test(place) && place.length <= 64 ? place : ctx.placeIdOf(place);
  const placeName = place && place !== placeId ? place : undefined;
  const given = text(draft.name);
  const name = given && placeName ? capName(`${given} — ${placeName}`) : (given ?? placeName);
  const summary = text(draft.summary, 4000);
  if (!name && !summary) problems.push('neither a name nor a summary is given');
  const note = text(draft.note, 2000);

  if (problems.length > 0 || lon === undefined || lat === undefined || !when || !category || !confidence || citations.length === 0 || !location) {
    for (const message of problems) ctx.problems.push({ row, message });
    return null;
  }
  const id = importedId(draft.fileId) ?? `imp-${ctx.batch}-${row}`;
  const dateRemark = plausibleDate(when, ctx.today);
  if (dateRemark) ctx.remarks.push({ row, message: dateRemark });
  const where = ctx.checkPosition(lon, lat, placeId);
  if (where) ctx.remarks.push({ row, message: where });
  const sources = [...new Set(citations.map((c) => ctx.sources.idFor(c)))];
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id,
      // Without a name the summary stands in, cut to a name's length.
      name: name ?? capName(summary as string),
      date: when,
      ...(dateEnd ? { dateEnd } : {}),
      category,
      summary: (summary ?? name) as string,
      confidence,
      location,
      sources,
      ...(quantity ? { quantity } : {}),
      ...(placeId ? { place: placeId } : {}),
      ...(note ? { note } : {}),
      imported: true,
      ...(isTrue(draft.own) ? { own: true as const } : {}),
    },
  };
}

const capName = (s: string) => cleanText(s, 300) ?? s;
