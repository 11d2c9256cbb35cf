/**
 * Latitude and longitude from untrusted values. Linear in the input: a value longer than any real
 * coordinate is refused before a pattern sees it, and the pattern has no overlapping quantifiers.
 */
import { show } from './text';

/** Longer than any coordinate a person or a tool writes (`-179.12345678901234567`): refused unread. */
const MAX_COORDINATE_TEXT = 40;
const POINT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)$/;

/** How a coordinate was written, for the review ("decimal commas read"). */
export type DecimalMark = 'point' | 'comma';

/**
 * Read a latitude or longitude; range-checked. Problems are pushed as text.
 * @param decimal `comma` when the file writes `51,2950` (a `;`-separated spreadsheet export)
 * @example readCoordinate('51,2950', 'latitude', [], 'comma') // 51.295
 */
export function readCoordinate(raw: unknown, what: 'latitude' | 'longitude', problems: string[], decimal: DecimalMark = 'point'): number | undefined {
  const limit = what === 'latitude' ? 90 : 180;
  if (raw === undefined || raw === null || raw === '') {
    problems.push(`${what} is missing`);
    return undefined;
  }
  let n = NaN;
  if (typeof raw === 'number') n = raw;
  else if (typeof raw === 'string') {
    const text = raw.length > MAX_COORDINATE_TEXT * 4 ? raw.slice(0, MAX_COORDINATE_TEXT + 1) : raw.trim();
    if (text.length <= MAX_COORDINATE_TEXT) {
      if (POINT.test(text)) n = Number(text);
      else if (COMMA.test(text) && decimal === 'comma') n = Number(text.replace(',', '.'));
      else if (COMMA.test(text)) {
        problems.push(`${what} ${show(raw)} is not a number: it has a decimal comma (save the file with "." as the decimal mark, or with ";" between columns)`);
        return undefined;
      }
    }
  }
  if (!Number.isFinite(n)) {
    problems.push(typeof raw === 'string' || typeof raw === 'number' ? `${what} ${show(raw)} is not a number` : `${what} is ${show(raw)}, not a number`);
    return undefined;
  }
  if (Math.abs(n) > limit) {
    problems.push(`${what} ${n} is out of range`);
    return undefined;
  }
  return n + 0;
}
