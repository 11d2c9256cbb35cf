/** Small pieces the corridor and scenario panels share: join progress and the change-level badge. */
import { useShallow } from 'zustand/react/shallow';
import type { ZoneMetrics } from '../metrics/window';
import { useStore } from '../state/store';
import { CHANGE_LEVEL, fmt } from './metricsFormat';

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

/** A change-level badge with its words (colour is never the only signal). */
export function ChangeBadge(props: { m: ZoneMetrics; windows?: 4 | 12 }) {
  const c = props.windows === 12 ? props.m.change12 : props.m.change4;
  const l = CHANGE_LEVEL[c.level];
  return <span className={`badge tone-${l.tone}`} title={`vs mean of the ${c.windows} preceding windows (${fmt(c.baselineMean)})`}>{l.label}</span>;
}

