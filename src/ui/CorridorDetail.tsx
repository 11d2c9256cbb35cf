/**
 * The selected corridor: its windowed metrics with units and what each means, the weekly sparkline,
 * the along-route strip of events, category and source breakdowns, and quantities against the stated
 * baselines of the nodes on the route. Numbers come from the store's `results`; none is computed here.
 */
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dayToIso } from '../domain/dates';
import { CATEGORIES, type Category } from '../domain/schemas';
import type { QuantitySummary } from '../metrics/quantities';
import type { ZoneMetrics } from '../metrics/window';
import { CATEGORY_STYLE, css } from '../layers/style';
import { shownDayOf } from '../state/reportDate';
import type { SightingSet } from '../state/sightingSets';
import { actions, useStore } from '../state/store';
import type { AlongResult } from '../state/resultsTypes';
import { ChangeBadge } from './MetricBits';
import { coverageText, fmt, pct, sparklineLabel, sparklinePath, stripX } from './metricsFormat';

/** What a change level was compared with: the covered preceding windows, of how many asked. */
function baselineText(windows: number, requested: number, mean: number): string {
  if (windows === 0) return `none of the ${requested} preceding windows lies inside the data, so there is nothing to compare with`;
  return `vs the mean of the ${windows === requested ? requested : `${windows} covered (of ${requested})`} preceding windows, ${fmt(mean, 2)}`;
}

const SPARK_W = 300;
const SPARK_H = 40;
const STRIP_W = 320;
const STRIP_H = 46;
const STRIP_PAD = 8;

function Metric(props: { k: string; v: ReactNode; note: string }) {
  return (
    <>
      <dt>{props.k}</dt>
      <dd>
        <span className="metric-value">{props.v}</span>
        <span className="metric-note">{props.note}</span>
      </dd>
    </>
  );
}

function Sparkline(props: { m: ZoneMetrics }) {
  const { startDays, counts } = props.m.weekly;
  const label = sparklineLabel(startDays.map(dayToIso), counts);
  return (
    <figure className="sparkline">
      <svg width={SPARK_W} height={SPARK_H} viewBox={`0 0 ${SPARK_W} ${SPARK_H}`} role="img" aria-label={label}>
        <line x1={2} x2={SPARK_W - 2} y1={SPARK_H - 2} y2={SPARK_H - 2} className="axis" />
        <path d={sparklinePath(counts, SPARK_W, SPARK_H)} className="spark" />
      </svg>
      <figcaption className="metric-note">Sightings per week (weeks start on the window's first day; the last may be short). Peak {counts.length ? Math.max(...counts) : 0}.</figcaption>
    </figure>
  );
}

interface StripDot {
  id: string;
  km: number;
  /** The report's own date (`2024-10` for a month-only report). */
  date: string;
  category: Category;
}

function AlongStrip(props: { along: AlongResult; lengthKm: number; fromDay: number; toDay: number; categories: number; selected: string | null; sets: readonly SightingSet[] }) {
  const { along, lengthKm } = props;
  const dots: StripDot[] = [];
  along.ids.forEach((id, k) => {
    const d = along.day[k]!;
    const c = along.category[k]!;
    if (d >= props.fromDay && d <= props.toDay && props.categories & (1 << c)) {
      dots.push({ id, km: along.alongKm[k]!, date: shownDayOf(props.sets, d, [id]), category: CATEGORIES[c]! });
    }
  });
  dots.sort((a, b) => a.km - b.km);
  const label = `Events along the route, km from its start (${fmt(lengthKm, 0)} km long): ` +
    (dots.length ? dots.map((d) => `${fmt(d.km, 0)} km ${d.date} ${CATEGORY_STYLE[d.category].label}`).join('; ') : 'none in the window');
  return (
    <figure className="along-strip">
      <svg width={STRIP_W} height={STRIP_H} viewBox={`0 0 ${STRIP_W} ${STRIP_H}`} role="group" aria-label={label}>
        <line x1={STRIP_PAD} x2={STRIP_W - STRIP_PAD} y1={STRIP_H / 2} y2={STRIP_H / 2} className="axis" />
        <text x={STRIP_PAD} y={STRIP_H - 2} className="tick">0 km</text>
        <text x={STRIP_W - STRIP_PAD} y={STRIP_H - 2} className="tick" textAnchor="end">{fmt(lengthKm, 0)} km</text>
        {dots.map((d, i) => {
          const name = `${d.date}, ${CATEGORY_STYLE[d.category].label}, ${fmt(d.km, 0)} km along`;
          const select = () => actions.select({ featureId: d.id });
          return (
            <circle key={d.id} cx={stripX(d.km, lengthKm, STRIP_W, STRIP_PAD)} cy={STRIP_H / 2 - 8 + (i % 3) * 8} r={props.selected === d.id ? 6 : 4.5}
              fill={css(CATEGORY_STYLE[d.category].colour)} className={props.selected === d.id ? 'dot selected' : 'dot'}
              tabIndex={0} role="button" aria-label={`Select sighting: ${name}`} data-sighting={d.id}
              onClick={select} onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); select(); } }}>
              <title>{name}</title>
            </circle>
          );
        })}
      </svg>
      <figcaption className="metric-note">Each dot is a sighting in the window, placed by its distance along the route (x) and coloured by category. Click one to select it.</figcaption>
    </figure>
  );
}

