/**
 * Imports saved in this browser come back at start-up, after the bundled data; removing them clears
 * the store and IndexedDB. A link made from a view with imported reports says so only when this
 * browser does not have them: after a plain reload they are restored and nothing needs saying.
 */
import { actions, useStore } from '../store';
import { appendImported, applyImported, importedFeatures, mergeImported } from './importedSet';
import type { Source } from '../../domain/schemas';
import { readStoredBatch, type StoredBatch } from '../../io/storedBatch';
import { OWN_BATCH_KEY, clearSaved, parseStored, readBatchHere, readSaved, restored, saveHere } from './persistence';
import { startWorker } from './client';

/**
 * Remove every imported report and source, here and in IndexedDB. The analyst's own reports stay
 * (they are removed one by one): importing files and writing reports are different work.
 */
export async function removeImports(): Promise<void> {
  const all = importedFeatures();
  const own = all.filter((f) => f.properties.own === true);
  const n = all.length - own.length;
  const selected = useStore.getState().selection.featureId;
  const sources = useStore.getState().importedSources;
  const cited = new Map<string, Source>();
  for (const f of own) for (const id of f.properties.sources) if (sources.has(id)) cited.set(id, sources.get(id)!);
  applyImported(own, cited);
  if (selected?.startsWith('imp-')) actions.clearSelection();
  actions.notify('info', `Removed ${n.toLocaleString('en-GB')} imported report${n === 1 ? '' : 's'}.`);
  try {
    await clearSaved([OWN_BATCH_KEY]);
  } catch {
    // Nothing stored (or no IndexedDB): nothing to remove.
  }
}

/** Resolves once the bundled data is in the store (loading it replaces the sighting sets). */
function dataLoaded(): Promise<void> {
  if (useStore.getState().data) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = useStore.subscribe((s) => {
      if (!s.data) return;
      stop();
      resolve();
    });
  });
}

let restoring: Promise<void> | null = null;
let linkNamedImports = false;
let linkFile: string | null = null;
let restoredCount: number | null = null;
let restoredOwn: number | null = null;

const LINK_NOTE = 'This link was made from a view that included imported reports, which are not in this browser: a link cannot carry them.';

/**
 * What a colleague without the link's own reports is told: which analysis file holds them.
 * @example fileNote('corridor-analysis-2026-12-01.geojson') // 'This view includes the analyst's own reports from corridor-analysis-2026-12-01.geojson …'
 */
export const fileNote = (file: string) =>
  `This view includes the analyst's own reports from ${file}, which are not in this browser: open that file (Open analysis) to see them.`;

/**
 * The opened link was made from a view with imported reports (and, with `file`, own reports saved in
 * that analysis file): say so once restoring shows that none are here (a plain reload restores them,
 * and then nothing is said).
 */
export function linkHadImports(file: string | null = null): void {
  linkNamedImports = true;
  linkFile = file;
  if (restoredCount !== null) tellLink();
}

function tellLink(): void {
  if (linkFile && restoredOwn === 0) actions.notify('info', fileNote(linkFile));
  else if (linkNamedImports && restoredCount === 0) actions.notify('info', LINK_NOTE);
}

/**
 * Load persisted imports at start-up (after the bundled data), appending to anything imported
 * meanwhile. Runs once however often it is called.
 */
export function restoreImports(): Promise<void> {
  restoring ??= restore().then(
    () => settle(),
    () => settle(),
  );
  return restoring;
}

function settle(): void {
  const all = importedFeatures();
  restoredCount = all.length;
  restoredOwn = all.filter((f) => f.properties.own === true).length;
  if (linkNamedImports) tellLink();
}

async function restore(): Promise<void> {
  let saved: Awaited<ReturnType<typeof readSaved>>;
  try {
    saved = await readSaved();
  } catch {
    return;
  }
  if (!saved) return;
  if ('keys' in saved) return restoreBatches(saved.keys);
  const stored = parseStored(saved.legacy);
  if (!stored || stored.features.length === 0) return;
  await dataLoaded();
  const m = mergeImported(stored.features, useStore.getState().importedSources, importedFeatures(), []);
  const sources = new Map(m.sources);
  for (const s of stored.sources) if (!sources.has(s.id)) sources.set(s.id, s);
  applyImported(m.features, sources);
  if (stored.dropped > 0) droppedNotice(stored.dropped);
  try {
    await saveHere(stored.features, stored.sources, 'v1');
  } catch {
    // Left as version 1; read again next time.
  }
}

/**
 * A saved batch read in the page, for when the import worker failed (it could not start, or crashed):
 * what is saved is not lost with the worker.
 */
async function readHere(key: string): Promise<ReturnType<typeof readStoredBatch> | null> {
  try {
    const stored = (await readBatchHere(key)) as StoredBatch | undefined;
    return stored ? readStoredBatch(stored) : null;
  } catch {
    return null;
  }
}

const droppedNotice = (n: number) =>
  actions.notify('warning', `${n} saved imported report${n === 1 ? '' : 's'} could not be read back and were left out.`);

/** Version 2: the import worker reads each saved batch back and validates it, one after another. */
async function restoreBatches(keys: string[]): Promise<void> {
  await dataLoaded();
  let dropped = 0;
  const kept: string[] = [];
  // The own reports first: their saved batch is the one copy that edits and removals change.
  const ordered = [...keys.filter((k) => k === OWN_BATCH_KEY), ...keys.filter((k) => k !== OWN_BATCH_KEY)];
  for (const key of ordered) {
    const outcome = await startWorker({ restoreKey: key }, () => {}).done;
    const result = outcome.type === 'ready' ? outcome.result : await readHere(key);
    if (!result || result.features.length === 0) continue;
    dropped += result.total - result.features.length;
    await appendImported(result, outcome.type === 'ready' ? outcome.parts : undefined);
    kept.push(key);
  }
  restored(kept);
  if (dropped > 0) droppedNotice(dropped);
}
