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
 *   no-baseline      none of the preceding windows lies inside the data's coverage (coverage.ts): the
 *                    past is unknown, not empty, so nothing is compared
 *   uncovered        the current window itself reaches outside the coverage
 *
 * With a low baseline but an absolute change of at least `minAbsChange` events the percentage rules
 * apply (from a mean of 0, any such rise is a large rise). The mean is over the covered windows only
 * (`windows` may be fewer than `requested`), and the low-baseline rule applies to that mean. Levels are
 * decided in integer arithmetic on the counts, so the edges (+25 %, +10 %, −25 %) fall exactly where stated.
 */

export type ChangeLevel =
  | 'large-rise' | 'moderate-rise' | 'limited-change' | 'large-fall' | 'low-baseline' | 'no-baseline' | 'uncovered';

/** Levels that make a claim about a rise or a fall (the rest say why no claim is made). */
export const TREND_LEVELS: ReadonlySet<ChangeLevel> = new Set(['large-rise', 'moderate-rise', 'limited-change', 'large-fall']);

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
  /** Number of preceding windows averaged: the covered ones (≤ `requested`). */
  windows: number;
  /** Number of preceding windows asked for (4 or 12). */
  requested: number;
  /** Events in all preceding windows together. */
  baselineTotal: number;
  /** Mean events per preceding window. */
  baselineMean: number;
  /** Percent change against the mean; null when the mean is 0. */
  changePct: number | null;
  level: ChangeLevel;
}

/**
 * Assess a change. `baselineTotal` is the count over `windows` covered preceding windows, of the
 * `requested` asked for (default: all of them); `covered` says whether the current window is covered.
 * @example assessChange(25, 80, 4).level // 'moderate-rise' (mean 20, +25 %)
 * @example assessChange(2, 1, 1).level // 'low-baseline'
 * @example assessChange(7, 0, 0, DEFAULT_CHANGE_RULE, 4).level // 'no-baseline'
 */
export function assessChange(
  current: number,
  baselineTotal: number,
  windows: number,
  rule: ChangeRule = DEFAULT_CHANGE_RULE,
  requested: number = windows,
  covered = true,
): ChangeAssessment {
  const mean = windows > 0 ? baselineTotal / windows : 0;
  if (!covered) return assessment(current, windows, requested, baselineTotal, mean, null, 'uncovered');
  if (windows === 0) return assessment(current, windows, requested, baselineTotal, mean, null, 'no-baseline');
  const changePct = mean > 0 ? ((current - mean) / mean) * 100 : null;
  // Compare current·k·100 with total·(100 + x): exact for integer counts.
  const lhs = current * windows * 100;
  const low = baselineTotal < rule.minBaseline * windows;
  if (low && Math.abs(current * windows - baselineTotal) < rule.minAbsChange * windows) {
    return assessment(current, windows, requested, baselineTotal, mean, changePct, 'low-baseline');
  }
  let level: ChangeLevel;
  if (lhs > baselineTotal * 125) level = 'large-rise';
  else if (lhs > baselineTotal * 110) level = 'moderate-rise';
  else if (lhs >= baselineTotal * 75) level = 'limited-change';
  else level = 'large-fall';
  return assessment(current, windows, requested, baselineTotal, mean, changePct, level);
}

/** One object shape, built in one place: assessments are made twice per zone on every recompute. */
function assessment(
  current: number, windows: number, requested: number, baselineTotal: number, baselineMean: number, changePct: number | null, level: ChangeLevel,
): ChangeAssessment {
  return { current, windows, requested, baselineTotal, baselineMean, changePct, level };
}
