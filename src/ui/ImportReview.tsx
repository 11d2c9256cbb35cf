/**
 * The review of a parsed file: how it was read (format, dialect, dates) with the file-wide choices,
 * how its reports relate to what is loaded ("106 already loaded, 0 new"), the rows left out, what is
 * odd row by row, clashes to decide, and reports outside the time window with a button that widens
 * it. Every value from the file is shown as text.
 */
import type { ReactNode } from 'react';
import {
  countsLine,
  keepImport,
  outsideWindow,
  problemLines,
  refuseImport,
  setImportChoice,
  takeClash,
  widenWindow,
  windowLine,
  type ImportJob,
} from '../state/import';
import { useStore } from '../state/store';
import { Dialog } from './ImportExportDialog';
import { SavedViewChoice } from './SavedViewChoice';

const fmt = (n: number) => n.toLocaleString('en-GB');
const CONFIDENCE_LEVELS = ['high', 'moderate', 'low'] as const;
/** Clashes listed one by one; more are counted. */
const CLASH_ROWS = 50;

function Section(props: { title: string; children: ReactNode; label?: string }) {
  return (
    <section className="dm-review-part" aria-label={props.label ?? props.title}>
      <h3>{props.title}</h3>
      {props.children}
    </section>
  );
}

/** The file-wide choices: confidence for a file that has none, the day/month order when undecided. */
function Choices({ job }: { job: ImportJob }) {
  const c = job.result?.readAs?.choices;
  if (!c?.confidence && !(c?.dateOrder && !c.dateOrder.decided)) return null;
  return (
    <div className="dm-choices">
      {c.confidence && (
        <label>
          Confidence of every report in this file{' '}
          <select value={c.confidence.value} onChange={(e) => void setImportChoice({ confidence: e.currentTarget.value as (typeof CONFIDENCE_LEVELS)[number] })}>
            {CONFIDENCE_LEVELS.map((l) => (
              <option key={l} value={l}>
                {l}
                {l === 'moderate' ? ' (default)' : ''}
              </option>
            ))}
          </select>
        </label>
      )}
      {c.dateOrder && !c.dateOrder.decided && (
        <label>
          Read 05/11/2024 as{' '}
          <select value={c.dateOrder.value} onChange={(e) => void setImportChoice({ dateOrder: e.currentTarget.value === 'mdy' ? 'mdy' : 'dmy' })}>
            <option value="dmy">5 November 2024 (day first)</option>
            <option value="mdy">11 May 2024 (month first)</option>
          </select>
        </label>
      )}
    </div>
  );
}

/** The review dialog (rendered by `ImportDialog` while the job is in review). */
export function ImportReview({ job }: { job: ImportJob }) {
  const filters = useStore((s) => s.filters);
  const r = job.result!;
  const m = job.matching!;
  const unit = job.format === 'geojson' ? 'features' : 'rows';
  const fresh = m.fresh.map((i) => r.features[i]!);
  const taken = new Set(job.takeClashes);
  const outside = outsideWindow([...fresh, ...m.clashes.filter((c) => taken.has(c.index)).map((c) => c.incoming)], filters.from, filters.to);
  const windowText = windowLine(outside);
  const keep = m.fresh.length + job.takeClashes.length;
  const problems = problemLines(r, job.format);
  const remarks = problemLines(r, job.format, 50, 'remarks');
  return (
    <Dialog key="review" title={`Review ${job.fileName}`} onClose={refuseImport} className="dm-import dm-review">
      <p data-testid="import-read-as">
        Read as {r.readAs?.label ?? 'a file of reports'}: {fmt(r.total)} {unit}.
      </p>
      {r.readAs && r.readAs.notes.length > 0 && (
        <ul className="dm-notes" aria-label="How the file was read">
          {r.readAs.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
      <Choices job={job} />
      <SavedViewChoice job={job} />
      <p data-testid="import-counts">
        <strong>{countsLine(r, m, job.format)}.</strong>
      </p>
      {problems.length > 0 && (
        <Section title={`Left out (${fmt(new Set(r.problems.map((p) => p.row)).size)})`}>
          <ul className="dm-problems" aria-label="Problems found">
            {problems.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Section>
      )}
      {remarks.length > 0 && (
        <Section title="Worth a look (imported as they are)">
          <ul className="dm-problems dm-remarks" aria-label="Remarks">
            {remarks.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </Section>
      )}
      {m.clashes.length > 0 && (
        <Section title={`Same id as a loaded report, other content (${fmt(m.clashes.length)})`} label="Clashes">
          <p className="dm-hint">The loaded report stays. Tick a row to import the file's version beside it, under an id of its own.</p>
          <ul className="dm-clashes">
            {m.clashes.slice(0, CLASH_ROWS).map((c) => (
              <li key={c.index}>
                <label>
                  <input type="checkbox" checked={taken.has(c.index)} onChange={(e) => takeClash(c.index, e.currentTarget.checked)} />{' '}
                  {c.loaded.properties.id} ({c.origin}): “{c.loaded.properties.name}” {c.loaded.properties.date} → file: “{c.incoming.properties.name}”{' '}
                  {c.incoming.properties.date}, {c.incoming.properties.confidence}
                </label>
              </li>
            ))}
          </ul>
          {m.clashes.length > CLASH_ROWS && <p className="dm-hint">…and {fmt(m.clashes.length - CLASH_ROWS)} more.</p>}
        </Section>
      )}
      {windowText && (
        <p className="dm-window" data-testid="import-window">
          {windowText}{' '}
          <button type="button" onClick={() => widenWindow(outside.widened)}>
            Widen the window to {outside.widened.from} – {outside.widened.to}
          </button>
        </p>
      )}
      <div className="dm-actions">
        <button type="button" className="dm-primary" data-autofocus onClick={() => void keepImport()}>
          {keep > 0 ? `Import ${fmt(keep)} new report${keep === 1 ? '' : 's'}` : r.saved && job.openView ? 'Nothing new: open the view' : 'Nothing new: close'}
        </button>
        <button type="button" onClick={refuseImport}>
          Refuse the whole file
        </button>
      </div>
    </Dialog>
  );
}
