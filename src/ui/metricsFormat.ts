/**
 * Pure helpers the corridor and scenario panels use to present results: number formats, change-level
 * words, the sparkline path and its text alternative. No metric is computed here; the numbers come
 * from the worker's results.
 */
import type { ChangeAssessment, ChangeLevel } from '../metrics/change-level';
import { coverageMonth, type WindowCoverage } from '../metrics/coverage';

/** Words and a badge tone for each change level. */
export const CHANGE_LEVEL: Record<ChangeLevel, { label: string; tone: 'up' | 'up2' | 'flat' | 'down' | 'low' }> = {
  'large-rise': { label: 'Large rise', tone: 'up2' },
  'moderate-rise': { label: 'Moderate rise', tone: 'up' },
  'limited-change': { label: 'Limited change', tone: 'flat' },
  'large-fall': { label: 'Large fall', tone: 'down' },
  'low-baseline': { label: 'Low baseline', tone: 'low' },
  'no-baseline': { label: 'No baseline', tone: 'low' },
  uncovered: { label: 'Outside the data', tone: 'low' },
};

/**
 * The words of a change level: the level, "no baseline (data starts 2023-07)" when no preceding window
 * lies inside the data, "outside the data (2023-07 – 2025-12)" when the window itself does not, and
 * "3 of 4 windows" when only some preceding windows are covered.
 * @example changeLabel({ level: 'no-baseline', … }, { startDay: dateToDay('2023-07-01'), … }) // "No baseline (data starts 2023-07)"
 */
export function changeLabel(c: Pick<ChangeAssessment, 'level' | 'windows' | 'requested'>, cov: Pick<WindowCoverage, 'startDay' | 'endDay'>): string {
  const label = CHANGE_LEVEL[c.level].label;
  if (c.level === 'no-baseline') return cov.startDay === null ? label : `${label} (data starts ${coverageMonth(cov.startDay)})`;
  if (c.level === 'uncovered') {
    return cov.startDay === null || cov.endDay === null ? label : `${label} (${coverageMonth(cov.startDay)} – ${coverageMonth(cov.endDay)})`;
  }
  return c.windows < c.requested ? `${label} · ${c.windows} of ${c.requested} windows` : label;
}

/**
 * The span of the data a window sits in, as months.
 * @example coverageText({ startDay: dateToDay('2023-07-01'), endDay: dateToDay('2025-12-31') }) // "data 2023-07 – 2025-12"
 */
export function coverageText(cov: Pick<WindowCoverage, 'startDay' | 'endDay'>): string {
  return cov.startDay === null || cov.endDay === null ? 'no declared coverage' : `data ${coverageMonth(cov.startDay)} – ${coverageMonth(cov.endDay)}`;
}

/** Sort order for "by change": rises first, then limited, falls, and too-few-to-call last. */
export const CHANGE_RANK: Record<ChangeLevel, number> = {
  'large-rise': 0, 'moderate-rise': 1, 'limited-change': 2, 'large-fall': 3, 'low-baseline': 4, 'no-baseline': 5, uncovered: 6,
};

/**
 * A number with at most `digits` decimals, trailing zeros dropped, thousands separated.
 * @example fmt(1234.5) // "1,234.5"
 */
export function fmt(n: number, digits = 1): string {
  return n.toLocaleString('en-GB', { maximumFractionDigits: digits });
}

/**
 * A signed percentage, or "n/a" when there is no base.
 * @example pct(25) // "+25 %"   pct(null) // "n/a"
 */
export function pct(p: number | null): string {
  if (p === null || Number.isNaN(p)) return 'n/a';
  if (!Number.isFinite(p)) return p > 0 ? '+∞ %' : '−∞ %';
  const r = Math.round(p);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)} %`;
}

/**
 * A signed number for a table of log-odds terms.
 * @example signed(1.0986) // "+1.10"   signed(-0.619) // "−0.62"
 */
export function signed(x: number, digits = 2): string {
  const s = Math.abs(x).toFixed(digits);
  return `${x < 0 && Number(s) !== 0 ? '−' : '+'}${s}`;
}

/**
 * SVG path of a sparkline: one point per value, x spread evenly over [pad, width − pad], y = 0 at the
 * bottom (height − pad) up to max at the top (pad). A single value draws a flat line across.
 * @example sparklinePath([0, 2, 1], 100, 20, 2) // "M2 18 L50 2 L98 10"
 */
export function sparklinePath(values: readonly number[], width: number, height: number, pad = 2): string {
  if (values.length === 0) return '';
  const max = Math.max(1, ...values);
  const h = height - 2 * pad;
  const y = (v: number) => +(height - pad - (v / max) * h).toFixed(1);
  if (values.length === 1) return `M${pad} ${y(values[0]!)} L${width - pad} ${y(values[0]!)}`;
  const step = (width - 2 * pad) / (values.length - 1);
  return values.map((v, i) => `${i ? 'L' : 'M'}${+(pad + i * step).toFixed(1)} ${y(v)}`).join(' ');
}

/**
 * Text alternative of a weekly series: totals, peak and every week's count.
 * @example sparklineLabel(['2025-01-01', '2025-01-08'], [3, 1]) // "Weekly counts, 2 weeks from 2025-01-01: total 4, peak 3 (week of 2025-01-01). 3, 1"
 */
export function sparklineLabel(weekStarts: readonly string[], counts: readonly number[]): string {
  if (!counts.length) return 'Weekly counts: no weeks in the window';
  const total = counts.reduce((a, b) => a + b, 0);
  const peak = Math.max(...counts);
  const at = counts.indexOf(peak);
  return `Weekly counts, ${counts.length} week${counts.length === 1 ? '' : 's'} from ${weekStarts[0]}: total ${total}, ` +
    `peak ${peak} (week of ${weekStarts[at]}). ${counts.join(', ')}`;
}

/**
 * x position (px) of a km value on a strip `width` wide spanning [0, lengthKm], inside `pad`.
 * @example stripX(500, 1000, 200, 10) // 100
 */
export function stripX(km: number, lengthKm: number, width: number, pad = 0): number {
  if (!(lengthKm > 0)) return pad;
  const t = Math.min(1, Math.max(0, km / lengthKm));
  return +(pad + t * (width - 2 * pad)).toFixed(1);
}

/** Probability as a percentage with no decimals. @example prob(0.8909) // "89 %" */
export const prob = (p: number) => `${Math.round(p * 100)} %`;
