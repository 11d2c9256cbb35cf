import { describe, expect, test } from 'vitest';
import { announceSynthetic, loadSynthetic, MAX_SYNTHETIC, syntheticRequest } from '../../src/state/synthetic';
import { useStore } from '../../src/state/store';
import { generateSynthetic } from '../../src/state/syntheticData';
import { runSyntheticJob } from '../../src/state/syntheticWorker';
import { describeIds } from '../../src/metrics/idList';
import { nodes, routes } from '../e2e/support/geodata';

describe('syntheticRequest', () => {
  test('no request without a positive count', () => {
    expect(syntheticRequest('')).toBeNull();
    expect(syntheticRequest('?seed=3')).toBeNull();
    expect(syntheticRequest('?synthetic=')).toBeNull();
    expect(syntheticRequest('?synthetic=0')).toBeNull();
    expect(syntheticRequest('?synthetic=-5')).toBeNull();
    expect(syntheticRequest('?synthetic=0.5')).toBeNull(); // floors to 0
    expect(syntheticRequest('?synthetic=lots')).toBeNull();
    expect(syntheticRequest('?synthetic=-Infinity')).toBeNull();
  });
  test('a count with the default seed 1', () => {
    expect(syntheticRequest('?synthetic=1000')).toEqual({ n: 1000, seed: 1 });
    expect(syntheticRequest('synthetic=5')).toEqual({ n: 5, seed: 1 }); // without "?"
    expect(syntheticRequest('?synthetic=12.7')).toEqual({ n: 12, seed: 1 }); // whole points
  });
  test('an explicit seed, floored; an unreadable seed falls back to 1', () => {
    expect(syntheticRequest('?synthetic=10&seed=7')).toEqual({ n: 10, seed: 7 });
    expect(syntheticRequest('?seed=42&synthetic=10')).toEqual({ n: 10, seed: 42 });
    expect(syntheticRequest('?synthetic=10&seed=2.9')).toEqual({ n: 10, seed: 2 });
    expect(syntheticRequest('?synthetic=10&seed=abc')).toEqual({ n: 10, seed: 1 });
  });
  test('huge counts are clamped to MAX_SYNTHETIC (2,000,000)', () => {
    expect(MAX_SYNTHETIC).toBe(2_000_000);
    expect(syntheticRequest('?synthetic=2000000')).toEqual({ n: 2_000_000, seed: 1 });
    expect(syntheticRequest('?synthetic=2000001')).toEqual({ n: 2_000_000, seed: 1 });
    expect(syntheticRequest('?synthetic=1e9&seed=3')).toEqual({ n: 2_000_000, seed: 3 });
    // Too many digits for a double: still a (very) large count, not "no request".
    expect(syntheticRequest(`?synthetic=${'9'.repeat(400)}`)).toEqual({ n: 2_000_000, seed: 1 });
  });
});

describe('the synthetic generator worker job', () => {
  const job = { n: 2_000, seed: 7, routes, nodes };
  test('columns without ids, in the generator order, with their day order; every buffer listed for transfer', () => {
    const { answer, transfer } = runSyntheticJob(job);
    if ('error' in answer) throw new Error(answer.error);
    const direct = generateSynthetic(job);
    expect(answer.columns.length).toBe(2_000);
    expect('ids' in answer.columns).toBe(false);
    expect(Array.from(answer.columns.lon)).toEqual(Array.from(direct.lon));
    expect(Array.from(answer.columns.day)).toEqual(Array.from(direct.day));
    const order = Array.from(answer.byDay);
    for (let k = 1; k < order.length; k++) {
      const [a, b] = [order[k - 1]!, order[k]!];
      expect(direct.day[a]! < direct.day[b]! || (direct.day[a] === direct.day[b] && a < b)).toBe(true);
    }
    expect(new Set(transfer).size).toBe(10);
    expect(transfer).toContain(answer.byDay.buffer);
  });
  test('generated ids are made on read, not stored', () => {
    const cols = generateSynthetic({ ...job, n: 1_000_000 });
    expect(cols.ids.length).toBe(1_000_000);
    expect(cols.ids[0]).toBe('syn-000001');
    expect(cols.ids[999_999]).toBe('syn-1000000');
    expect(describeIds(cols.ids)).toEqual({ prefix: 'syn-', pad: 6, count: 1_000_000 });
  });
});

describe('the synthetic-data notice', () => {
  const notice = (id: number) => useStore.getState().notices.filter((x) => x.id === id);
  test('shown when the points are asked for, then told in its place that they are loaded', async () => {
    const req = { n: 2_000, seed: 7 };
    const id = announceSynthetic(req);
    expect(notice(id)).toEqual([{ id, level: 'warning', text: 'Synthetic benchmark data: generating 2,000 points (seed 7). Not reports.' }]);
    const others = useStore.getState().notices.length;
    await loadSynthetic(req, Promise.resolve(runSyntheticJob({ ...req, routes, nodes }).answer), id);
    expect(notice(id)).toHaveLength(1);
    expect(notice(id)[0]!.level).toBe('warning');
    expect(notice(id)[0]!.text).toMatch(/^Synthetic benchmark data: 2,000 points \(seed 7\) in \d+ ms\. Not reports\.$/);
    expect(useStore.getState().notices.length).toBe(others);
    expect(useStore.getState().sightingSets.find((x) => x.key === 'synthetic')?.columns.length).toBe(2_000);
  });
  test('a generator failure turns the same notice into an error', async () => {
    const id = announceSynthetic({ n: 10, seed: 1 });
    await loadSynthetic({ n: 10, seed: 1 }, Promise.resolve({ error: 'the generator worker failed' }), id);
    expect(notice(id)).toEqual([{ id, level: 'error', text: 'Synthetic benchmark data could not be generated: the generator worker failed' }]);
  });
});
