/**
 * ACLED exports (current 31-column files, legacy files with `data_id`/`event_id_no_cnty`/`iso3`, any
 * header case) → drafts. The mapping, also in the README:
 * - `event_date` (ISO, `DD Month YYYY` or `dd-mm-yyyy`) with `time_precision`: 1 the day; 2 only the
 *   week is known (ACLED dates it to the week's middle) → the 7 days around it; 3 only the month → `YYYY-MM`.
 * - `geo_precision` 1 → `exact`, 2 → `settlement`, 3 → `region`.
 * - `sub_event_type` (else `event_type`) → our category by `ACLED_CATEGORIES`; what does not map is
 *   `presence`, and the original types are always kept in the report's note.
 * - `notes` → summary; `source` (`;`-separated) → one source per publisher; `fatalities` > 0 → a
 *   `personnel` quantity (approximate, as ACLED's figures are estimates); `location`, `admin2`, `admin1`
 *   → the name (and the place, when a known place has that name); `event_id_cnty` → the id.
 * - ACLED has no confidence: the file's confidence is a choice in the review (default `moderate`).
 */
import type { Category, Confidence } from '../../domain/schemas';
import { dayToIso, dateToDay } from '../../domain/dates';
import { readDateText, type DateForm } from '../dates';
import type { Draft } from '../importRecord';
import type { RecordContext } from '../importTypes';
import { cleanText, show } from '../text';
import { readList } from './lists';

/** ACLED event and sub-event types → our categories (compared lower-case). */
export const ACLED_CATEGORIES: ReadonlyMap<string, Category> = new Map<string, Category>([
  ['battles', 'combat'],
  ['armed clash', 'combat'],
  ['government regains territory', 'combat'],
  ['non-state actor overtakes territory', 'combat'],
  ['explosions/remote violence', 'combat'],
  ['shelling/artillery/missile attack', 'combat'],
  ['air/drone strike', 'combat'],
  ['remote explosive/landmine/ied', 'combat'],
  ['grenade', 'combat'],
  ['suicide bomb', 'combat'],
  ['chemical weapon', 'combat'],
  ['violence against civilians', 'combat'],
  ['attack', 'combat'],
  ['abduction/forced disappearance', 'captured'],
  ['arrests', 'captured'],
  ['agreement', 'diplomacy'],
  ['change to group/activity', 'troop-movement'],
  ['headquarters or base established', 'presence'],
  ['non-violent transfer of territory', 'presence'],
  ['disrupted weapons use', 'combat'],
  ['looting/property destruction', 'combat'],
]);

/** The category when nothing maps (the original type stays in the note). */
export const ACLED_GENERAL: Category = 'presence';
/** The confidence of an ACLED file unless the analyst picks another. */
export const ACLED_DEFAULT_CONFIDENCE: Confidence = 'moderate';

const LOCATION_BY_GEO = new Map([['1', 'exact'], ['2', 'settlement'], ['3', 'region']]);

/** True when normalised headers are an ACLED export's. */
export function isAcled(headers: readonly string[]): boolean {
  const has = (h: string) => headers.includes(h);
  return has('event_date') && has('event_type') && has('latitude') && has('longitude') && (has('event_id_cnty') || has('geo_precision'));
}

/** "current" (31 columns, since March 2023) or "legacy" (older columns). */
export function acledGeneration(headers: readonly string[]): 'current' | 'legacy' {
  return headers.includes('data_id') || headers.includes('event_id_no_cnty') || headers.includes('iso3') || !headers.includes('disorder_type') ? 'legacy' : 'current';
}

/** Date and end date from `event_date` and `time_precision`, or a problem. */
function acledDate(raw: string | undefined, precision: string | undefined, problems: string[]): { date: string; dateEnd?: string; form: DateForm } | undefined {
  if (raw === undefined) {
    problems.push('event_date is missing');
    return undefined;
  }
  const r = readDateText(raw, 'dmy');
  if ('error' in r || r.iso.length !== 10) {
    problems.push(`event_date ${show(raw)} is not a date (YYYY-MM-DD, DD Month YYYY or DD-MM-YYYY)`);
    return undefined;
  }
  const p = precision ?? '1';
  if (p === '1') return { date: r.iso, form: r.form };
  if (p === '2') {
    const day = dateToDay(r.iso);
    return { date: dayToIso(day - 3), dateEnd: dayToIso(day + 3), form: r.form };
  }
  if (p === '3') return { date: r.iso.slice(0, 7), form: r.form };
  problems.push(`time_precision ${show(precision ?? '')} is not 1, 2 or 3`);
  return undefined;
}

/**
 * A draft from one ACLED row; `get` reads a cell by normalised header.
 * @example acledDraft((h) => row[h], ctx).category // 'combat' for "Armed clash"
 */
export function acledDraft(get: (header: string) => string | undefined, ctx: RecordContext): Draft {
  const problems: string[] = [];
  const t = (h: string, max = 300) => cleanText(get(h), max);
  const eventType = t('event_type', 80);
  const subType = t('sub_event_type', 80);
  const category = (subType && ACLED_CATEGORIES.get(subType.toLowerCase())) ?? (eventType && ACLED_CATEGORIES.get(eventType.toLowerCase())) ?? ACLED_GENERAL;
  const geo = t('geo_precision', 10);
  const location = geo === undefined ? undefined : LOCATION_BY_GEO.get(geo);
  if (geo !== undefined && !location) problems.push(`geo_precision ${show(geo)} is not 1, 2 or 3`);
  const when = acledDate(t('event_date', 60), t('time_precision', 10), problems);
  const place = t('location', 120);
  const admin = [t('admin2', 120), t('admin1', 120)].filter((x): x is string => Boolean(x) && x !== place);
  const kind = subType ?? eventType ?? 'Event';
  const name = place ? `${kind} — ${place}${admin.length ? ` (${admin.join(', ')})` : ''}` : kind;
  const fatalities = Number(t('fatalities', 20) ?? '0');
  const actors = [t('actor1', 200), t('actor2', 200)].filter(Boolean).join(' vs ');
  const precisionNote = when?.dateEnd ? ' Only the week is known (ACLED time precision 2).' : when && when.date.length === 7 ? ' Only the month is known (ACLED time precision 3).' : '';
  const note =
    `ACLED ${t('event_id_cnty', 40) ?? 'event'}: ${[eventType, subType].filter(Boolean).join(' / ') || 'type not given'}.` +
    `${actors ? ` Actors: ${actors}.` : ''}${Number.isFinite(fatalities) && fatalities > 0 ? ` Fatalities: ${fatalities} (ACLED estimate).` : ''}${precisionNote}`;
  return {
    fileId: t('event_id_cnty', 80),
    lon: get('longitude'),
    lat: get('latitude'),
    date: when?.date,
    dateEnd: when?.dateEnd,
    ...(when ? { dateForm: when.form } : {}),
    category,
    confidence: ctx.opts.confidence ?? ACLED_DEFAULT_CONFIDENCE,
    location: location ?? (geo === undefined ? 'settlement' : undefined),
    name,
    summary: t('notes', 4000),
    place: ctx.placeIdOf(place),
    note,
    quantity: Number.isFinite(fatalities) && fatalities > 0 ? { value: fatalities, unit: 'personnel', approx: true } : undefined,
    sources: readList(get('source'), ';').map((publisher) => ({ publisher, title: publisher })),
    problems,
  };
}
