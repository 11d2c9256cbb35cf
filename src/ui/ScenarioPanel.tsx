/**
 * Scenarios tab: the four forecast scenarios with their stated likelihood, the arithmetic of their
 * score (prior log-odds + Σ weight × status = posterior log-odds → probability), their indicators with
 * values, thresholds, rationale and the brief's wording, the signposts, and the policy stress-test of
 * the leading scenario(s). Indicators are evaluated by the worker as of the time window's end.
 */
import { useShallow } from 'zustand/react/shallow';
import { dayToIso } from '../domain/dates';
import type { Indicator, ScenarioModel } from '../domain/scenarios';
import type { IndicatorResult } from '../metrics/indicators';
import type { ScenarioScore } from '../metrics/scoring';
import { actions, useStore } from '../state/store';
import { EvidenceList } from './EvidenceList';
import { ScoreSince } from './ScoreSince';
import { JoinStatus, RulesNote } from './MetricBits';
import { fmt, prob, signed } from './metricsFormat';
import { indicatorBadge, scenarioBadge } from './statusWord';
import './metrics.css';

/** The badge of an indicator (statusWord.ts: n/a is "No reading", a quiet value short of history "Too little history"). */
function badgeOf(r: IndicatorResult | undefined): { cls: string; label: string } {
  const b = indicatorBadge(r);
  return { cls: `status-${b.tone}`, label: b.label };
}
const LIKELIHOOD_LABEL: Record<string, string> = { high: 'High', medium: 'Medium', 'low-medium': 'Low–medium', low: 'Low' };

/** The status a score carries: the strongest status among its indicators. */
function scoreStatus(s: ScenarioScore): IndicatorResult['status'] {
  const v = Math.max(0, ...s.terms.map((t) => t.statusValue ?? 0));
  return v >= 2 ? 'warning' : v >= 1 ? 'watch' : 'none';
}

/** The single corridor an indicator binds, if it names exactly one. */
function boundCorridor(ind: Indicator): string | null {
  const m = ind.metric;
  const sels = m.kind === 'ratio' || m.kind === 'quantity-ratio' ? [m.numerator, m.denominator] : [m.select];
  const ids = sels.flatMap((s) => s.zones.filter((z) => z.kind === 'corridor').flatMap((z) => z.ids ?? []));
  return ids.length === 1 ? ids[0]! : null;
}