function Breakdown(props: { title: string; entries: [string, number, string?][] }) {
  const rows = props.entries.filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  return (
    <>
      <h3>{props.title}</h3>
      {rows.length ? (
        <ul className="breakdown">
          {rows.map(([label, n, colour]) => (
            <li key={label}>
              {colour && <span className="swatch dot" style={{ background: colour }} />}
              <span>{label}</span>
              <span className="n">{n}</span>
            </li>
          ))}
        </ul>
      ) : <p className="muted">None in the window.</p>}
    </>
  );
}

function Quantity(props: { q: QuantitySummary; where: string; sets: readonly SightingSet[] }) {
  const { q } = props;
  return (
    <li>
      <strong>{props.where}</strong>: {q.reports} report{q.reports === 1 ? '' : 's'} of {q.unit}; latest {fmt(q.latest.value)} on {shownDayOf(props.sets, q.latest.day, [q.latest.id])}, max {fmt(q.max)}
      {q.baseline && q.latestVsBaseline !== undefined && (
        <> — {fmt(q.latestVsBaseline, 2)} × the stated baseline of {fmt(q.baseline.value)} {q.baseline.unit} ({q.baseline.note})</>
      )}
    </li>
  );
}

/** Detail of one corridor, by zone (route) id. */
export function CorridorDetail(props: { zoneId: string }) {
  const { zone, window, along, featureId, names, sets } = useStore(
    useShallow((s) => ({
      sets: s.sightingSets,
      zone: s.results.zones.find((z) => z.id === props.zoneId),
      window: s.results.window,
      along: s.results.along,
      featureId: s.selection.featureId,
      names: s.results.zones,
    })),
  );
  const m = window?.zones.find((z) => z.zoneId === props.zoneId);
  if (!zone || !m || !window) return null;
  const nodeQty = window.zones.filter((z) => z.zoneId !== props.zoneId && z.quantities.some((q) => q.baseline));
  const nameOf = (id: string) => names.find((z) => z.id === id)?.name ?? id;
  const c4 = m.change4;
  const c12 = m.change12;
  const cov = window.coverage;
  return (
    <article className="corridor-detail" aria-labelledby="corridor-detail-h">
      <div className="details-head">
        <h3 id="corridor-detail-h">{zone.name}</h3>
        <button type="button" onClick={() => actions.select({ corridorId: null })} aria-label="Close corridor detail">×</button>
      </div>
      <p className="metric-note">
        {fmt(zone.lengthKm ?? 0, 0)} km of route, {zone.widthKm} km either side. Window {dayToIso(window.filters.fromDay)} – {dayToIso(window.filters.toDay)}, both days included ({window.windowDays} days).
      </p>
      <dl className="metrics">
        <Metric k="Sightings" v={<span data-testid="detail-count">{m.count}</span>} note="reports inside the corridor polygon, dated in the window, passing the filters" />
        <Metric k="Weighted" v={fmt(m.weighted, 2)} note="each sighting weighted by confidence: high 1, moderate 0.6, low 0.3" />
        {cov.prev > 0 ? (
          <Metric k="vs previous window" v={`${m.changeAbs >= 0 ? '+' : '−'}${Math.abs(m.changeAbs)} (${pct(m.changePct)})`}
            note={`${m.prevCount} in the ${window.windowDays} days before the window (weighted ${fmt(m.prevWeighted, 2)}); % is n/a when that was 0`} />
        ) : (
          <Metric k="vs previous window" v="n/a" note={`the ${window.windowDays} days before the window lie outside the data (${coverageText(cov)}): unknown, not zero`} />
        )}
        <Metric k="Change level (4)" v={<><ChangeBadge m={m} cov={cov} /> {pct(c4.changePct)}</>}
          note={c4.windows ? `${baselineText(c4.windows, 4, c4.baselineMean)}: above +25 % large rise, +10…25 % moderate, −25…+10 % limited, below −25 % large fall; a mean under 3 with a change under 3 events is a low baseline` : baselineText(0, 4, 0)} />
        <Metric k="Change level (12)" v={<><ChangeBadge m={m} cov={cov} windows={12} /> {pct(c12.changePct)}</>}
          note={c12.windows ? `${baselineText(c12.windows, 12, c12.baselineMean)}; same bands and rule` : baselineText(0, 12, 0)} />
        <Metric k="Density" v={m.densityPer1000Km === null ? '–' : `${fmt(m.densityPer1000Km, 2)} per 1,000 km`} note="sightings per 1,000 km of route" />
        <Metric k="Latest" v={<span data-testid="detail-latest">{m.latestDay === null ? '–' : shownDayOf(sets, m.latestDay, m.latestIds, m.latestCount)}</span>}
          note="last report date in the window, as the report gives it (a month-only report shows its month)" />
        <Metric k="Region reports not counted" v={<span data-testid="detail-region-excluded">{m.regionExcluded}</span>}
          note="region-precise reports drawn inside the polygon whose region lies mostly outside it (the location-precision rule above)" />
      </dl>
      <h3>Weekly</h3>
      <Sparkline m={m} />
      <h3>Along the route</h3>
      {along?.zoneId === props.zoneId
        ? <AlongStrip along={along} lengthKm={zone.lengthKm ?? 0} fromDay={window.filters.fromDay} toDay={window.filters.toDay} categories={window.filters.categories} selected={featureId} sets={sets} />
        : <p className="muted">Placing events along the route…</p>}
      <Breakdown title="By category" entries={CATEGORIES.map((c) => [CATEGORY_STYLE[c].label, m.byCategory[c], css(CATEGORY_STYLE[c].colour)])} />
      <Breakdown title="By source kind (a report citing two kinds counts under both)" entries={Object.entries(m.bySource ?? {})} />
      <h3>Quantities</h3>
      {m.quantities.length + nodeQty.length ? (
        <ul className="quantities">
          {m.quantities.map((q) => <Quantity key={q.unit} q={q} where="On the corridor" sets={sets} />)}
          {nodeQty.flatMap((z) => z.quantities.filter((q) => q.baseline).map((q) => <Quantity key={`${z.zoneId}-${q.unit}`} q={q} where={`At ${nameOf(z.zoneId)}`} sets={sets} />))}
        </ul>
      ) : <p className="muted">No reported quantities in the window.</p>}
    </article>
  );
}
