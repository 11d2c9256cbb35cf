/**
 * The time window: two thumbs over 2023-07…2025-12, date inputs for exact days, and playback that
 * slides the window forward by a week or a month at a chosen speed.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dateToDay, dayToIso } from '../domain/dates';
import { actions, useStore } from '../state/store';
import { DATA_END, DATA_START } from '../state/types';
import { visibleTotal } from '../state/derived';

const MIN = dateToDay(DATA_START);
const MAX = dateToDay(DATA_END);
// Formatters made once: toLocaleString with options builds a new Intl formatter on every call, which a
// slider step (two dates and a count per render) would pay each time.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const COUNT = new Intl.NumberFormat('en-GB');
const fmt = (iso: string) => DATE.format(new Date(`${iso}T00:00:00Z`));

/** Moves [from, to] forward by one step, keeping its length; stops at the end of the data. */
export function stepWindow(from: string, to: string, step: 'week' | 'month'): { from: string; to: string } | null {
  const a = dateToDay(from);
  const b = dateToDay(to);
  let d = 7;
  if (step === 'month') {
    const t = new Date(`${to}T00:00:00Z`);
    t.setUTCMonth(t.getUTCMonth() + 1);
    d = Math.round(t.getTime() / 86_400_000) - b;
  }
  if (b >= MAX) return null;
  const nb = Math.min(MAX, b + d);
  return { from: dayToIso(a + (nb - b)), to: dayToIso(nb) };
}

export function TimeSlider() {
  const { from, to } = useStore(useShallow((s) => ({ from: s.filters.from, to: s.filters.to })));
  const ui = useStore((s) => s.ui);
  const count = useStore((s) => visibleTotal(s.sightingSets, s.filters, s.layers));
  const a = dateToDay(from);
  const b = dateToDay(to);

  useEffect(() => {
    if (!ui.playing) return;
    const t = setInterval(() => {
      const s = useStore.getState();
      const next = stepWindow(s.filters.from, s.filters.to, s.ui.playStep);
      if (!next) actions.setUi({ playing: false });
      else actions.setFilters(next);
    }, ui.playIntervalMs);
    return () => clearInterval(t);
  }, [ui.playing, ui.playIntervalMs]);

  const setFrom = (d: number) => actions.setFilters({ from: dayToIso(Math.min(d, b)) });
  const setTo = (d: number) => actions.setFilters({ to: dayToIso(Math.max(d, a)) });

  return (
    <section className="timebar" aria-label="Time window">
      <button
        type="button"
        className="play"
        aria-pressed={ui.playing}
        aria-label={ui.playing ? 'Pause playback' : 'Play: slide the window forward'}
        onClick={() => {
          if (!ui.playing && b >= MAX) actions.setFilters({ from: DATA_START, to: dayToIso(MIN + (b - a)) });
          actions.setUi({ playing: !ui.playing });
        }}
      >
        {ui.playing ? '❚❚' : '▶'}
      </button>
      <div className="range2">
        <input type="range" min={MIN} max={MAX} step={1} value={a} aria-label="Window start" aria-valuetext={fmt(from)} onChange={(e) => setFrom(+e.target.value)} />
        <input type="range" min={MIN} max={MAX} step={1} value={b} aria-label="Window end" aria-valuetext={fmt(to)} onChange={(e) => setTo(+e.target.value)} />
      </div>
      <label className="date">
        <span className="sr-only">From</span>
        <input type="date" min={DATA_START} max={DATA_END} value={from} onChange={(e) => e.target.value && setFrom(dateToDay(e.target.value))} aria-label="From date" />
      </label>
      <span aria-hidden="true">–</span>
      <label className="date">
        <span className="sr-only">To</span>
        <input type="date" min={DATA_START} max={DATA_END} value={to} onChange={(e) => e.target.value && setTo(dateToDay(e.target.value))} aria-label="To date" />
      </label>
      <label>
        <span className="sr-only">Step</span>
        <select value={ui.playStep} aria-label="Playback step" onChange={(e) => actions.setUi({ playStep: e.target.value as 'week' | 'month' })}>
          <option value="week">by week</option>
          <option value="month">by month</option>
        </select>
      </label>
      <label>
        <span className="sr-only">Speed</span>
        <select value={ui.playIntervalMs} aria-label="Playback speed" onChange={(e) => actions.setUi({ playIntervalMs: +e.target.value })}>
          <option value={1600}>slow</option>
          <option value={800}>normal</option>
          <option value={300}>fast</option>
        </select>
      </label>
      <output className="count" aria-live="polite" data-testid="visible-count">
        {COUNT.format(count)} sighting{count === 1 ? '' : 's'} in view
      </output>
    </section>
  );
}
