/**
 * Plain text from untrusted values: control characters removed, lengths capped on grapheme boundaries
 * (never inside a surrogate pair or an emoji sequence), quoted for messages. Every function looks at
 * no more of a value than it needs, so a megabyte-long cell costs what its first characters cost.
 */

/** Grapheme segmenter where the runtime has one (every current browser and Node ≥ 16). */
const graphemes: Intl.Segmenter | null =
  typeof Intl !== 'undefined' && typeof Intl.Segmenter === 'function' ? new Intl.Segmenter('en', { granularity: 'grapheme' }) : null;

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * The longest prefix of `text` of at most `room` UTF-16 code units that ends on a grapheme boundary.
 * Grapheme boundaries (UAX #29) depend only on what comes before and on the next code point, so the
 * segmenter reads only `room + 2` code units, whatever the length of `text`.
 * @example graphemePrefix('ab👍🏽c', 3) // 'ab' (the thumb and its skin tone stay together)
 */
export function graphemePrefix(text: string, room: number): string {
  if (text.length <= room) return text;
  if (room <= 0) return '';
  if (graphemes) {
    let end = 0;
    for (const { index } of graphemes.segment(text.slice(0, room + 2))) {
      if (index > room) break;
      end = index;
    }
    return text.slice(0, end);
  }
  // No segmenter: at least never split a surrogate pair.
  const cut = isLow(text.charCodeAt(room)) && isHigh(text.charCodeAt(room - 1)) ? room - 1 : room;
  return text.slice(0, cut);
}

/**
 * Cap text at `max` code units, the cut marked with `…` and placed on a grapheme boundary.
 * @example capText('abcdef', 4) // 'abc…'
 */
export function capText(text: string, max: number): string {
  return text.length > max ? `${graphemePrefix(text, max - 1)}…` : text;
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Plain text: control characters other than tab/newline removed, trimmed, capped at `max`. */
export function cleanText(value: unknown, max: number): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.replace(CONTROL, '').trim();
  if (text === '') return undefined;
  return capText(text, max);
}

/**
 * Any value quoted for a problem message, at most 40 characters: text as text (control characters
 * shown as `?`), numbers as numbers (`Infinity`, not `null`), lists and objects by what they are.
 * Never serialises the value, so a value nested 100,000 levels deep costs nothing.
 * @example show('abc') // '"abc"'
 * @example show([1, [2]]) // 'a list'
 */
export function show(value: unknown): string {
  if (typeof value === 'string') {
    const head = value.slice(0, 80).replace(/[\u0000-\u001f\u007f]/g, '?');
    return `"${capText(value.length > 80 ? `${head}…` : head, 40)}"`;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return typeof value;
}

/** `value` if it is an absolute http(s) URL, else `undefined` (javascript:, data:, relative… are not). */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value || value.length > 2000 || !/^https?:\/\//i.test(value)) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** FNV-1a 32 over UTF-16 code units, 8 hex digits: a short, stable tag for an import batch. */
export function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * File bytes → text: UTF-16 (little- or big-endian, as Excel's "Unicode Text" saves) when the file
 * starts with its byte-order mark, else UTF-8 (invalid bytes become U+FFFD, which the binary check sees).
 * @example decodeText(new Uint8Array([0xff, 0xfe, 0x61, 0x00])) // 'a'
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}
