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
