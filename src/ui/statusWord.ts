/**
 * The word an indicator's status is shown with. A status of "none" says the value was measured and
 * stayed below the watch threshold ("Quiet"); an indicator with no value (n/a: too little data or
 * history to compute it) has said nothing, so it is never shown as Quiet.
 */
import type { IndicatorResult } from '../metrics/indicators';

export type StatusTone = IndicatorResult['status'] | 'na';

const WORDS: Record<StatusTone, string> = { none: 'Quiet', watch: 'Watch', warning: 'Warning', na: 'No reading' };

/**
 * Badge word and tone for an indicator result.
 * @example statusBadge('none', 0.4) // { label: 'Quiet', tone: 'none' }
 * @example statusBadge('none', null) // { label: 'No reading', tone: 'na' }
 */
export function statusBadge(status: IndicatorResult['status'], value: number | null | undefined): { label: string; tone: StatusTone } {
  const tone: StatusTone = status === 'none' && (value === null || value === undefined || Number.isNaN(value)) ? 'na' : status;
  return { label: WORDS[tone], tone };
}

/** A badge's tone: a status, no reading, or a quiet value the data's coverage cannot vouch for. */
export type BadgeTone = StatusTone | 'history';

/**
 * Badge of an evaluated indicator: with no value, "No reading"; with a quiet value over days partly or
 * wholly before the data (coverage short of full), "Too little history" — 0 there is no evidence of quiet;
 * else its status word. A threshold reached on the covered days keeps its word (counts only grow).
 * @example indicatorBadge({ status: 'none', value: 0, coverage: 'partial' }) // { label: 'Too little history', tone: 'history' }
 * @example indicatorBadge(undefined) // { label: 'No reading', tone: 'na' }
 */
export function indicatorBadge(r: Pick<IndicatorResult, 'status' | 'value' | 'coverage'> | undefined): { label: string; tone: BadgeTone } {
  const b = statusBadge(r?.status ?? 'none', r?.value);
  if (b.tone === 'none' && r && r.coverage !== 'full') return { label: 'Too little history', tone: 'history' };
  return b;
}

/**
 * Badge of a scenario from its strongest status and its indicators' badge tones: "Quiet" only when every
 * indicator read quiet; otherwise it says how many were quiet, had no reading, or had too little history.
 * @example scenarioBadge('none', ['none', 'na', 'history']) // { label: 'Quiet on 1, no reading on 1, too little history on 1', tone: 'history' }
 * @example scenarioBadge('watch', ['watch', 'na']) // { label: 'Watch', tone: 'watch' }
 */
export function scenarioBadge(status: IndicatorResult['status'], tones: readonly BadgeTone[]): { label: string; tone: BadgeTone } {
  const n = (t: BadgeTone) => tones.filter((x) => x === t).length;
  if (status !== 'none' || (n('na') === 0 && n('history') === 0)) return { label: WORDS[status], tone: status };
  const parts = [
    n('none') > 0 ? `Quiet on ${n('none')}` : '',
    n('na') > 0 ? `no reading on ${n('na')}` : '',
    n('history') > 0 ? `too little history on ${n('history')}` : '',
  ].filter(Boolean).join(', ');
  return { label: parts.charAt(0).toUpperCase() + parts.slice(1), tone: n('history') > 0 ? 'history' : 'na' };
}
