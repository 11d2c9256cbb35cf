/**
 * Report dates as people and tools write them → ISO `YYYY-MM-DD` (or `YYYY-MM`), saying which form
 * was read. Day-first or month-first numeric dates (`05/11/2024`) are read in the order the caller
 * gives, decided for the whole file (see `slashOrder`), never guessed row by row.
 */

/** The forms a date can be read from, as the review names them. */
export const DATE_FORMS = {
  iso: 'YYYY-MM-DD',
  month: 'YYYY-MM',
  datetime: 'ISO date-time (the UTC day where a zone is given)',
  named: 'DD Month YYYY',
  dmy: 'DD/MM/YYYY (day first)',
  mdy: 'MM/DD/YYYY (month first)',
  dotted: 'DD.MM.YYYY',
  slashed: 'YYYY/MM/DD (as GDAL writes dates into CSV)',
  unix: 'Unix time',
} as const;
export type DateForm = keyof typeof DATE_FORMS;

/** Day-first or month-first reading of `05/11/2024`. */
export type DateOrder = 'dmy' | 'mdy';

const MONTHS = new Map<string, number>(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].flatMap(
    (m, i) => [[m, i + 1], [m.slice(0, 3), i + 1], ...(m === 'september' ? [['sept', 9] as [string, number]] : [])] as [string, number][],
  ),
);

const pad = (n: number) => String(n).padStart(2, '0');

/** A real calendar day as ISO text, or undefined. */
export function isoDay(y: number, m: number, d: number): string | undefined {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return d <= days ? `${String(y).padStart(4, '0')}-${pad(m)}-${pad(d)}` : undefined;
}

/** Dates are short: anything longer is refused before any pattern looks at it. */
const MAX_DATE_TEXT = 40;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MONTH = /^(\d{4})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const NAMED = /^(\d{1,2})[ -]([a-z]{3,9})\.?,?[ -](\d{4})$/i;
const NUMERIC = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED = /^(\d{4})\/(\d{2})\/(\d{2})$/;
const UNIX = /^\d{9,13}$/;

/** A date read: the ISO text and its form, or why not. */
export type DateRead = { iso: string; form: DateForm } | { error: string };

/**
 * Read one date. `unix`: digits are read as Unix seconds (9–10 digits) or milliseconds (12–13), only
 * for columns that hold timestamps (kepler.gl's `timestamp`), never for a plain date column.
 * @example readDateText('05 November 2024', 'dmy') // { iso: '2024-11-05', form: 'named' }
 * @example readDateText('2024-11-05T23:30:00-02:00', 'dmy') // { iso: '2024-11-06', form: 'datetime' }
 */
export function readDateText(raw: string, order: DateOrder, unix = false): DateRead {
  const text = raw.length > MAX_DATE_TEXT + 8 ? '' : raw.trim();
  if (text.length === 0 || text.length > MAX_DATE_TEXT) return { error: 'is not a date' };
  let m = ISO_DAY.exec(text);
  if (m) {
    const iso = isoDay(+m[1]!, +m[2]!, +m[3]!);
    return iso ? { iso, form: 'iso' } : { error: 'is not a calendar date' };
  }
  m = ISO_MONTH.exec(text);
  if (m) return +m[2]! >= 1 && +m[2]! <= 12 ? { iso: text, form: 'month' } : { error: 'is not a calendar date' };
  m = DATETIME.exec(text);
  if (m) {
    const day = isoDay(+m[1]!, +m[2]!, +m[3]!);
    if (!day || +m[4]! > 24 || +m[5]! > 59) return { error: 'is not a calendar date' };
    const zone = m[7];
    if (!zone) return { iso: day, form: 'datetime' };
    const t = Date.parse(`${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone.toUpperCase()}`);
    return Number.isFinite(t) ? { iso: new Date(t).toISOString().slice(0, 10), form: 'datetime' } : { error: 'is not a calendar date' };
  }
  m = NAMED.exec(text);
  if (m) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    const iso = month ? isoDay(+m[3]!, month, +m[1]!) : undefined;
    return iso ? { iso, form: 'named' } : { error: 'is not a calendar date' };
  }
  m = NUMERIC.exec(text);
  if (m) {
    const [a, b] = [+m[1]!, +m[3]!];
    const iso = order === 'dmy' ? isoDay(+m[4]!, b, a) : isoDay(+m[4]!, a, b);
    return iso ? { iso, form: order } : { error: `is not a calendar date when read ${order === 'dmy' ? 'day first' : 'month first'}` };
  }
  m = SLASHED.exec(text);
  if (m) {
    const iso = isoDay(+m[1]!, +m[2]!, +m[3]!);
    return iso ? { iso, form: 'slashed' } : { error: 'is not a calendar date' };
  }
  m = DOTTED.exec(text);
  if (m) {
    const iso = isoDay(+m[3]!, +m[2]!, +m[1]!);
    return iso ? { iso, form: 'dotted' } : { error: 'is not a calendar date' };
  }
  if (unix && UNIX.test(text)) {
    const ms = text.length >= 12 ? Number(text) : Number(text) * 1000;
    return { iso: new Date(ms).toISOString().slice(0, 10), form: 'unix' };
  }
  return { error: 'is not a date' };
}

/**
 * The reading of `05/11/2024`-style dates that a set of samples decides: `dmy` when a first part is
 * over 12, `mdy` when a second part is, `null` when nothing decides (or both occur).
 * @example slashOrder(['05/11/2024', '25/11/2024']) // 'dmy'
 */
export function slashOrder(samples: readonly string[]): DateOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const s of samples) {
    const m = NUMERIC.exec(s.trim().slice(0, MAX_DATE_TEXT));
    if (!m) continue;
    if (+m[1]! > 12) dayFirst = true;
    if (+m[3]! > 12) monthFirst = true;
  }
  return dayFirst === monthFirst ? null : dayFirst ? 'dmy' : 'mdy';
}

/** True when any sample is a numeric date whose reading depends on the order. */
export function hasSlashDates(samples: readonly string[]): boolean {
  return samples.some((s) => NUMERIC.test(s.trim().slice(0, MAX_DATE_TEXT)));
}
