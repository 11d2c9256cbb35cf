/**
 * The sightings behind an indicator (latest first): name and date as text, a click selects one. Ids
 * are resolved against the bundled data and every sighting set (imported, synthetic).
 */
import { useShallow } from 'zustand/react/shallow';
import { sightingAt } from '../state/derived';
import { findSighting } from '../state/sightingSets';
import { actions, useStore } from '../state/store';

/** Evidence for one indicator: `ids` as returned (at most 50), `total` matching sightings. */
export function EvidenceList(props: { ids: readonly string[]; total: number }) {
  const { sets, featureId } = useStore(useShallow((s) => ({ sets: s.sightingSets, featureId: s.selection.featureId })));
  if (!props.ids.length) return <p className="muted">No sightings behind this value in its window.</p>;
  return (
    <div className="evidence">
      <h5 id="evidence-h">
        Evidence: {props.total} sighting{props.total === 1 ? '' : 's'}{props.total > props.ids.length ? ` (latest ${props.ids.length} listed)` : ''}, ringed in magenta on the map
      </h5>
      <ul className="evidence-list" aria-labelledby="evidence-h">
        {props.ids.map((id) => {
          const hit = findSighting(sets, id);
          const p = hit ? sightingAt(hit.set, hit.index).properties : null;
          return (
            <li key={id}>
              <button type="button" className="link" aria-pressed={featureId === id} data-evidence={id} onClick={() => actions.select({ featureId: id })}>
                {p ? p.name : id}
              </button>{' '}
              <span className="muted">{p ? p.date : ''}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
