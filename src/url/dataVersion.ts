/**
 * Data version: a short content hash of the geodata, carried in links as `d=`, so a link made with other
 * data can say so.
 */

// The hash itself is in the domain, shared with the release manifests of geodata/.
export { contentHash } from '../domain/hash';

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