function ScoreTable(props: { s: ScenarioScore; results: Map<string, IndicatorResult> }) {
  const { s } = props;
  return (
    <table className="score-table">
      <caption className="sr-only">Score of {s.name}: prior log-odds plus weight times status for each indicator</caption>
      <thead><tr><th scope="col">Term</th><th scope="col">Status</th><th scope="col">Weight × status</th><th scope="col">Log-odds</th></tr></thead>
      <tbody>
        {s.terms.map((t) => (
          <tr key={t.id}>
            <th scope="row">{t.kind === 'prior' ? `Prior: ln(${s.priorP} / ${fmt(1 - s.priorP, 2)})` : t.label}</th>
            <td>{t.kind === 'prior' ? LIKELIHOOD_LABEL[s.likelihood] : indicatorBadge(props.results.get(`${s.id}/${t.id}`)).label}</td>
            <td>{t.kind === 'prior' ? '' : `${t.weight} × ${t.statusValue}`}</td>
            <td className="num">{signed(t.logOdds)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr><th scope="row" colSpan={3}>Posterior log-odds</th><td className="num">{signed(s.logOdds)}</td></tr>
        <tr><th scope="row" colSpan={3}>Probability = 1 / (1 + e^−{fmt(s.logOdds, 2)})</th><td className="num" data-testid={`score-${s.id}`}>{prob(s.p)}</td></tr>
      </tfoot>
    </table>
  );
}

function IndicatorItem(props: { ind: Indicator; r: IndicatorResult | undefined; owner: string; selected: boolean }) {
  const { ind, r, owner, selected } = props;
  const status = r?.status ?? 'none';
  const badge = badgeOf(r);
  const unit = ind.metric.kind === 'change' ? ' %' : '';
  const toggle = () =>
    actions.select(selected
      ? { indicatorId: null, scenarioId: null }
      : { indicatorId: ind.id, scenarioId: owner, ...(boundCorridor(ind) ? { corridorId: boundCorridor(ind) } : {}) });
  return (
    <li className={`indicator status-${status}`}>
      <button type="button" className="indicator-head" aria-pressed={selected} data-indicator={ind.id} onClick={toggle}>
        <span className={`badge ${badge.cls}`} data-testid={`indicator-status-${owner}-${ind.id}`}>{badge.label}</span>
        <span className="indicator-label">{ind.label}</span>
        <span className="indicator-value">{r?.value === null || r === undefined ? 'n/a' : `${fmt(r.value, 2)}${unit}`}</span>
      </button>
      <p className="metric-note">
        Watch {ind.direction === 'below' ? '≤' : '≥'} {fmt(ind.watch)}{unit}, warning {ind.direction === 'below' ? '≤' : '≥'} {fmt(ind.warning)}{unit}
        {ind.weight > 0 ? `; weight ${ind.weight} log-odds per step` : '; shown, not scored'}
        {r && <> · {dayToIso(r.fromDay)} – {dayToIso(r.toDay)}</>}
      </p>
      {r && r.coverage !== 'full' && <p className="metric-note history-note">{r.status === 'none' ? 'Cannot speak: ' : 'Reached on the covered days alone: '}{r.history}.</p>}
      {selected && (
        <div className="indicator-detail">
          <blockquote className="quote">“{ind.quote}”</blockquote>
          <p><strong>Why this measures it:</strong> {ind.rationale}</p>
          {r && <p className="metric-note">{r.explain}</p>}
          {r && <EvidenceList ids={r.evidence} total={r.evidenceCount} />}
        </div>
      )}
    </li>
  );
}

function IndicatorList(props: { owner: string; indicators: readonly Indicator[]; results: Map<string, IndicatorResult>; selectedId: string | null }) {
  return (
    <ul className="indicator-list">
      {props.indicators.map((ind) => (
        <IndicatorItem key={ind.id} ind={ind} owner={props.owner} r={props.results.get(`${props.owner}/${ind.id}`)} selected={props.selectedId === ind.id} />
      ))}
    </ul>
  );
}

/** Which scenarios lead: the highest posterior, and any with an indicator at warning. */
function leading(scores: readonly ScenarioScore[]): ScenarioScore[] {
  const top = Math.max(...scores.map((s) => s.p));
  return scores.filter((s) => s.p === top || scoreStatus(s) === 'warning');
}

function PolicyStressTests(props: { model: ScenarioModel; scores: ScenarioScore[] }) {
  const lead = leading(props.scores);
  const texts = new Map<string, string[]>();
  for (const s of lead) {
    const policy = props.model.scenarios.find((x) => x.id === s.id)?.policy;
    if (policy) texts.set(policy, [...(texts.get(policy) ?? []), s.id]);
  }
  return (
    <section className="policy" aria-labelledby="policy-h">
      <h3 id="policy-h">Policy stress-test for the leading scenario{lead.length > 1 ? 's' : ''} ({lead.map((s) => s.id).join(', ')})</h3>
      {[...texts].map(([text, ids]) => <blockquote key={ids.join()} className="quote" data-for={ids.join(' ')}>{text}</blockquote>)}
      <p className="metric-note">Leading: the highest probability, plus any scenario with an indicator at warning.</p>
    </section>
  );
}

/** The Scenarios tab. */
export function ScenarioPanel() {
  const { model, sc, indicatorId, scenarioId } = useStore(
    useShallow((s) => ({ model: s.results.model, sc: s.results.scenarios, indicatorId: s.selection.indicatorId, scenarioId: s.selection.scenarioId })),
  );
  if (!model || !sc) return <section className="metrics-panel"><h2>Scenarios</h2><JoinStatus /><p className="muted">Evaluating indicators…</p></section>;
  const results = new Map(sc.indicators.map((r) => [`${r.owner}/${r.id}`, r]));
  const sel = (owner: string) => (scenarioId === owner ? indicatorId : null);
  return (
    <section className="metrics-panel scenario-panel" aria-labelledby="scenarios-h">
      <h2 id="scenarios-h">Scenarios</h2>
      <p className="explain">
        Forecast baseline {model.baseline}. Indicators evaluated as of <strong data-testid="as-of">{dayToIso(sc.asOfDay)}</strong> (the end of the time window), each over its own look-back window. {model.scoringNote}
      </p>
      <JoinStatus />
      <RulesNote />
      <PolicyStressTests model={model} scores={sc.scores} />
      {sc.scores.map((s) => {
        const def = model.scenarios.find((x) => x.id === s.id);
        // "Quiet" only when every indicator read quiet; otherwise say how many could not (statusWord.ts).
        const b = scenarioBadge(scoreStatus(s), (def?.indicators ?? []).map((i) => indicatorBadge(results.get(`${s.id}/${i.id}`)).tone));
        const badge = { cls: `status-${b.tone}`, label: b.label };
        return (
          <section key={s.id} className="scenario" aria-labelledby={`sc-${s.id}`} data-scenario={s.id}>
            <h3 id={`sc-${s.id}`}>{s.id} · {s.name}</h3>
            <p className="scenario-meta">
              <span>Stated likelihood: <strong>{LIKELIHOOD_LABEL[s.likelihood]}</strong> ({prob(s.priorP)} prior)</span>
              <span className={`badge ${badge.cls}`}>{badge.label}</span>
              <span>Score <strong>{prob(s.p)}</strong> ({signed(s.logOdds - s.terms[0]!.logOdds)} log-odds from indicators)</span>
            </p>
            <ScoreSince id={s.id} p={s.p} asOfDay={sc.asOfDay} />
            <ScoreTable s={s} results={results} />
            {def && <IndicatorList owner={s.id} indicators={def.indicators} results={results} selectedId={sel(s.id)} />}
          </section>
        );
      })}
      <section className="signposts" aria-labelledby="signposts-h">
        <h3 id="signposts-h">Signposts (early-warning dashboard)</h3>
        {model.signposts.map((sp) => (
          <div key={sp.id} className="signpost" data-signpost={sp.id}>
            <h4>{sp.name}</h4>
            <p className="metric-note">“{sp.quote}”</p>
            <IndicatorList owner={sp.id} indicators={sp.indicators} results={results} selectedId={sel(sp.id)} />
          </div>
        ))}
      </section>
    </section>
  );
}
