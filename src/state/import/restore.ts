/**
 * Imports saved in this browser come back at start-up, after the bundled data; removing them clears
 * the store and IndexedDB. A link made from a view with imported reports says so only when this
 * browser does not have them: after a plain reload they are restored and nothing needs saying.
 */
import { actions, useStore } from '../store';
import { appendImported, applyImported, importedFeatures, mergeImported } from './importedSet';
import { clearSaved, parseStored, readSaved, restored, saveHere } from './persistence';
import { startWorker } from './client';

/** Remove every imported report and source, here and in IndexedDB. */
export async function removeImports(): Promise<void> {
  const n = importedFeatures().length;
  const selected = useStore.getState().selection.featureId;
  applyImported([], new Map());
  if (selected?.startsWith('imp-')) actions.clearSelection();
  actions.notify('info', `Removed ${n.toLocaleString('en-GB')} imported report${n === 1 ? '' : 's'}.`);
  try {
    await clearSaved();
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
let restoredCount: number | null = null;

const LINK_NOTE = 'This link was made from a view that included imported reports, which are not in this browser: a link cannot carry them.';

/**
 * The opened link was made from a view with imported reports: say so once restoring shows that none
 * are here (a plain reload restores them, and then nothing is said).
 */
export function linkHadImports(): void {
  linkNamedImports = true;
  if (restoredCount === 0) actions.notify('info', LINK_NOTE);
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
  restoredCount = importedFeatures().length;
  if (linkNamedImports && restoredCount === 0) actions.notify('info', LINK_NOTE);
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

const droppedNotice = (n: number) =>
  actions.notify('warning', `${n} saved imported report${n === 1 ? '' : 's'} could not be read back and were left out.`);

/** Version 2: the import worker reads each saved batch back and validates it, one after another. */
async function restoreBatches(keys: string[]): Promise<void> {
  await dataLoaded();
  let dropped = 0;
  const kept: string[] = [];
  for (const key of keys) {
    const outcome = await startWorker({ restoreKey: key }, () => {}).done;
    if (outcome.type !== 'ready' || outcome.result.features.length === 0) continue;
    dropped += outcome.result.total - outcome.result.features.length;
    await appendImported(outcome.result, outcome.parts);
    kept.push(key);
  }
  restored(kept);
  if (dropped > 0) droppedNotice(dropped);
}
