/**
 * The CSV dialect of a spreadsheet or tool export: separator, BOM, line ends and decimal mark. The
 * separator is the candidate that gives the header two or more columns and the most of the next rows
 * exactly the header's column count (papaparse splits the rows; its own guess looks at fewer rows
 * and is misled by a `;` inside quoted text). Decimal commas are read only when the separator is not a
 * comma and every sampled coordinate writes one (or is a whole number).
 */
import Papa from 'papaparse';
import type { DecimalMark } from '../coordinates';

export interface Dialect {
  delimiter: ',' | ';' | '\t' | '|';
  bom: boolean;
  crlf: boolean;
}

const CANDIDATES: Dialect['delimiter'][] = [',', ';', '\t', '|'];
/** How much of the file the guess reads: enough for a header and ~30 rows of long text. */
const HEAD = 64 * 1024;

/**
 * Sniff the dialect from the start of the text.
 * @example sniffDialect('\ufeffa;b\r\n1,5;2\r\n').delimiter // ';'
 */
export function sniffDialect(text: string): Dialect {
  const bom = text.startsWith('\ufeff');
  const head = text.slice(bom ? 1 : 0, HEAD);
  const cut = text.length > HEAD;
  let best: { delimiter: Dialect['delimiter']; score: number; width: number } = { delimiter: ',', score: -1, width: 0 };
  for (const delimiter of CANDIDATES) {
    const rows = Papa.parse<string[]>(head, { delimiter, preview: 31, skipEmptyLines: 'greedy' }).data;
    if (cut && rows.length > 1) rows.pop();
    const width = rows[0]?.length ?? 0;
    if (width < 2) continue;
    const body = rows.slice(1);
    const score = body.length === 0 ? 1 : body.filter((r) => r.length === width).length / body.length;
    if (score > best.score || (score === best.score && width > best.width)) best = { delimiter, score, width };
  }
  return { delimiter: best.delimiter, bom, crlf: /\r\n/.test(head.slice(0, 4096)) };
}

const WITH_COMMA = /^[+-]?\d+,\d+$/;
const WHOLE = /^[+-]?\d+$/;

/**
 * The decimal mark of sampled coordinates: `comma` when the separator is not `,`, at least one sample
 * has a decimal comma and every sample has one or is whole; else `point`.
 * @example decimalMarkOf(';', ['51,2950', '130']) // 'comma'
 */
export function decimalMarkOf(delimiter: Dialect['delimiter'], samples: readonly string[]): DecimalMark {
  if (delimiter === ',') return 'point';
  const values = samples.map((s) => s.trim().slice(0, 41)).filter((s) => s !== '');
  const commas = values.filter((v) => WITH_COMMA.test(v)).length;
  return commas > 0 && values.every((v) => WITH_COMMA.test(v) || WHOLE.test(v)) ? 'comma' : 'point';
}

/** How the review names a separator. */
export const SEPARATOR_NAMES: Record<Dialect['delimiter'], string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'vertical bar' };
