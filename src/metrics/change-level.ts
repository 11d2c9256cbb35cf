/**
 * Change levels in the style of ACLED's Trendfinder: the current window's count against the mean of the
 * `k` preceding windows of the same length.
 *
 *   change % = (current − mean) / mean × 100
 *   large-rise       change > +25 %
 *   moderate-rise    +10 % < change ≤ +25 %
 *   limited-change   −25 % ≤ change ≤ +10 %
 *   large-fall       change < −25 %
 *   low-baseline     mean < minBaseline and |current − mean| < minAbsChange: too few events to call a
 *                    trend (1 → 2 events is not a "+100 % surge")
 *
 * With a low baseline but an absolute change of at least `minAbsChange` events the percentage rules
 * apply (from a mean of 0, any such rise is a large rise). Levels are decided in integer arithmetic on
 * the counts, so the edges (+25 %, +10 %, −25 %) fall exactly where stated.
 */

export type ChangeLevel = 'large-rise' | 'moderate-rise' | 'limited-change' | 'large-fall' | 'low-baseline';

export interface ChangeRule {
  /** Baselines (mean events per window) below this are "low". Default 3. */
  minBaseline: number;
  /** With a low baseline, a change smaller than this many events is not called. Default 3. */
  minAbsChange: number;
}

export const DEFAULT_CHANGE_RULE: ChangeRule = { minBaseline: 3, minAbsChange: 3 };

export interface ChangeAssessment {
  /** Events in the current window. */
  current: number;
  /** Number of preceding windows averaged. */
  windows: number;
  /** Events in all preceding windows together. */
  baselineTotal: number;
  /** Mean events per preceding window. */
  baselineMean: number;
  /** Percent change against the mean; null when the mean is 0. */
  changePct: number | null;
  level: ChangeLevel;
}

/**
 * Assess a change. `baselineTotal` is the count over `windows` preceding windows.
 * @example assessChange(25, 80, 4).level // 'moderate-rise' (mean 20, +25 %)
 * @example assessChange(2, 1, 1).level // 'low-baseline'
 */
export function assessChange(
  current: number,
  baselineTotal: number,
  windows: number,
  rule: ChangeRule = DEFAULT_CHANGE_RULE,
): ChangeAssessment {
  const mean = windows > 0 ? baselineTotal / windows : 0;
  const changePct = mean > 0 ? ((current - mean) / mean) * 100 : null;
  // Compare current·k·100 with total·(100 + x): exact for integer counts.
  const lhs = current * windows * 100;
  const low = baselineTotal < rule.minBaseline * windows;
  if (low && Math.abs(current * windows - baselineTotal) < rule.minAbsChange * windows) {
    return { current, windows, baselineTotal, baselineMean: mean, changePct, level: 'low-baseline' };
  }
  let level: ChangeLevel;
  if (lhs > baselineTotal * 125) level = 'large-rise';
  else if (lhs > baselineTotal * 110) level = 'moderate-rise';
  else if (lhs >= baselineTotal * 75) level = 'limited-change';
  else level = 'large-fall';
  return { current, windows, baselineTotal, baselineMean: mean, changePct, level };
}
