/**
 * Splitting a hash into raw `key=value` pairs, with the work capped. Values stay percent-encoded here:
 * list values are split on `,` before decoding so that an encoded comma (`%2C`) survives inside an item.
 */

/** Hashes longer than this are cut (at the last whole `&` pair) before parsing. */
export const MAX_HASH_CHARS = 8192;

/** One raw pair in link order. `value` is `null` for a bare token without `=` (e.g. the v0 `z/lat/lon`). */
export interface RawParam {
  key: string;
  value: string | null;
}

/** Quote a piece of user input for a notice: at most 40 characters, control characters shown as `?`. */
export function quote(text: string): string {
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, '?');
  return `"${clean.length > 40 ? `${clean.slice(0, 39)}…` : clean}"`;
}

/** `key=value` (or the bare token) quoted for a notice. */
export function quoteParam(p: RawParam): string {
  return quote(p.value === null ? p.key : `${p.key}=${p.value}`);
}

/**
 * Percent-decode one value; `+` is read as a space (form convention, so hand-typed `q=rail+cars` works;
 * `encodeHash` writes a literal `+` as `%2B`). Returns `null` on malformed encoding instead of throwing.
 */
export function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return null;
  }
}

/**
 * Split a hash (with or without the leading `#`, or a whole URL) into raw pairs. Never throws.
 * @example splitHash('#v=1&w=25') // { params: [{key:'v',value:'1'},{key:'w',value:'25'}], notices: [] }
 */
export function splitHash(input: unknown): { params: RawParam[]; notices: string[] } {
  const notices: string[] = [];
  if (typeof input !== 'string') {
    return { params: [], notices: ['Ignored the link: it is not text'] };
  }
  let hash = input;
  const at = hash.indexOf('#');
  if (at >= 0) hash = hash.slice(at + 1);
  if (hash.length > MAX_HASH_CHARS) {
    notices.push(
      `Link is too long (${hash.length.toLocaleString('en-GB')} characters); only the first ` +
        `${MAX_HASH_CHARS.toLocaleString('en-GB')} were read`,
    );
    const cut = hash.slice(0, MAX_HASH_CHARS);
    const lastAmp = cut.lastIndexOf('&');
    // The pair straddling the cut is incomplete; drop it rather than read half a value.
    hash = hash.charAt(MAX_HASH_CHARS) === '&' ? cut : cut.slice(0, Math.max(lastAmp, 0));
  }
  const params: RawParam[] = [];
  for (const token of hash.split('&')) {
    if (token === '') continue;
    const eq = token.indexOf('=');
    const rawKey = eq < 0 ? token : token.slice(0, eq);
    const key = safeDecode(rawKey);
    if (key === null) {
      notices.push(`Ignored ${quote(token)}: malformed percent-encoding`);
      continue;
    }
    params.push({ key, value: eq < 0 ? null : token.slice(eq + 1) });
  }
  return { params, notices };
}
