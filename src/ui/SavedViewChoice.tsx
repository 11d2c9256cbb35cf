/**
 * In the review of a file saved with its view (an analysis file, or one of our GeoJSON exports): what
 * the view is and when it was saved, and whether to open it once the file is imported.
 */
import { decodeHash } from '../url';
import { setOpenView, type ImportJob } from '../state/import';
import { URL_DEFAULTS, dataVersionNow } from '../state/urlSync';

export function SavedViewChoice({ job }: { job: ImportJob }) {
  const saved = job.result?.saved;
  if (!saved) return null;
  const v = decodeHash(saved.hash, URL_DEFAULTS).state;
  const now = dataVersionNow();
  const own = job.result?.features.filter((f) => f.properties.own === true).length ?? 0;
  const parts = [
    `window ${v.from} – ${v.to}`,
    ...(v.sel ? [`selection ${v.sel}`] : []),
    ...(v.cor ? [`corridor ${v.cor}`] : []),
    ...(v.sc ? [`scenario ${v.sc}`] : []),
    `the ${v.tab} tab`,
    'filters, layers and the map camera',
  ];
  return (
    <section className="dm-review-part" aria-label="Saved view">
      <h3>{saved.kind === 'analysis' ? 'An analysis file' : 'A Corridor Watch export'}</h3>
      <p data-testid="saved-view">
        Saved{saved.savedAt ? ` on ${saved.savedAt.slice(0, 10)}` : ''}
        {own > 0 ? ` with ${own === 1 ? 'one' : own.toLocaleString('en-GB')} of the analyst's own reports` : ''}, from a view with {parts.join(', ')}.
        {saved.dataVersion && now && saved.dataVersion !== now ? ` It was made with data version ${saved.dataVersion}; this page has ${now}.` : ''}
      </p>
      <label>
        <input type="checkbox" checked={job.openView} onChange={(e) => setOpenView(e.currentTarget.checked)} /> Open the saved view after importing
      </label>
    </section>
  );
}
