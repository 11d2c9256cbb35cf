/**
 * The report form's values → an own report and its sources, checked by the same domain schema every
 * file goes through (`SightingFeature`, `Source`), with each problem tied to the field that causes it.
 * Pure: values and a context in, a feature or a list of problems out. Warnings (a rule of the sourcing
 * check the form cannot decide, such as "high needs two publishers") do not block saving.
 */
import { dateToDay } from '../../domain/dates';
import {
  IsoDate,
  SightingFeature,
  Source,
  type Category,
  type Confidence,
  type LocationPrecision,
  type Quantity,
  type SightingFeature as Feature,
  type Source as SourceRecord,
} from '../../domain/schemas';
import { cleanText, httpUrl } from '../../io/text';
import type { ReportDraft } from './draftValues';

export { draftOf, emptyDraft, emptySource, type ReportDraft, type SourceDraft } from './draftValues';

/** Field key → message. Keys: `lon`, `lat`, `date`, …, `sources`, `sources.0.url`. */
export type FieldProblems = Record<string, string>;

export interface BuildContext {
  /** The report's id (a new one, or the edited report's). */
  id: string;
  /** Ids for its sources, one per source row. */
  sourceId: (n: number) => string;
  /** The name used when no title is typed (e.g. "Troop movement — Tumangang"). */
  defaultName: string;
  /** Today, `YYYY-MM-DD` (dates after it are a warning). */
  today: string;
  /** Known place ids (nodes and areas). */
  places: ReadonlySet<string>;
}

export type BuildResult =
  | { ok: true; feature: Feature; sources: SourceRecord[]; warnings: string[] }
  | { ok: false; problems: FieldProblems; warnings: string[] };

const COORD = /^[+-]?\d{1,3}(\.\d+)?$/;
const MAX_SUMMARY = 400;

/** Does `text` read as more than one sentence ("… Then …")? Abbreviations such as "U.S." are let through. */
export function looksLikeSentences(text: string): boolean {
  return /[a-z0-9)\]”"][.!?]\s+[A-Z]/.test(text.trim().replace(/\b(?:[A-Z]\.){2,}/g, 'X'));
}

function readCoordinate(raw: string, max: number, what: string, problems: FieldProblems, key: string): number | undefined {
  const t = raw.trim().replace(/\s+/g, '');
  if (t === '') problems[key] = `Give the ${what} (decimal degrees), or click the map`;
  else if (!COORD.test(t)) problems[key] = `The ${what} must be a decimal number of degrees, e.g. ${max === 90 ? '42.43' : '130.64'}`;
  else if (Math.abs(Number(t)) > max) problems[key] = `The ${what} must be between −${max} and ${max}`;
  else return Number(t);
  return undefined;
}

function readDates(d: ReportDraft, problems: FieldProblems): { date?: string; dateEnd?: string } {
  const form = d.precision === 'month' ? /^\d{4}-\d{2}$/ : /^\d{4}-\d{2}-\d{2}$/;
  const word = d.precision === 'month' ? 'a month (YYYY-MM)' : 'a day (YYYY-MM-DD)';
  const check = (v: string, key: string, what: string) => {
    if (!form.test(v)) problems[key] = `The ${what} must be ${word}`;
    else if (!IsoDate.safeParse(v).success) problems[key] = `The ${what} ${v} is not a calendar date`;
    else return v;
    return undefined;
  };
  const date = d.date.trim() ? check(d.date.trim(), 'date', 'date') : ((problems.date = 'Give the date of the report'), undefined);
  const dateEnd = d.dateEnd.trim() ? check(d.dateEnd.trim(), 'dateEnd', 'end date') : undefined;
  if (date && dateEnd && dateToDay(dateEnd) < dateToDay(date)) problems.dateEnd = `The end date ${dateEnd} is before the date ${date}`;
  if (date && dateEnd === date) return { date };
  return { date, ...(dateEnd ? { dateEnd } : {}) };
}

