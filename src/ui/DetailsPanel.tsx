/**
 * Details of the selected feature with its citations. Every value from data is rendered as text by
 * React (never as HTML); source links open in a new tab without access to this page.
 */
import { useShallow } from 'zustand/react/shallow';
import type { Source } from '../domain/schemas';
import { CATEGORY_STYLE, NODE_STYLE } from '../layers/style';
import { actions, useStore } from '../state/store';
import { findSighting } from '../state/sightingSets';
import { sightingAt } from '../state/derived';
import { safeHttpUrl } from './safeUrl';
import { OwnReportActions } from './OwnReportActions';

function Row({ k, v }: { k: string; v: string | number | undefined | null }) {
  if (v === undefined || v === null || v === '') return null;
  return (
    <>
      <dt>{k}</dt>
      <dd>{v}</dd>
    </>
  );
}

function Sources({ ids, lookup }: { ids: readonly string[]; lookup: (id: string) => Source | undefined }) {
  return (
    <section aria-label="Sources">
      <h3>Sources</h3>
      <ol className="sources">
        {ids.map((id) => {
          const s = lookup(id);
          if (!s) return <li key={id}>{id} (not in the source list)</li>;
          const href = safeHttpUrl(s.url);
          return (
            <li key={id}>
              <span className="publisher">{s.publisher}</span>, <span className="title">{s.title}</span>
              {s.date && <span className="muted"> ({s.date})</span>}
              <span className="muted"> · {s.kind}</span>
              {href ? (
                <>
                  {' '}
                  <a href={href} target="_blank" rel="noopener noreferrer">
                    open source ↗
                  </a>
                </>
              ) : s.url ? (
                <span className="muted"> · {s.url}</span>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

export function DetailsPanel() {
  const { id, data, sets, extraSources, stack, unsaved } = useStore(
    useShallow((s) => ({
      id: s.selection.featureId, data: s.data, sets: s.sightingSets, extraSources: s.importedSources, stack: s.ui.stackKey, unsaved: s.analysis.unsaved,
    })),
  );
  if (!id && stack) return null;
  if (!id) return <p className="muted">Click a sighting, node, route or area on the map (or a row in the table) to see its details and sources.</p>;
  const lookup = (sid: string) => data?.sources.get(sid) ?? extraSources.get(sid);
  const f = data?.byId.get(id);
  const hit = f ? null : findSighting(sets, id);
  const feature = f ?? (hit ? sightingAt(hit.set, hit.index) : null);
  if (!feature) return <p>Nothing with the id “{id}” is loaded.</p>;
  const p = feature.properties;
  return (
    <article className="details" aria-labelledby="details-h">
      <header className="details-head">
        <h2 id="details-h">{p.name}</h2>
        <button type="button" aria-label="Clear selection (Escape)" onClick={() => actions.clearSelection()}>
          ×
        </button>
      </header>
      {'own' in p && p.own && (
        <>
          <p className="own-line">
            <span className="own-badge">own</span>{' '}
            {unsaved
              ? 'Your own report: this browser could not save it, so it is only in this page and in an analysis file you save.'
              : 'Your own report: it is saved in this browser and in the analysis file you save.'}
          </p>
          <OwnReportActions id={p.id} name={p.name} />
        </>
      )}
      {'summary' in p && <p className="summary">{p.summary}</p>}
      <dl>
        {'category' in p && (
          <>
            <Row k="Date" v={p.dateEnd ? `${p.date} – ${p.dateEnd}` : p.date} />
            <Row k="Category" v={CATEGORY_STYLE[p.category].label} />
            <Row k="Confidence" v={p.confidence} />
            <Row k="Location" v={`${p.location}${p.location === 'region' ? ' (only the region is known)' : ''}`} />
            <Row k="Quantity" v={p.quantity ? `${p.quantity.approx ? '~' : ''}${p.quantity.value.toLocaleString('en-GB')} ${p.quantity.unit.replace('-', ' ')}` : undefined} />
            {p.synthetic && <Row k="Data" v="Synthetic benchmark point — not a report" />}
            {p.imported && <Row k="Data" v={p.own ? "The analyst's own report (written in this app)" : 'Imported by you'} />}
          </>
        )}
        {'kind' in p && <Row k="Kind" v={p.kind in NODE_STYLE ? NODE_STYLE[p.kind as keyof typeof NODE_STYLE].label : p.kind} />}
        {'mode' in p && (
          <>
            <Row k="Mode" v={p.mode} />
            <Row k="Role" v={p.role.join(', ')} />
            <Row k="From → to" v={`${data?.byId.get(p.from)?.properties.name ?? p.from} → ${data?.byId.get(p.to)?.properties.name ?? p.to}`} />
            <Row k="Via" v={p.via.length ? `${p.via.length} stations/ports` : undefined} />
          </>
        )}
        {'period' in p && p.period && <Row k="Period" v={`${p.period.from} – ${p.period.to ?? 'ongoing'}`} />}
        {'country' in p && <Row k="Country" v={p.country} />}
        {'accuracy' in p && <Row k="Geometry" v={p.accuracy} />}
        <Row k="Id" v={p.id} />
      </dl>
      {'note' in p && p.note && <p className="note">{p.note}</p>}
      <Sources ids={p.sources} lookup={lookup} />
    </article>
  );
}
