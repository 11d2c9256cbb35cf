/**
 * Importing reports: the "Import reports" button with its file picker, a drop zone over the whole
 * window, the progress dialog while the worker parses, and the review (`ImportReview.tsx`).
 */
import { lazy, Suspense, useEffect, useRef, useState, type RefObject } from 'react';
import { cancelImport, importFile, removeImports, useImportJob } from '../state/import';
import { useStore } from '../state/store';
import { Dialog } from './ImportExportDialog';

// The review is loaded when a file first needs one: it is not part of the first map frame.
const ImportReview = lazy(() => import('./ImportReview').then((m) => ({ default: m.ImportReview })));

const ACCEPT = '.csv,.tsv,.txt,.geojson,.json';
const fmt = (n: number) => n.toLocaleString('en-GB');

/**
 * A hidden file input whose file goes to the import (a button opens it through `inputRef`). Its value is
 * cleared on every choice, so choosing the same file again imports it again.
 * @example <ImportFileInput inputRef={ref} accept=".csv" label="Choose a file" testId="import-file" />
 */
export function ImportFileInput(props: { inputRef: RefObject<HTMLInputElement | null>; accept: string; label: string; testId: string }) {
  return (
    <input
      ref={props.inputRef}
      type="file"
      accept={props.accept}
      className="sr-only"
      tabIndex={-1}
      aria-label={props.label}
      data-testid={props.testId}
      onChange={(e) => {
        const file = e.currentTarget.files?.[0];
        e.currentTarget.value = '';
        if (file) void importFile(file);
      }}
    />
  );
}

/** The button that opens the file picker, and (when there are imports) the one that removes them. */
export function ImportButtons() {
  const input = useRef<HTMLInputElement>(null);
  const busy = useImportJob((j) => j.phase !== 'idle');
  const imported = useStore((s) => s.sightingSets.find((x) => x.key === 'imported')?.columns.length ?? 0);
  return (
    <>
      <button type="button" aria-label="Import reports" onClick={() => input.current?.click()} disabled={busy}>
        Import<span className="dm-wide"> reports</span>
      </button>
      <ImportFileInput inputRef={input} accept={ACCEPT} label="Choose a CSV or GeoJSON file of reports to import" testId="import-file" />
      {imported > 0 && (
        <button
          type="button"
          aria-label={`Remove imported reports (${fmt(imported)})`}
          onClick={() => {
            if (window.confirm(`Remove all ${fmt(imported)} imported reports from this browser?`)) void removeImports();
          }}
        >
          Remove<span className="dm-wide"> imported reports</span> ({fmt(imported)})
        </button>
      )}
    </>
  );
}

const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer && [...e.dataTransfer.types].includes('Files'));

/** Drop a file anywhere on the window to import it; an overlay shows while a file is dragged over. */
export function ImportDropZone() {
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      const file = e.dataTransfer?.files[0];
      if (file) void importFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, []);
  if (!over) return null;
  return (
    <div className="dm-drop" role="status" aria-live="polite">
      <p>Drop a CSV or GeoJSON file of reports to import it</p>
    </div>
  );
}

/** Progress while a file is read and parsed; the review of a parsed file. */
export function ImportDialog() {
  const job = useImportJob();
  if (job.phase === 'idle') return null;
  if (job.phase === 'review' && job.result && job.matching) {
    return (
      <Suspense fallback={null}>
        <ImportReview job={job} />
      </Suspense>
    );
  }
  const known = job.total > 0;
  return (
    <Dialog key="progress" title={`Importing ${job.fileName}`} onClose={cancelImport} className="dm-import">
      <label className="dm-progress">
        <span>{job.phase === 'reading' ? 'Reading the file…' : known ? `Checked ${fmt(job.done)} of about ${fmt(job.total)} records` : 'Checking records…'}</span>
        <progress max={known ? job.total : undefined} value={known ? job.done : undefined} />
      </label>
      <div className="dm-actions">
        <button type="button" data-autofocus onClick={cancelImport}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
