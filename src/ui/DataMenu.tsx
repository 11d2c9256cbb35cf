/**
 * Import, export and the analyst brief (buttons in the top bar), with the dialogs and the drop zone
 * they open. Restores imports saved in this browser on first render.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { restoreImports } from '../state/import';
import { AnalysisButtons } from './AnalysisButtons';
import { ExportMenu } from './ExportMenu';
import { ImportButtons, ImportDialog, ImportDropZone } from './ImportControls';
import './data-menu.css';

// The brief is loaded when first opened: it is not needed for the first map frame.
const BriefDialog = lazy(() => import('./BriefDialog').then((m) => ({ default: m.BriefDialog })));

/** The data menu of the top bar. */
export function DataMenu() {
  const [brief, setBrief] = useState(false);
  useEffect(() => {
    void restoreImports();
  }, []);
  return (
    <div className="dm-bar" role="group" aria-label="Import, export and brief">
      <AnalysisButtons />
      <ImportButtons />
      <ExportMenu />
      <button type="button" aria-haspopup="dialog" aria-label="Analyst brief" onClick={() => setBrief(true)}>
        <span className="dm-wide">Analyst brief</span>
        <span className="dm-narrow">Brief</span>
      </button>
      {brief && (
        <Suspense fallback={null}>
          <BriefDialog onClose={() => setBrief(false)} />
        </Suspense>
      )}
      <ImportDialog />
      <ImportDropZone />
    </div>
  );
}