function readSources(d: ReportDraft, ctx: BuildContext, problems: FieldProblems): SourceRecord[] {
  if (d.sources.length === 0) problems.sources = 'Cite at least one source';
  const out: SourceRecord[] = [];
  d.sources.forEach((s, n) => {
    const at = (part: string) => `sources.${n}.${part}`;
    const publisher = cleanText(s.publisher, 300);
    const title = cleanText(s.title, 500);
    const url = httpUrl(s.url.trim());
    if (!publisher) problems[at('publisher')] = 'Give the publisher (who made the claim)';
    if (!title) problems[at('title')] = 'Give the title (or a description of the item)';
    if (!s.date.trim()) problems[at('date')] = 'Give the publication date';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(s.date.trim()) || !IsoDate.safeParse(s.date.trim()).success) problems[at('date')] = 'The publication date must be a day (YYYY-MM-DD)';
    if (!s.url.trim()) problems[at('url')] = 'Give the address where it can be read (http or https)';
    else if (!url) problems[at('url')] = 'The address must start with http:// or https://';
    const record = { id: ctx.sourceId(n), publisher: publisher ?? '', title: title ?? '', date: s.date.trim(), url: url ?? '', kind: s.kind };
    const parsed = Source.safeParse(record);
    if (parsed.success) out.push(parsed.data);
    else if (!Object.keys(problems).some((k) => k.startsWith(`sources.${n}.`))) problems[at('publisher')] = `This source is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
  });
  return out;
}

function readQuantity(d: ReportDraft, problems: FieldProblems): Quantity | undefined {
  const raw = d.quantityValue.trim();
  if (!raw && !d.quantityUnit) return undefined;
  const value = Number(raw.replace(/[\s,]/g, ''));
  if (!raw || !Number.isFinite(value) || value < 0) problems.quantityValue = 'The quantity must be a number of 0 or more';
  if (!d.quantityUnit) problems.quantityUnit = 'Choose the unit of the quantity';
  if (problems.quantityValue || problems.quantityUnit) return undefined;
  return { value, unit: d.quantityUnit as Quantity['unit'], ...(d.quantityApprox ? { approx: true } : {}) };
}

/** What the sourcing check would say about this report (it cannot know, for instance, what is official). */
function warningsOf(f: Feature, sources: readonly SourceRecord[], today: string): string[] {
  const w: string[] = [];
  const p = f.properties;
  const publishers = new Set(sources.map((s) => s.publisher.toLowerCase()));
  if (p.confidence === 'high' && publishers.size < 2) {
    w.push('High confidence needs two sources from different publishers, or one documented official act: check that this is one.');
  }
  if (dateToDay(p.date) > dateToDay(today)) w.push(`The report's date ${p.date} is after today.`);
  for (const s of sources) if (s.date && dateToDay(s.date) < dateToDay(p.date)) w.push(`${s.publisher} is dated ${s.date}, before the report's date: a source cannot report what had not happened yet.`);
  if (looksLikeSentences(p.summary)) w.push('The summary reads as more than one sentence: a report is summed up in one neutral sentence.');
  return w;
}

/**
 * Build the report. Every problem names its field; the domain schema has the last word, so nothing is
 * saved that a file could not carry.
 * @example buildOwnReport(draft, ctx).ok // true when every field is usable
 */
export function buildOwnReport(d: ReportDraft, ctx: BuildContext): BuildResult {
  const problems: FieldProblems = {};
  const lat = readCoordinate(d.lat, 90, 'latitude', problems, 'lat');
  const lon = readCoordinate(d.lon, 180, 'longitude', problems, 'lon');
  const { date, dateEnd } = readDates(d, problems);
  if (!d.category) problems.category = 'Choose a category';
  if (!d.confidence) problems.confidence = 'Choose a confidence level';
  if (!d.location) problems.location = 'Say how precise the location is';
  const summary = cleanText(d.summary, MAX_SUMMARY + 1);
  if (!summary) problems.summary = 'Sum the report up in one sentence';
  else if (summary.length > MAX_SUMMARY) problems.summary = `Keep the summary to one sentence (at most ${MAX_SUMMARY} characters)`;
  const place = d.place && ctx.places.has(d.place) ? d.place : undefined;
  if (d.place && !place) problems.place = 'Choose a place from the list, or none';
  const quantity = readQuantity(d, problems);
  const sources = readSources(d, ctx, problems);
  if (Object.keys(problems).length > 0) return { ok: false, problems, warnings: [] };

  const name = cleanText(d.title, 300) ?? ctx.defaultName;
  const note = cleanText(d.note, 2000);
  const candidate = {
    type: 'Feature' as const,
    id: ctx.id,
    geometry: { type: 'Point' as const, coordinates: [lon!, lat!] },
    properties: {
      id: ctx.id,
      name,
      date: date!,
      ...(dateEnd ? { dateEnd } : {}),
      category: d.category as Category,
      summary: summary!,
      confidence: d.confidence as Confidence,
      location: d.location as LocationPrecision,
      sources: sources.map((s) => s.id),
      ...(quantity ? { quantity } : {}),
      ...(place ? { place } : {}),
      ...(note ? { note } : {}),
      imported: true as const,
      own: true as const,
    },
  };
  const parsed = SightingFeature.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path[0] === 'properties' ? String(issue.path[1] ?? 'summary') : issue.path[0] === 'geometry' ? 'lon' : 'summary';
      problems[key] ??= issue.message;
    }
    return { ok: false, problems, warnings: [] };
  }
  return { ok: true, feature: parsed.data, sources, warnings: warningsOf(parsed.data, sources, ctx.today) };
}

/**
 * A new own-report id: `own-` and the time in base 36 and a random tag, so reports written in two
 * browsers never share an id.
 * @example newOwnId() // 'own-mbx3k2-4f9a'
 */
export function newOwnId(now = Date.now(), random = Math.random): string {
  return `own-${now.toString(36)}-${Math.floor(random() * 36 ** 4).toString(36).padStart(4, '0')}`;
}
