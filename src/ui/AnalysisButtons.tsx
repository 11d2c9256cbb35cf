/**
 * The analyst's loop in the top bar: add a report (the form), save the analysis file (every own and
 * imported report with the view's link), open one (or drop it on the window: the import reads it and
 * offers its view). Also keeps the page from closing silently over reports the browser could not save.
 */
import { useEffect, useRef } from 'react';
import { useImportJob } from '../state/import';
import { openNewReport, useReportForm } from '../state/own/form';
import { onSaveAnalysisOffer, wouldLoseReports } from '../state/own/reports';
import { actions } from '../state/store';
import { downloadFile } from './ExportMenu';
import { ImportFileInput } from './ImportControls';
import './analyst.css';

/** Write and download the analysis file (the code is loaded on first use). */
export async function saveAnalysis(): Promise<void> {
  try {
    const { analysisFile } = await import('../state/analysis/save');
    const file = analysisFile(new Date());
    downloadFile(file);
    actions.notify('info', `Saved the analysis as ${file.fileName}: your own and imported reports, with the link to this view.`);
  } catch (e) {
    actions.notify('error', `The analysis could not be saved: ${e instanceof Error ? e.message : String(e)}`);
  }
}

export function AnalysisButtons() {
  const input = useRef<HTMLInputElement>(null);
  const busy = useImportJob((j) => j.phase !== 'idle');
  const formOpen = useReportForm((f) => f.open);
  useEffect(() => {
    onSaveAnalysisOffer(() => void saveAnalysis());
    const onLeave = (e: BeforeUnloadEvent) => {
      if (!wouldLoseReports()) return;
      e.preventDefault();
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);
  return (
    <>
      <button type="button" aria-pressed={formOpen} onClick={openNewReport}>
        Add report
      </button>
      <button type="button" onClick={() => void saveAnalysis()}>
        Save analysis
      </button>
      <button type="button" disabled={busy} onClick={() => input.current?.click()}>
        Open analysis
      </button>
      <ImportFileInput inputRef={input} accept=".geojson,.json" label="Choose an analysis file to open" testId="open-analysis-file" />
    </>
  );
}
