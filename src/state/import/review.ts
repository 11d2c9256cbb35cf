/**
 * What the review of a parsed file says, computed from the result, the matching and the time window:
 * plain functions of data, so the dialog only lays them out.
 */
import { dateEndDay, dateToDay, dayToIso } from '../../domain/dates';
import type { SightingFeature } from '../../domain/schemas';
import type { ImportResult } from '../../io/importTypes';
import { EARLIEST_PLAUSIBLE } from '../../io/plausible';
import { summariseProblems } from '../../io/problems';
import type { Matching } from './matching';

/**
 * Why text cannot be an import at all, or null: empty, or binary (NUL bytes or many undecodable
 * characters — an image or a spreadsheet saved as .xlsx, say).
 * @example checkFileText('') // 'the file is empty'
 */
export function checkFileText(text: string): string | null {
  if (text.replace(/^\ufeff/, '').trim() === '') return 'the file is empty';
  const head = text.slice(0, 4096);
  const bad = (head.match(/[\u0000\ufffd]/g) ?? []).length;
  if (head.includes('\u0000') || bad > head.length / 50) return 'it is not a CSV or GeoJSON file (it looks like binary data)';
  return null;
}

/** Problem (or remark) lines as the analyst reads them: `Row n: …` for CSV, `Feature n: …` for GeoJSON. */
export function problemLines(result: ImportResult, format: 'csv' | 'geojson' | null, max = 20, which: 'problems' | 'remarks' = 'problems'): string[] {
  return summariseProblems(result[which], max, format === 'geojson' ? 'Feature' : 'Row');
}

/** Why a file gave no reports at all, in one phrase. */
export function whyNothing(result: ImportResult, format: 'csv' | 'geojson'): string {
  const fileLevel = result.problems.filter((p) => p.row === 0);
  if (result.total > 0 && fileLevel.length === 0) return `none of its ${result.total.toLocaleString('en-GB')} ${format === 'csv' ? 'rows' : 'features'} is a valid report`;
  if (format === 'csv' && fileLevel.some((p) => p.message.startsWith('no '))) return 'it does not have the columns of a table of reports (see below)';
  if (fileLevel.length === 1 && fileLevel[0]) return fileLevel[0].message;
  return `it has no ${format === 'csv' ? 'rows' : 'features'} to import`;
}

/** Reports before the window's start and after its end, with the window that would show them. */
export interface OutsideWindow {
  before: number;
  after: number;
  /** The smallest window holding the current one and every report of a plausible date (see below). */
  widened: { from: string; to: string };
}

/**
 * How many of `features` fall outside the window `from`…`to` (inclusive days; a report spanning into
 * the window is inside). The widened window reaches only reports dated from 2000 to a year after
 * `today`: one typed as 1800 or 2999 is a remark to check, not a reason to stretch the slider.
 * @example outsideWindow(features, '2023-07-01', '2025-12-31', '2026-12-01') // { before: 0, after: 8, widened: { from: '2023-07-01', to: '2026-11-15' } }
 */
export function outsideWindow(features: readonly SightingFeature[], from: string, to: string, today = new Date().toISOString().slice(0, 10)): OutsideWindow {
  // ISO dates compare as text; a month (`YYYY-MM`) starts on its "-01" and ends by its "-31". No date
  // is parsed: this runs on the page for every report of a file, half a million of them at a time.
  const low = EARLIEST_PLAUSIBLE;
  const high = dayToIso(dateToDay(today) + 366);
  let before = 0;
  let after = 0;
  let first = from;
  let last = to;
  for (const f of features) {
    const p = f.properties;
    const a = p.date.length === 7 ? `${p.date}-01` : p.date;
    const e = p.dateEnd ?? p.date;
    const b = e.length === 7 ? `${e}-31` : e;
    if (b < from) before++;
    if (a > to) after++;
    if (a >= low && b <= high) {
      if (a < first) first = a;
      if (b > last) last = b;
    }
  }
  return { before, after, widened: { from: first, to: last.endsWith('-31') ? dayToIso(dateEndDay(last.slice(0, 7))) : last } };
}

/** The sentence for reports outside the window, or null. */
export function windowLine(o: OutsideWindow): string | null {
  const n = (k: number) => `${k.toLocaleString('en-GB')} report${k === 1 ? ' is' : 's are'}`;
  const parts = [...(o.before ? [`${n(o.before)} before the window's start`] : []), ...(o.after ? [`${n(o.after)} after the window's end`] : [])];
  return parts.length ? `${parts.join('; ')}: widen the window to see them.` : null;
}

/** The counts line: "3 new reports; 106 already loaded; 1 clash; 2 rows cannot be imported". */
export function countsLine(result: ImportResult, m: Matching, format: 'csv' | 'geojson' | null): string {
  const bad = new Set(result.problems.filter((p) => p.row > 0).map((p) => p.row)).size;
  const parts = [`${m.fresh.length.toLocaleString('en-GB')} new report${m.fresh.length === 1 ? '' : 's'}`];
  if (m.same) parts.push(`${m.same.toLocaleString('en-GB')} already loaded`);
  if (m.clashes.length) parts.push(`${m.clashes.length.toLocaleString('en-GB')} with the id of a loaded report but other content`);
  if (bad > 0) parts.push(`${bad.toLocaleString('en-GB')} ${format === 'geojson' ? 'feature' : 'row'}${bad === 1 ? '' : 's'} cannot be imported`);
  return parts.join('; ');
}

/** Whether a parsed file is shown for review before anything is imported. */
export function needsReview(result: ImportResult, m: Matching, outside: OutsideWindow): boolean {
  const r = result.readAs;
  return (
    result.problems.length > 0 ||
    result.remarks.length > 0 ||
    m.same > 0 ||
    m.clashes.length > 0 ||
    outside.before + outside.after > 0 ||
    r?.format === 'acled' ||
    (r?.choices.dateOrder !== undefined && !r.choices.dateOrder.decided) ||
    (r?.notes.some((n) => n.startsWith('Decimal commas')) ?? false)
  );
}
