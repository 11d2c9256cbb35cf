/**
 * Data version: a short content hash of the geodata, carried in links as `d=`, so a link made with other
 * data can say so.
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
 * A notice when a link's data version differs from the loaded data, else `null` (also when the link has
 * no data version).
 * @example dataVersionNotice('1a2b3c4d', '9f8e7d6c')
 *   // 'This link was made with other data (version 1a2b3c4d; now 9f8e7d6c): counts and selections may differ'
 */
export function dataVersionNotice(linkD: string | null | undefined, currentD: string): string | null {
  if (!linkD || linkD === currentD) return null;
  return `This link was made with other data (version ${linkD}; now ${currentD}): counts and selections may differ`;
}
