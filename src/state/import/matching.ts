/**
 * Matching a parsed file against what is loaded (bundled and imported reports): a report whose id —
 * as the file gave it (`s-001` from our own export) or as imported (`imp-…`) — is loaded with the
 * same content (`reportKey`) is "already loaded" and skipped; the same id with other content is a
 * clash, listed for the analyst to decide; everything else is new. Pure: sets and sources come in.
 */
import type { SightingFeature, Source } from '../../domain/schemas';
import type { ImportResult } from '../../io/importTypes';
import { reportKey } from '../../io/reportKey';
import type { SightingSet } from '../sightingSets';

/** A report of the file whose id is loaded with other content. */
export interface Clash {
  /** Index into the result's features. */
  index: number;
  loaded: SightingFeature;
  incoming: SightingFeature;
  origin: 'bundled' | 'imported';
}

/** How a file's reports relate to what is loaded. */
export interface Matching {
  /** Indices of reports not loaded in any form. */
  fresh: number[];
  /** Reports loaded already, the same in every field an analyst reads. */
  same: number;
  clashes: Clash[];
}

/**
 * Sort a result's reports into new, already loaded and clashing.
 * @example matchLoaded(result, state.sightingSets, lookup) // { fresh: [0, 2], same: 1, clashes: [] }
 */
export function matchLoaded(result: ImportResult, sets: readonly SightingSet[], loadedSource: (id: string) => Source | undefined): Matching {
  const byId = new Map<string, { f: SightingFeature; origin: 'bundled' | 'imported' }>();
  for (const set of sets) {
    if (!set.features || (set.key !== 'bundled' && set.key !== 'imported')) continue;
    const origin = set.key;
    for (const f of set.features) if (!byId.has(f.properties.id)) byId.set(f.properties.id, { f, origin });
  }
  const fileSources = new Map(result.sources.map((s) => [s.id, s]));
  const incomingSource = (id: string) => fileSources.get(id) ?? loadedSource(id);
  const out: Matching = { fresh: [], same: 0, clashes: [] };
  result.features.forEach((f, index) => {
    const given = result.fileIds?.[index];
    const hit = (given ? byId.get(given) : undefined) ?? byId.get(f.properties.id);
    if (!hit) return out.fresh.push(index);
    if (reportKey(hit.f, loadedSource) === reportKey(f, incomingSource)) out.same++;
    else out.clashes.push({ index, loaded: hit.f, incoming: f, origin: hit.origin });
  });
  return out;
}

/**
 * An id for the file's version of a clashing report that no loaded report has.
 * @example separateId('imp-s-001', (id) => loaded.has(id), 'ab12') // 'imp-s-001' when free, else 'imp-s-001-ab12'
 */
export function separateId(id: string, taken: (id: string) => boolean, batch: string): string {
  if (!taken(id)) return id;
  for (let n = 1; ; n++) {
    const next = n === 1 ? `${id}-${batch}` : `${id}-${batch}-${n}`;
    if (!taken(next)) return next;
  }
}
