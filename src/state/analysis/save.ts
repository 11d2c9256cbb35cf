/**
 * "Save analysis": every own and imported report (whatever the filters show: the file is the
 * workspace, not the view) with its citations, the view's permalink (which names this file, so a
 * colleague opening the link without it is told where the own reports are) and the data version.
 * Loaded with the export code, on first use.
 */
import { analysisFileName, exportAnalysis } from '../../io/analysisFile';
import { exportMetaOf, sourceLookup, withCitations, type ExportFile } from '../exports';
import { importedFeatures } from '../import/importedSet';
import { actions, useStore } from '../store';
import { currentPermalink, dataVersionNow } from '../urlSync';

/**
 * The analysis file of the workspace as it is now. Marks the own reports as held by it, so links made
 * from now on (and the permalink inside it) name the file, until an own report changes.
 * @example downloadFile(analysisFile(new Date()))
 */
export function analysisFile(now: Date): ExportFile {
  const fileName = analysisFileName(now.toISOString());
  const reports = importedFeatures();
  const own = reports.filter((f) => f.properties.own === true).length;
  actions.setAnalysis({ file: own > 0 ? fileName : null });
  const state = useStore.getState();
  const meta = exportMetaOf(state, currentPermalink(), now, dataVersionNow());
  const lookup = sourceLookup(state);
  const text = exportAnalysis(reports.map((f) => withCitations(f, lookup)), { ...meta, file: fileName, own, imported: reports.length - own });
  return { fileName, mime: 'application/geo+json', text };
}
