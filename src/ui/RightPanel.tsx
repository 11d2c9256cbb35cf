/** The right-hand panel: tabs for details, corridors and scenarios. */
import type { ReactNode } from 'react';
import { actions, useStore, type UiState } from '../state/store';
import { ErrorBoundary } from './ErrorBoundary';

const TABS: { id: UiState['panel']; label: string }[] = [
  { id: 'details', label: 'Details' },
  { id: 'corridors', label: 'Corridors' },
  { id: 'scenarios', label: 'Scenarios' },
];

export function RightPanel(props: { details: ReactNode; corridors?: ReactNode; scenarios?: ReactNode }) {
  const panel = useStore((s) => s.ui.panel);
  const content = { details: props.details, corridors: props.corridors, scenarios: props.scenarios }[panel];
  return (
    <aside className="rightpanel" aria-label="Details and analysis">
      <div role="tablist" aria-label="Panels" className="tabs">
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={panel === t.id}
            aria-controls="rightpanel-body"
            onClick={() => actions.setUi({ panel: t.id })}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="rightpanel-body" role="tabpanel" aria-labelledby={`tab-${panel}`} className="rightpanel-body">
        <ErrorBoundary label={`The ${panel} panel`} key={panel}>
          {content ?? <p className="muted">Loading…</p>}
        </ErrorBoundary>
      </div>
    </aside>
  );
}
