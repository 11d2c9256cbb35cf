/**
 * The reports at one position (a stack), listed in the details panel when a stacked position is
 * clicked or opened from the keyboard: every report reachable, each a button that selects it. The list
 * stays while one of its reports is selected, so the analyst can go through them in turn.
 */
import { useShallow } from 'zustand/react/shallow';
import { CATEGORY_STYLE } from '../layers/style';
import { sightingAt, selectVisibleReports } from '../state/derived';
import { positionName, selectPositions } from '../state/stacks';
import { actions, useStore } from '../state/store';

const PRECISION_WORD = { exact: 'exact place', settlement: 'town or facility', region: 'region only' } as const;

export function StackList() {
  const { stackKey, featureId, positions, data } = useStore(
    useShallow((s) => ({
      stackKey: s.ui.stackKey,
      featureId: s.selection.featureId,
      positions: selectPositions(selectVisibleReports(s.sightingSets, s.filters, s.layers)),
      data: s.data,
    })),
  );
  const p = stackKey ? positions.find((x) => x.key === stackKey) : undefined;
  if (!p || (featureId && !p.members.some((m) => m.id === featureId))) return null;
  const name = positionName(p, data);
  return (
    <section className="stack" aria-labelledby="stack-h" data-testid="stack-list" data-stack={p.key}>
      <header className="details-head">
        <h2 id="stack-h">{p.members.length} reports at {name}</h2>
        <button type="button" aria-label="Close the list of reports here" onClick={() => actions.setUi({ stackKey: null })}>×</button>
      </header>
      <p className="muted">They share one point on the map ({p.lat.toFixed(2)}°, {p.lon.toFixed(2)}°). Pick one for its details and sources.</p>
      <ol className="stack-list">
        {p.members.map((m) => {
          const s = sightingAt(m.set, m.index).properties;
          return (
            <li key={m.id}>
              <button type="button" className="link" aria-pressed={featureId === m.id} data-stack-item={m.id}
                onClick={() => actions.select({ featureId: m.id })}>
                <span className="stack-date">{s.date}</span> {CATEGORY_STYLE[s.category].label}: {s.name}
                <span className="muted"> · {PRECISION_WORD[s.location]}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
