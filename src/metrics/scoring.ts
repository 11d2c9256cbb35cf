/**
 * Explainable scenario scores. Each scenario starts from its stated likelihood as prior log-odds,
 * ln(p / (1 − p)) with p from `model.likelihoodPrior` (high 0.75, medium 0.5, low–medium 0.35, low 0.2),
 * and each of its indicators adds weight × status (none 0, watch 1, warning 2). The score is the
 * logistic of the sum. Scenarios are not exclusive, so each probability stands alone; `share` is
 * only each score over the sum of scores, for ranking.
 */
import type { Likelihood, ScenarioModel } from '../domain/scenarios';
import type { IndicatorResult, IndicatorStatus } from './indicators';

export interface ScoreTerm {
  kind: 'prior' | 'indicator';
  /** 'prior' or the indicator id. */
  id: string;
  label: string;
  /** Prior: the log-odds. Indicator: weight × status value. */
  logOdds: number;
  status?: IndicatorStatus;
  statusValue?: number;
  weight?: number;
  /** Indicator evidence ids (latest first). */
  evidence?: string[];
}

export interface ScenarioScore {
  id: string;
  name: string;
  likelihood: Likelihood;
  priorP: number;
  terms: ScoreTerm[];
  logOdds: number;
  /** logistic(logOdds). */
  p: number;
  /** p / Σ p over scenarios. */
  share: number;
  /** The arithmetic in one line, e.g. "ln(0.75/0.25) 1.10 + 0.5×2 (s1-ceremonies) = 2.10 → 0.89". */
  formula: string;
}

export const logit = (p: number) => Math.log(p / (1 - p));
export const logistic = (x: number) => 1 / (1 + Math.exp(-x));

/**
 * Score the model's scenarios from evaluated indicators.
 * @example scoreScenarios(model, evaluateIndicators(model, ctx))[0].p
 */
export function scoreScenarios(model: ScenarioModel, results: readonly IndicatorResult[]): ScenarioScore[] {
  const byId = new Map(results.map((r) => [`${r.owner}/${r.id}`, r]));
  const scores = model.scenarios.map((s) => {
    const priorP = model.likelihoodPrior[s.likelihood];
    const prior = logit(priorP);
    const terms: ScoreTerm[] = [{ kind: 'prior', id: 'prior', label: `stated likelihood: ${s.likelihood}`, logOdds: prior }];
    for (const ind of s.indicators) {
      const r = byId.get(`${s.id}/${ind.id}`);
      const statusValue = r?.statusValue ?? 0;
      terms.push({
        kind: 'indicator', id: ind.id, label: ind.label, logOdds: ind.weight * statusValue,
        status: r?.status ?? 'none', statusValue, weight: ind.weight, evidence: r?.evidence ?? [],
      });
    }
    const logOdds = terms.reduce((a, t) => a + t.logOdds, 0);
    const p = logistic(logOdds);
    const formula =
      `ln(${priorP}/${(1 - priorP).toFixed(2)}) ${prior.toFixed(2)}` +
      terms.slice(1).filter((t) => t.logOdds !== 0).map((t) => ` + ${t.weight}×${t.statusValue} (${t.id})`).join('') +
      ` = ${logOdds.toFixed(2)} → ${p.toFixed(2)}`;
    return { id: s.id, name: s.name, likelihood: s.likelihood, priorP, terms, logOdds, p, share: 0, formula };
  });
  const total = scores.reduce((a, s) => a + s.p, 0);
  for (const s of scores) s.share = total > 0 ? s.p / total : 0;
  return scores;
}
