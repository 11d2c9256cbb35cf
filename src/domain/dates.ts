/**
 * Day numbers for report dates. Reports keep their own precision (`YYYY-MM-DD` or `YYYY-MM`); metrics
 * work on whole UTC days since 1970-01-01, so a month-only date spans from its first to its last day.
 */

const MS_PER_DAY = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

function parts(iso: string): { y: number; m: number; d: number | undefined } {
  const match = DATE_RE.exec(iso);
  if (!match) throw new RangeError(`not an ISO date (YYYY-MM-DD or YYYY-MM): "${iso}"`);
  const [, y, m, d] = match;
  return { y: Number(y), m: Number(m), d: d === undefined ? undefined : Number(d) };
}

/**
 * Days since 1970-01-01 UTC. A `YYYY-MM` date counts as the 1st of the month.
 * @example dateToDay('1970-01-02') // 1
 * @example dateToDay('2025-12') === dateToDay('2025-12-01') // true
 * @throws RangeError when the string is not `YYYY-MM-DD` or `YYYY-MM` (validated data never is).
 */
export function dateToDay(iso: string): number {
  const { y, m, d } = parts(iso);
  return Math.floor(Date.UTC(y, m - 1, d ?? 1) / MS_PER_DAY);
}

/**
 * The last day a date covers, in days since 1970-01-01 UTC: the day itself for `YYYY-MM-DD`, the last
 * day of the month for `YYYY-MM`.
 * @example dateEndDay('2024-02') === dateToDay('2024-02-29') // true (leap year)
 */
export function dateEndDay(iso: string): number {
  const { y, m, d } = parts(iso);
  if (d !== undefined) return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
  // Day 0 of the next month is the last day of this one.
  return Math.floor(Date.UTC(y, m, 0) / MS_PER_DAY);
}

/** The ISO `YYYY-MM-DD` string of a day number. @example dayToIso(0) // '1970-01-01' */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The day span a report covers: from its `date` to the end of `dateEnd` (or of `date` itself).
 * @example reportSpan('2023-09-07', '2023-09-12') // [19607, 19612]
 */
export function reportSpan(date: string, dateEnd?: string): [startDay: number, endDay: number] {
  return [dateToDay(date), dateEndDay(dateEnd ?? date)];
}
