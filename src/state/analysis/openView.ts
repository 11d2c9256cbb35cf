/**
 * Opening the view a file was saved with: its permalink read by the link codec (so a file's view obeys
 * the same rules as a link), the filters the permalink had to leave out put back from the file's full
 * copy, and the data version checked like a link's ("since this file" when it is an earlier release).
 */
import type { SavedView } from '../../io/analysisFile';
import { dataVersionNotice, decodeHash } from '../../url';
import { ownReports } from '../own/reports';
import { explainOtherData } from '../sinceLink/explain';
import { actions } from '../store';
import { URL_DEFAULTS, applyUrlState, dataVersionNow } from '../urlSync';

/**
 * Put the saved view in the store: window, filters, layers, selection, corridor, scenario, indicator,
 * tab and camera. `ownInFile`: the ids of the own reports in the file; when they are every own report
 * now loaded, links name the file as the place they are in.
 * @example openSavedView(result.saved, 'corridor-analysis-2026-12-01.geojson', new Set(['own-mbx3k2-4f9a']))
 */
export function openSavedView(saved: SavedView, fileName: string, ownInFile: ReadonlySet<string>): void {
  const { state, notices } = decodeHash(saved.hash, URL_DEFAULTS);
  if (state.cut.includes('pub') && saved.publishers) state.pub = [...saved.publishers].sort();
  if (state.cut.includes('q') && saved.query !== null) state.q = saved.query;
  state.cut = [];
  applyUrlState(state, true);
  const ignored = notices.filter((n) => !n.startsWith('This view included imported data') && !n.startsWith('This link leaves out'));
  if (ignored.length) actions.notify('warning', `Parts of the view saved in ${fileName} could not be used and were ignored:`, ignored);
  const loaded = ownReports();
  if (loaded.length > 0 && loaded.every((f) => ownInFile.has(f.properties.id))) actions.setAnalysis({ file: fileName });
  actions.notify('info', `Opened the view saved in ${fileName}${saved.savedAt ? ` on ${saved.savedAt.slice(0, 10)}` : ''}.`);
  const now = dataVersionNow();
  const note = saved.dataVersion && now ? dataVersionNotice(saved.dataVersion, now) : null;
  if (note && saved.dataVersion && now) {
    void explainOtherData(saved.dataVersion, now, note.replace('This link was made', `${fileName} was saved`), { kind: 'file', name: fileName });
  }
}
