/**
 * The time window: two thumbs over the span of the loaded reports up to today, date inputs for exact
 * days (any day 1990–2100), and playback that slides the window forward by a week or a month at a
 * chosen speed.
 */
import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { dateToDay, dayToIso } from '../domain/dates';
import { actions, useStore } from '../state/store';
import { todayDay } from '../state/clock';
import { sliderDomain, stepWindow, typedDay } from '../state/timeDomain';
import { LIMITS } from '../url';
import { VisibleCount } from './VisibleCount';

// A formatter made once: toLocaleDateString with options builds a new Intl formatter on every call,
// which a slider step (two dates per render) would pay each time.
const DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const fmt = (iso: string) => DATE.format(new Date(`${iso}T00:00:00Z`));

export function TimeSlider() {
  const { from, to } = useStore(useShallow((s) => ({ from: s.filters.from, to: s.filters.to })));
  const ui = useStore((s) => s.ui);
  const today = todayDay();
  const a = dateToDay(from);
  const b = dateToDay(to);
  const { minDay, maxDay } = useStore(useShallow((s) => sliderDomain(s.sightingSets, today, a, b)));

  useEffect(() => {
    if (!ui.playing) return;
    const t = setInterval(() => {
      const s = useStore.getState();
      const end = sliderDomain(s.sightingSets, todayDay(), dateToDay(s.filters.from), dateToDay(s.filters.to)).maxDay;
      const next = stepWindow(s.filters.from, s.filters.to, s.ui.playStep, end);
      if (!next) actions.setUi({ playing: false });
      else actions.setFilters(next);
    }, ui.playIntervalMs);
    return () => clearInterval(t);
  }, [ui.playing, ui.playIntervalMs]);

  const setFrom = (d: number) => actions.setFilters({ from: dayToIso(Math.min(d, b)) });
  const setTo = (d: number) => actions.setFilters({ to: dayToIso(Math.max(d, a)) });
  const typed = (value: string, set: (d: number) => void) => {
    const d = typedDay(value);
    if (d !== null) set(d);
  };

  return (
    <section className="timebar" aria-label="Time window">
      <button
        type="button"
        className="play"
        aria-pressed={ui.playing}
        aria-label={ui.playing ? 'Pause playback' : 'Play: slide the window forward'}
        onClick={() => {
          if (!ui.playing && b >= maxDay) actions.setFilters({ from: dayToIso(minDay), to: dayToIso(Math.min(maxDay, minDay + (b - a))) });
          actions.setUi({ playing: !ui.playing });
        }}
      >
        {ui.playing ? '❚❚' : '▶'}
      </button>
      <div className="range2">
        <input type="range" min={minDay} max={maxDay} step={1} value={a} aria-label="Window start" aria-valuetext={fmt(from)} onChange={(e) => setFrom(+e.target.value)} />
        <input type="range" min={minDay} max={maxDay} step={1} value={b} aria-label="Window end" aria-valuetext={fmt(to)} onChange={(e) => setTo(+e.target.value)} />
      </div>
      <label className="date">
        <span className="sr-only">From</span>
        <input type="date" min={LIMITS.dateMin} max={LIMITS.dateMax} value={from} onChange={(e) => typed(e.target.value, setFrom)} aria-label="From date" />
      </label>
      <span aria-hidden="true">–</span>
      <label className="date">
        <span className="sr-only">To</span>
        <input type="date" min={LIMITS.dateMin} max={LIMITS.dateMax} value={to} onChange={(e) => typed(e.target.value, setTo)} aria-label="To date" />
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
      <VisibleCount />
    </section>
  );
}
