/** Small pieces the corridor and scenario panels share: join progress, the change-level badge, the counting rules. */
import { useShallow } from 'zustand/react/shallow';
import { coverageMonth, type WindowCoverage } from '../metrics/coverage';
import { REGION_RADIUS_KM } from '../metrics/precision-rule';
import type { ZoneMetrics } from '../metrics/window';
import { useStore } from '../state/store';
import { changeLabel, CHANGE_LEVEL, fmt } from './metricsFormat';

/** Progress of the spatial join, or the last error. */
export function JoinStatus() {
  const { status, progress, error } = useStore(useShallow((s) => ({ status: s.results.status, progress: s.results.progress, error: s.results.error })));
  if (status === 'error') return <p className="metrics-error" role="alert">Metrics failed: {error}</p>;
  if (status !== 'joining' && status !== 'idle') return null;
  const pctDone = Math.round(progress * 100);
  return (
    <div className="join-progress">
      <label htmlFor="join-progress">{status === 'idle' ? 'Waiting for data…' : `Counting sightings in each corridor… ${pctDone} %`}</label>
      <progress id="join-progress" max={100} value={pctDone} />
    </div>
  );
}

/**
 * A change-level badge with its words (colour is never the only signal): why there is no comparison
 * when the past lies outside the data, and how many windows were compared when fewer than asked.
 */
export function ChangeBadge(props: { m: ZoneMetrics; cov: WindowCoverage; windows?: 4 | 12 }) {
  const c = props.windows === 12 ? props.m.change12 : props.m.change4;
  const l = CHANGE_LEVEL[c.level];
  const title = c.windows ? `vs the mean of ${c.windows} preceding window${c.windows === 1 ? '' : 's'} (${fmt(c.baselineMean)})` : 'no preceding window inside the data';
  return <span className={`badge tone-${l.tone}`} data-level={c.level} title={title}>{changeLabel(c, props.cov)}</span>;
}


/**
 * The rules every number in the metric panels follows, in words: which filters apply, the data's
 * coverage (and what it means for comparisons with the past), and the location-precision rule.
 */
export function RulesNote() {
  const { spans, filtered } = useStore(useShallow((s) => ({
    spans: s.results.coverage,
    filtered: Boolean(s.filters.query.trim() || s.filters.publishers.length || s.filters.precisions.length),
  })));
  const covered = spans.length
    ? spans.map((sp) => `${coverageMonth(sp.fromDay)} – ${coverageMonth(sp.toDay)}`).join(', ')
    : 'not declared';
  return (
    <details className="rules-note" data-testid="rules-note">
      <summary>How these numbers are counted{filtered ? ' (text, publisher or precision filter on)' : ''}</summary>
      <ul className="explain">
        <li><strong>Filters:</strong> every filter on screen applies — dates, category, confidence, source kind, location precision, publisher and search text — so a number counts what the map shows.</li>
        <li data-testid="coverage-note"><strong>Coverage:</strong> the data covers {covered} (bundled reports as declared in the data; an imported file from its first report to its last). A window before or after that is unknown, not empty: change levels compare only with preceding windows inside it and say how many, or say there is no baseline.</li>
        <li data-testid="precision-rule"><strong>Location precision:</strong> exact and settlement reports count where they are drawn. A region report stands for a region: it counts in a corridor, catchment or area only when at least half of that region lies inside it — the area it names, or {REGION_RADIUS_KM} km around its point. Otherwise it is drawn there but not counted.</li>
      </ul>
    </details>
  );
}
