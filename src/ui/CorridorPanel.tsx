/**
 * Corridors tab: the corridor width, the routes with their windowed activity (sortable by count or by
 * change), and the selected route's detail. Everything shown comes from the store's `results` slice,
 * which the metrics worker fills; this panel computes no metric.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dayToIso } from '../domain/dates';
import type { WindowCoverage } from '../metrics/coverage';
import type { ZoneMetrics } from '../metrics/window';
import type { ZoneInfo } from '../metrics/protocol';
import { shownDayOf } from '../state/reportDate';
import type { SightingSet } from '../state/sightingSets';
import { actions, useStore } from '../state/store';
import { CorridorDetail } from './CorridorDetail';
import { ChangeBadge, JoinStatus, RulesNote } from './MetricBits';
import { CHANGE_RANK, fmt } from './metricsFormat';
import './metrics.css';

/** Width limits, km (the permalink accepts the same range). */
export const WIDTH_MIN_KM = 5;
export const WIDTH_MAX_KM = 100;

type SortKey = 'count' | 'change';

function WidthControl() {
  const widthKm = useStore((s) => s.filters.widthKm);
  const set = (v: number) => {
    if (Number.isFinite(v)) actions.setFilters({ widthKm: Math.round(Math.min(WIDTH_MAX_KM, Math.max(WIDTH_MIN_KM, v))) });
  };
  return (
    <div className="width-control">
      <label htmlFor="corridor-width-range">Corridor half-width (km either side of the route)</label>
      <div className="width-inputs">
        <input id="corridor-width-range" type="range" min={WIDTH_MIN_KM} max={WIDTH_MAX_KM} step={1} value={widthKm}
          onChange={(e) => set(Number(e.target.value))} />
        <input id="corridor-width" type="number" min={WIDTH_MIN_KM} max={WIDTH_MAX_KM} step={1} value={widthKm}
          aria-label="Corridor half-width, km" onChange={(e) => set(Number(e.target.value))} />
        <span aria-hidden="true">km</span>
      </div>
    </div>
  );
}

interface Row {
  zone: ZoneInfo;
  m: ZoneMetrics;
}

function sortRows(rows: Row[], key: SortKey): Row[] {
  return [...rows].sort((a, b) =>
    key === 'count'
      ? b.m.count - a.m.count || b.m.weighted - a.m.weighted || a.zone.name.localeCompare(b.zone.name)
      : CHANGE_RANK[a.m.change4.level] - CHANGE_RANK[b.m.change4.level] || (b.m.change4.changePct ?? -Infinity) - (a.m.change4.changePct ?? -Infinity) || b.m.count - a.m.count,
  );
}

function CorridorList(props: { rows: Row[]; selected: string | null; cov: WindowCoverage; sets: readonly SightingSet[] }) {
  const [sort, setSort] = useState<SortKey>('count');
  const rows = sortRows(props.rows, sort);
  return (
    <>
      <div className="sort-bar" role="group" aria-label="Sort routes">
        <span className="muted">Sort by</span>
        {(['count', 'change'] as const).map((k) => (
          <button key={k} type="button" aria-pressed={sort === k} onClick={() => setSort(k)}>{k === 'count' ? 'Count' : 'Change'}</button>
        ))}
      </div>
      <ul className="corridor-list" aria-label="Routes">
        {rows.map(({ zone, m }) => (
          <li key={zone.id}>
            <button type="button" className="corridor-row" aria-pressed={props.selected === zone.id} data-corridor={zone.id}
              onClick={() => actions.select({ corridorId: props.selected === zone.id ? null : zone.id })}>
              <span className="corridor-name">{zone.name}</span>
              <span className="corridor-figs">
                <span className="corridor-count" data-testid={`corridor-count-${zone.id}`}>{m.count}</span>
                <span className="muted"> sightings · weighted {fmt(m.weighted)} · {m.densityPer1000Km === null ? '–' : fmt(m.densityPer1000Km)}/1,000 km · latest {m.latestDay === null ? '–' : shownDayOf(props.sets, m.latestDay, m.latestIds, m.latestCount)}</span>
              </span>
              <ChangeBadge m={m} cov={props.cov} />
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The Corridors tab. */
export function CorridorPanel() {
  const { zones, window, selected, status, sets } = useStore(
    useShallow((s) => ({
      sets: s.sightingSets,
      zones: s.results.zones,
      window: s.results.window,
      selected: s.selection.corridorId,
      status: s.results.status,
    })),
  );
  const byId = new Map(window?.zones.map((m) => [m.zoneId, m]) ?? []);
  const rows = zones.filter((z) => z.kind === 'corridor' && byId.has(z.id)).map((zone) => ({ zone, m: byId.get(zone.id)! }));
  return (
    <section className="metrics-panel corridor-panel" aria-labelledby="corridors-h">
      <h2 id="corridors-h">Corridors</h2>
      <p className="explain">
        A corridor is a route with a half-width: a sighting counts when it lies inside the shaded polygon and its report date
        falls in the time window (both ends inclusive) and passes the filters.
        {window && <> Window {dayToIso(window.filters.fromDay)} – {dayToIso(window.filters.toDay)} ({window.windowDays} days).</>}
      </p>
      <RulesNote />
      <WidthControl />
      <JoinStatus />
      {selected && rows.some((r) => r.zone.id === selected) && <CorridorDetail zoneId={selected} />}
      {status === 'ready' && !rows.length && <p className="muted">No corridors yet.</p>}
      {rows.length > 0 && window && <CorridorList rows={rows} selected={selected} cov={window.coverage} sets={sets} />}
    </section>
  );
}
