/**
 * Content hashes: one for raw text (the data version carried in links) and one for a JSON record
 * that does not depend on key order or formatting (the per-feature hash of a release manifest).
 */

/**
 * FNV-1a (32-bit) of the UTF-8 bytes of `text`, as 8 lower-case hex digits. Deterministic across
 * browsers and node; not cryptographic (it labels data versions, it does not protect them).
 * @example contentHash('') // '811c9dc5'
 */
export function contentHash(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

/**
 * JSON with object keys sorted at every depth and no whitespace, so two records that differ only in key
 * order or indentation give the same text. Arrays keep their order (order is content there); `undefined`
 * members are dropped as `JSON.stringify` drops them.
 * @example canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] }) // '{"a":[2,{"c":4,"d":3}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = (v as Record<string, unknown>)[k];
    return out;
  });
}

/**
 * Hash of one feature or source record: `contentHash(canonicalJson(record))`.
 * @example recordHash({ id: 'a', n: 1 }) === recordHash({ n: 1, id: 'a' }) // true
 */
export function recordHash(record: unknown): string {
  return contentHash(canonicalJson(record));
}
