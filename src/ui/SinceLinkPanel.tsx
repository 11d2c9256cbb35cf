/**
 * "Since this link": opened by a link (or an analysis file) made with an earlier release of the data.
 * Says how many reports were added, corrected and withdrawn since, lists each (a click selects it and
 * flies there; a correction says which fields changed), rings them on the map, and can narrow the map
 * and the table to what changed. Sits in the strip above the map, like the notices.
 */
import { useState } from 'react';
import type { ReportChange, SinceRelease } from '../domain/releaseSince';
import { CHANGE_STYLE, css, type ChangeKind } from '../layers/style';
import { closeSince, showOnlyChanged, useSinceLink } from '../state/sinceLink/store';
import { actions, useStore } from '../state/store';
import './since-link.css';

const COLLECTION: Record<string, [string, string]> = {
  nodes: ['node', 'nodes'],
  rail: ['rail route', 'rail routes'],
  sea: ['sea route', 'sea routes'],
  areas: ['area', 'areas'],
  sources: ['source', 'sources'],
};
const n = (k: number, one: string, many: string) => `${k.toLocaleString('en-GB')} ${k === 1 ? one : many}`;

/** "Since this link: 20 reports added, 51 corrected, 0 withdrawn". */
export function sinceHeadline(s: SinceRelease, origin: 'link' | 'file'): string {
  return `Since this ${origin}: ${n(s.added.length, 'report', 'reports')} added, ${s.corrected.length.toLocaleString('en-GB')} corrected, ${s.withdrawn.length.toLocaleString('en-GB')} withdrawn`;
}

/** The other records' changes in one sentence ("14 nodes corrected, 3 withdrawn; 37 sources added"). */
function othersLine(s: SinceRelease): string | null {
  const parts = s.others.map((o) => {
    const [one, many] = COLLECTION[o.collection] ?? [o.collection, o.collection];
    const bits = [o.added ? `${o.added} added` : '', o.corrected ? `${o.corrected} corrected` : '', o.withdrawn ? `${o.withdrawn} withdrawn` : ''].filter(Boolean);
    return `${o.added + o.corrected + o.withdrawn === 1 ? one : many}: ${bits.join(', ')}`;
  });
  return parts.length ? `Also changed — ${parts.join('; ')}.` : null;
}

function ChangeList({ kind, items }: { kind: ChangeKind; items: readonly ReportChange[] }) {
  if (!items.length) return null;
  const go = (c: ReportChange) => {
    if (kind !== 'withdrawn') actions.select({ featureId: c.id });
    if (c.position) actions.flyTo(c.position[0], c.position[1]);
  };
  return (
    <section className="since-list" aria-label={`${CHANGE_STYLE[kind].label} (${items.length})`}>
      <h3>
        <span className="since-ring" style={{ borderColor: css(CHANGE_STYLE[kind].colour) }} aria-hidden="true" /> {kind[0]!.toUpperCase() + kind.slice(1)} ({items.length})
      </h3>
      <ul>
        {items.map((c) => (
          <li key={c.id} data-change={kind} data-id={c.id}>
            <button type="button" className="link" onClick={() => go(c)}>
              {c.date} · {c.name}
            </button>
            {c.fields.length > 0 && <span className="muted"> — {c.fields.join(', ')}</span>}
            {kind === 'withdrawn' && <span className="muted"> — no longer in the data</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

export function SinceLinkPanel() {
  const { since, origin } = useSinceLink();
  const only = useStore((s) => Boolean(s.filters.onlyIds));
  const [open, setOpen] = useState(false);
  if (!since || !origin) return null;
  const what = origin.kind === 'file' ? 'file' : 'link';
  const made = origin.kind === 'file' ? `${origin.name} was saved with` : 'The link was made with';
  const others = othersLine(since);
  return (
    <section className="since" aria-labelledby="since-h" data-testid="since-link">
      <div className="since-top">
        <h2 id="since-h" data-testid="since-summary">{sinceHeadline(since, what)}</h2>
        <button type="button" className="since-close" aria-label="Close what changed since the link" onClick={closeSince}>
          ×
        </button>
      </div>
      <p className="since-meta">
        {made} release {since.from.sequence} of the data ({since.from.version}, {since.from.released}); this page shows release {since.to.sequence} ({since.to.version},{' '}
        {since.to.released}). {others}
      </p>
      <div className="since-actions">
        <label>
          <input type="checkbox" checked={only} onChange={(e) => showOnlyChanged(e.currentTarget.checked)} /> Show only what changed (map and table)
        </label>
        <button type="button" aria-expanded={open} aria-controls="since-lists" onClick={() => setOpen(!open)}>
          {open ? 'Hide the list' : 'List the changes'}
        </button>
        <span className="since-legend" aria-hidden="true">
          {(['added', 'corrected', 'withdrawn'] as const).map((k) => (
            <span key={k}>
              <span className="since-ring" style={{ borderColor: css(CHANGE_STYLE[k].colour) }} /> {k}
            </span>
          ))}
        </span>
      </div>
      <div id="since-lists" className="since-lists" hidden={!open}>
        <ChangeList kind="added" items={since.added} />
        <ChangeList kind="corrected" items={since.corrected} />
        <ChangeList kind="withdrawn" items={since.withdrawn} />
        {since.added.length + since.corrected.length + since.withdrawn.length === 0 && <p className="muted">No report changed.</p>}
      </div>
    </section>
  );
}
