/**
 * CSV export of a table (RFC 4180: CRLF line ends, quotes doubled), safe to open in a spreadsheet:
 * text cells that a spreadsheet would run as a formula are prefixed with `'` (OWASP CSV injection).
 */

/** A cell value before formatting. Arrays are joined with `; `, objects written as JSON. */
export type CsvCell = string | number | boolean | null | undefined | readonly unknown[] | object;

/** A column: a key of the row, or a header with a getter. */
export type CsvColumn<R> = (keyof R & string) | { header: string; value: (row: R) => CsvCell };

/**
 * Text starting with these is read as a formula by spreadsheets (tab and CR included per OWASP). Text
 * that already starts with `'` and one of them is prefixed too, so an import that drops one `'` before
 * a formula character gives the text back exactly.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Format one cell: text form, formula neutralised, quoted when needed. Numbers are never prefixed. */
export function csvCell(value: CsvCell): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else if (Array.isArray(value)) text = value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v ?? ''))).join('; ');
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Write rows as CSV text with a header line.
 * @param rows the table (not mutated)
 * @param columns which columns, in order: a row key, or `{ header, value }`
 * @param options `bom: true` prepends U+FEFF so Excel reads UTF-8
 * @example toCSV([{ id: 's-1', summary: '=1+1' }], ['id', 'summary']) // "id,summary\r\ns-1,'=1+1\r\n"
 */
export function toCSV<R extends object>(
  rows: readonly R[],
  columns: readonly CsvColumn<R>[],
  options: { bom?: boolean } = {},
): string {
  const cols = columns.map((c) =>
    typeof c === 'string' ? { header: c, value: (r: R) => (r as Record<string, unknown>)[c] as CsvCell } : c,
  );
  const lines = [cols.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(cols.map((c) => csvCell(c.value(row))).join(','));
  return `${options.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}
