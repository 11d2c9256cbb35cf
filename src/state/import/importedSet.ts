/**
 * The `imported` sighting set in the store: replace it, or append a parsed file to it in linear time
 * (reports already there are skipped; the worker's precomputed parts are appended, not rebuilt).
 */
import type { SightingFeature, Source } from '../../domain/schemas';
import type { ImportResult } from '../../io/importRecord';
import { yieldToPage } from './client';
import { appendParts, buildSetParts, subsetParts, type SetParts } from '../setParts';
import { makeSet, type SightingSet } from '../sightingSets';
import { actions, useStore } from '../store';

/** The imported set, if any. */
export const importedSet = (): SightingSet | undefined => useStore.getState().sightingSets.find((s) => s.key === 'imported');

/** The imported features (empty when none). */
export const importedFeatures = (): readonly SightingFeature[] => importedSet()?.features ?? [];

/** Puts features and sources in the store as the `imported` set (or removes the set when empty). */
export function applyImported(features: readonly SightingFeature[], sources: ReadonlyMap<string, Source>, parts?: SetParts): void {
  useStore.setState({ importedSources: sources });
  if (features.length) actions.putSightingSet(makeSet('imported', features, sources, parts));
  else actions.removeSightingSet('imported');
}

/**
 * Append a parsed result to the imported set, skipping reports whose id is already there. `parts` are
 * the result's precomputed set parts (from the worker); without them they are built here.
 */
export async function appendImported(result: ImportResult, parts?: SetParts): Promise<{ added: number; duplicates: number }> {
  const current = importedSet();
  const sources = new Map(useStore.getState().importedSources);
  for (const s of result.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  let incoming = result.features;
  let p = parts ?? buildSetParts(incoming, sources);
  if (current?.features && current.haystack && current.publishers) {
    const ids = new Set(current.columns.ids);
    const keep: number[] = [];
    p.columns.ids.forEach((id, i) => {
      if (!ids.has(id)) keep.push(i);
    });
    if (keep.length < incoming.length) {
      p = subsetParts(p, Uint32Array.from(keep));
      incoming = keep.map((i) => result.features[i]!);
    }
    if (incoming.length === 0) return { added: 0, duplicates: result.features.length };
  }
  // The page gets a frame between the matching above and the append below (each is a long step at
  // 500,000 rows). If the set changed meanwhile (an own report saved while saved files are restored),
  // start again from it rather than overwrite it with a stale copy.
  await yieldToPage();
  // (Sources change only with the set, so the set alone says whether anything changed.)
  if (importedSet() !== current) return appendImported(result, parts);
  if (current?.features && current.haystack && current.publishers) {
    const now = { columns: current.columns, haystack: current.haystack, publishers: current.publishers, byDay: current.byDay };
    applyImported(current.features.concat(incoming), sources, appendParts(now, p));
  } else if (incoming.length) {
    applyImported(incoming, sources, p);
  }
  return { added: incoming.length, duplicates: result.features.length - incoming.length };
}

/**
 * Take the reports with ids in `drop` out of the imported set and append `add` (an edited report goes
 * out and comes back in its new form): the kept rows' parts are carried over, only `add` is built, so
 * the cost is linear in the set. Sources of `addSources` join the imported sources.
 * @example replaceImported(new Set(['own-abc']), [edited], editedSources)
 */
export function replaceImported(drop: ReadonlySet<string>, add: readonly SightingFeature[], addSources: readonly Source[]): void {
  const sources = new Map(useStore.getState().importedSources);
  for (const s of addSources) sources.set(s.id, s);
  const current = importedSet();
  const features = current?.features ?? [];
  const keep: number[] = [];
  features.forEach((f, i) => {
    if (!drop.has(f.properties.id)) keep.push(i);
  });
  const added = add.length ? buildSetParts(add, sources) : null;
  const now: SetParts | null =
    current?.haystack && current.publishers ? { columns: current.columns, haystack: current.haystack, publishers: current.publishers, byDay: current.byDay } : null;
  const kept = now ? (keep.length === features.length ? now : subsetParts(now, Uint32Array.from(keep))) : null;
  const parts = kept && added ? appendParts(kept, added) : (kept ?? added ?? undefined);
  applyImported(keep.map((i) => features[i]!).concat(add), sources, parts);
}

/**
 * Append imported features to those already imported: features whose id is already there are skipped
 * (the same file imported twice), sources merged by id. Inputs are not mutated.
 */
export function mergeImported(
  current: readonly SightingFeature[],
  currentSources: ReadonlyMap<string, Source>,
  incoming: readonly SightingFeature[],
  incomingSources: readonly Source[],
): { features: SightingFeature[]; sources: Map<string, Source>; added: number; duplicates: number } {
  const ids = new Set(current.map((f) => f.properties.id));
  const features = [...current];
  let duplicates = 0;
  for (const f of incoming) {
    if (ids.has(f.properties.id)) duplicates++;
    else {
      ids.add(f.properties.id);
      features.push(f);
    }
  }
  const sources = new Map(currentSources);
  for (const s of incomingSources) if (!sources.has(s.id)) sources.set(s.id, s);
  return { features, sources, added: features.length - current.length, duplicates };
}
