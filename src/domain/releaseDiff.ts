/**
 * What changed between two data releases, from their manifests alone: ids new in the newer release
 * (added), ids in both whose content hash differs (corrected), and ids gone from the newer release
 * (withdrawn). Two manifests suffice — each lists every id — so the releases between them are not needed.
 */
import { RELEASE_COLLECTIONS, type ReleaseCollection, type ReleaseManifest } from './release';

/** One changed record. */
export interface ReleaseChange {
  collection: ReleaseCollection;
  id: string;
}

export interface ReleaseDiff {
  added: ReleaseChange[];
  corrected: ReleaseChange[];
  withdrawn: ReleaseChange[];
}

/**
 * Diff two manifests. Lists follow `RELEASE_COLLECTIONS` order, then file order (the newer manifest's
 * for added and corrected, the older one's for withdrawn). A record that moves between collections
 * (e.g. rail → sea) counts as withdrawn from one and added to the other.
 * @example
 * diffReleases(v1, v2).added.filter((c) => c.collection === 'sightings').length // reports added since v1
 */
export function diffReleases(older: Pick<ReleaseManifest, 'features'>, newer: Pick<ReleaseManifest, 'features'>): ReleaseDiff {
  const out: ReleaseDiff = { added: [], corrected: [], withdrawn: [] };
  for (const collection of RELEASE_COLLECTIONS) {
    const before = new Map(older.features[collection]);
    const after = new Map(newer.features[collection]);
    for (const [id, hash] of newer.features[collection]) {
      const was = before.get(id);
      if (was === undefined) out.added.push({ collection, id });
      else if (was !== hash) out.corrected.push({ collection, id });
    }
    for (const [id] of older.features[collection]) if (!after.has(id)) out.withdrawn.push({ collection, id });
  }
  return out;
}

/**
 * How many records of one collection each list holds.
 * @example countChanges(diffReleases(v1, v2), 'sightings') // { added: 12, corrected: 2, withdrawn: 1 }
 */
export function countChanges(diff: ReleaseDiff, collection: ReleaseCollection): { added: number; corrected: number; withdrawn: number } {
  const n = (list: ReleaseChange[]) => list.filter((c) => c.collection === collection).length;
  return { added: n(diff.added), corrected: n(diff.corrected), withdrawn: n(diff.withdrawn) };
}
