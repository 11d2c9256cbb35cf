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
  const sources = new Map(useStore.getState().importedSources);
  for (const s of result.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  let incoming = result.features;
  let p = parts ?? buildSetParts(incoming, sources);
  const current = importedSet();
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
    await yieldToPage();
    const now = { columns: current.columns, haystack: current.haystack, publishers: current.publishers, byDay: current.byDay };
    applyImported(current.features.concat(incoming), sources, appendParts(now, p));
  } else if (incoming.length) {
    await yieldToPage();
    applyImported(incoming, sources, p);
  }
  return { added: incoming.length, duplicates: result.features.length - incoming.length };
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
