/**
 * The analyst's own reports: written in the app, kept in the imported set beside imported files (so
 * every filter, metric and indicator takes them in like any other report) and saved in IndexedDB as one
 * batch of the import pipeline's index, rewritten whole on every change (they are typed by hand, so
 * few). A reload restores them with the other batches. When the browser cannot save them (no storage,
 * a full quota) they stay in the page, the analyst is told, and offered the analysis file instead.
 */
import type { SightingFeature, Source } from '../../domain/schemas';
import { importedFeatures, replaceImported } from '../import/importedSet';
import { OWN_BATCH_KEY, putBatch, unlistBatch } from '../import/persistence';
import { restoreImports } from '../import/restore';
import { actions, useStore } from '../store';

export { OWN_BATCH_KEY };

/** True for an analyst's own report. */
export const isOwn = (f: SightingFeature): boolean => f.properties.own === true;

/** The own reports now loaded, in the imported set's order. */
export function ownReports(): SightingFeature[] {
  return importedFeatures().filter(isOwn);
}

/** The sources `features` cite, from the imported sources (each once, in order of first citation). */
export function citedSources(features: readonly SightingFeature[]): Source[] {
  const all = useStore.getState().importedSources;
  const out = new Map<string, Source>();
  for (const f of features) for (const id of f.properties.sources) if (!out.has(id) && all.has(id)) out.set(id, all.get(id)!);
  return [...out.values()];
}

let saveAnalysisFile: () => void = () => {};
/** What the "save the analysis file" offer runs (set by the UI, which owns downloads). */
export function onSaveAnalysisOffer(run: () => void): void {
  saveAnalysisFile = run;
}

let failNotice: number | null = null;
let saving: Promise<boolean> = Promise.resolve(true);

/**
 * Save the own reports as they are now (after an analysis file brought some in, say); true when
 * IndexedDB took them. Saves run one after another; a failure is said, with the analysis file offered.
 */
export function saveOwnReports(): Promise<boolean> {
  saving = saving.then(async () => {
    // A saved own batch must be back in the page before it is rewritten, or it would be overwritten.
    await restoreImports();
    const own = ownReports();
    try {
      if (own.length) await putBatch(OWN_BATCH_KEY, own, citedSources(own));
      else await unlistBatch(OWN_BATCH_KEY);
    } catch {
      unsavedNow(own.length);
      return false;
    }
    savedNow();
    return true;
  });
  return saving;
}

function unsavedNow(n: number): void {
  actions.setAnalysis({ unsaved: n > 0 });
  if (n === 0) return;
  if (failNotice !== null) actions.dismissNotice(failNotice);
  failNotice = actions.notify(
    'warning',
    `Your ${n === 1 ? 'report' : `${n} reports`} could not be saved in this browser (its storage is full or not available). ` +
      (n === 1 ? 'It stays in this page until you close it: save the analysis file to keep it.' : 'They stay in this page until you close it: save the analysis file to keep them.'),
    undefined,
    { label: 'Save analysis file', run: () => saveAnalysisFile() },
  );
}

function savedNow(): void {
  if (!useStore.getState().analysis.unsaved) return;
  actions.setAnalysis({ unsaved: false });
  if (failNotice !== null) actions.dismissNotice(failNotice);
  failNotice = null;
  actions.notify('info', 'Your reports are now saved in this browser.');
}

/** Any change to the own reports: the analysis file saved before no longer holds them as they are. */
function changed(): void {
  if (useStore.getState().analysis.file) actions.setAnalysis({ file: null });
}

/**
 * Add an own report, or replace the one with id `replaces` (an edit). It is in the page at once (the
 * metrics follow within a second); saving in IndexedDB follows. Resolves with whether it was saved.
 * @example await putOwnReport(feature, sources) // true once IndexedDB has it
 */
export function putOwnReport(feature: SightingFeature, sources: readonly Source[], replaces?: string): Promise<boolean> {
  const drop = new Set([feature.properties.id, ...(replaces ? [replaces] : [])]);
  replaceImported(drop, [feature], sources);
  changed();
  return saveOwnReports();
}

/** Remove an own report (here and in IndexedDB). Resolves with whether the removal was saved. */
export function removeOwnReport(id: string): Promise<boolean> {
  replaceImported(new Set([id]), [], []);
  if (useStore.getState().selection.featureId === id) actions.clearSelection();
  changed();
  return saveOwnReports();
}

/** Whether leaving the page now would lose own reports (not in IndexedDB, nor in a saved file). */
export function wouldLoseReports(): boolean {
  const a = useStore.getState().analysis;
  return a.unsaved && a.file === null;
}
