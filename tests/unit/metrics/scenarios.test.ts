import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioModel } from '../../../src/domain/scenarios';
import { dateToDay } from '../../../src/domain/dates';
import { toColumns } from '../../../src/metrics/columns';
import { evaluateIndicators, statusOf } from '../../../src/metrics/indicators';
import { spatialJoin } from '../../../src/metrics/join';
import { logit, scoreScenarios } from '../../../src/metrics/scoring';
import type { Source } from '../../../src/domain/schemas';
import { createSighting, deepFreeze } from './helpers';

const model = deepFreeze(ScenarioModel.parse(JSON.parse(readFileSync('geodata/scenarios.json', 'utf8'))));

describe('geodata/scenarios.json', () => {
  it('has the four scenarios with their stated likelihoods and the four signposts', () => {
    expect(model.scenarios.map((s) => [s.id, s.likelihood])).toEqual([['S1', 'high'], ['S2', 'medium'], ['S3', 'low-medium'], ['S4', 'medium']]);
    expect(model.signposts.map((s) => s.id)).toEqual(['narrative-normalisation', 'rotation-tempo', 'compensation-signals', 'casualty-management']);
    for (const s of model.scenarios) for (const i of s.indicators) {
      expect(i.rationale.length).toBeGreaterThan(80);
      expect(i.direction === 'below' ? i.warning <= i.watch : i.warning >= i.watch).toBe(true);
    }
    expect(model.scenarios[0]!.policy).toContain('interdiction of enabling infrastructure');
    expect(model.scenarios[1]!.policy).toContain('maritime/rail monitoring');
  });
});

describe('indicator status and scenario scoring', () => {
  it('applies watch and warning thresholds inclusively', () => {
    const t = { watch: 2, warning: 3, direction: 'above' as const };
    expect([statusOf(1, t), statusOf(2, t), statusOf(3, t), statusOf(null, t)]).toEqual(['none', 'watch', 'warning', 'none']);
    expect(statusOf(5, { watch: 10, warning: 5, direction: 'below' })).toBe('warning');
  });

  it('scores from the prior log-odds plus weight × status, with evidence', () => {
    const sources = new Map<string, Source>([['kcna', { id: 'kcna', publisher: 'KCNA', title: 't', kind: 'state-media' }]]);
    // Three state-media ceremonies within 90 days of the as-of day → S1 homecomings warning (≥ 3 in 180 d),
    // S3 hero awards warning (≥ 3 in 90 d).
    const s = ['2025-10-01', '2025-11-01', '2025-12-12'].map((d) => createSighting([125.75, 39.03], d, { category: 'ceremony', sources: ['kcna'] }));
    const cols = toColumns(s, sources);
    const join = spatialJoin(cols, []);
    const results = evaluateIndicators(model, { join, cols, zones: [], asOfDay: dateToDay('2025-12-16') });
    const home = results.find((r) => r.id === 's1-homecomings')!;
    expect([home.value, home.status, home.evidence]).toEqual([3, 'warning', [s[2]!.properties.id, s[1]!.properties.id, s[0]!.properties.id]]);
    const scores = scoreScenarios(model, results);
    const s1 = scores.find((x) => x.id === 'S1')!;
    const w = model.scenarios[0]!.indicators.find((i) => i.id === 's1-homecomings')!.weight;
    expect(s1.terms[0]!.logOdds).toBeCloseTo(logit(0.75), 12);
    expect(s1.logOdds).toBeCloseTo(logit(0.75) + 2 * w, 12);
    expect(s1.p).toBeCloseTo(1 / (1 + Math.exp(-(logit(0.75) + 2 * w))), 12);
    const s2 = scores.find((x) => x.id === 'S2')!;
    expect(s2.p).toBeCloseTo(0.5, 12); // no S2 evidence: prior only
  });
});
