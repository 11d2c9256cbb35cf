/** Coverage spans and how they bound the baselines (coverage.ts), worked by hand. */
import { describe, expect, it } from 'vitest';
import { dateToDay } from '../../../src/domain/dates';
import { coveredRun, declaredSpans, isCovered, spanOfDays, unionCoverage, windowCoverage } from '../../../src/metrics/coverage';

const d = dateToDay;

describe('coverage spans', () => {
  it('a declared coverage runs from its first day to the end of its last month, gaps cut out', () => {
    expect(declaredSpans({ from: '2023-07', to: '2025-12' })).toEqual([{ fromDay: d('2023-07-01'), toDay: d('2025-12-31') }]);
    expect(declaredSpans({ from: '2024-01-01', to: '2024-12-31', gaps: [{ from: '2024-03', to: '2024-04-10' }] })).toEqual([
      { fromDay: d('2024-01-01'), toDay: d('2024-02-29') },
      { fromDay: d('2024-04-11'), toDay: d('2024-12-31') },
    ]);
    // A gap over the start or the end trims the span; no `to` is open-ended.
    expect(declaredSpans({ from: '2024-01-01', to: '2024-01-31', gaps: [{ from: '2023-12-01', to: '2024-01-10' }] })).toEqual([{ fromDay: d('2024-01-11'), toDay: d('2024-01-31') }]);
    expect(declaredSpans({ from: '2024-01-01' }, 99_999)).toEqual([{ fromDay: d('2024-01-01'), toDay: 99_999 }]);
  });

  it('an undeclared set covers its first to its last report; no reports, no span', () => {
    expect(spanOfDays(Int32Array.of(20000, 19990, 20010))).toEqual([{ fromDay: 19990, toDay: 20010 }]);
    expect(spanOfDays(new Int32Array(0))).toEqual([]);
  });

  it('union merges overlapping and adjacent spans, keeps real gaps', () => {
    expect(unionCoverage([[{ fromDay: 10, toDay: 20 }], [{ fromDay: 0, toDay: 9 }], [{ fromDay: 30, toDay: 40 }, { fromDay: 35, toDay: 50 }]])).toEqual([
      { fromDay: 0, toDay: 20 }, { fromDay: 30, toDay: 50 },
    ]);
  });

  it('a window is covered only when one span holds every day of it', () => {
    const spans = [{ fromDay: 0, toDay: 20 }, { fromDay: 30, toDay: 50 }];
    expect([isCovered(spans, 0, 20), isCovered(spans, 15, 25), isCovered(spans, 31, 31), isCovered(spans, 5, 4)]).toEqual([true, false, true, false]);
  });
});

describe('covered preceding windows', () => {
  it('counts back from the nearest window and stops at the first one not covered', () => {
    // 28-day windows before day 200 within [100, 500]: 172–199, 144–171, 116–143 covered; 88–115 is not.
    expect(coveredRun([{ fromDay: 100, toDay: 500 }], 200, 28, 12)).toBe(3);
    expect(coveredRun([{ fromDay: 100, toDay: 500 }], 200, 28, 2)).toBe(2);
    expect(coveredRun([{ fromDay: 100, toDay: 500 }], 100, 28, 12)).toBe(0);
    // Behind a gap the older windows are not used.
    expect(coveredRun([{ fromDay: 0, toDay: 150 }, { fromDay: 160, toDay: 500 }], 300, 28, 12)).toBe(5);
  });

  it('windowCoverage: the default window of the bundled data has no preceding window inside the data', () => {
    const spans = declaredSpans({ from: '2023-07', to: '2025-12' });
    expect(windowCoverage(spans, d('2023-07-01'), d('2025-12-31'))).toEqual({
      covered: true, prev: 0, of4: 0, of12: 0, startDay: d('2023-07-01'), endDay: d('2025-12-31'),
    });
    // 90 days from 2024-07-01: four windows back reach 2023-07-07 (inside); a fifth would start in June 2023.
    const q = windowCoverage(spans, d('2024-07-01'), d('2024-09-28'));
    expect([q.covered, q.prev, q.of4, q.of12]).toEqual([true, 1, 4, 4]);
    // A window reaching past the end of the data is not covered: nothing is compared.
    expect(windowCoverage(spans, d('2025-12-01'), d('2026-01-31'))).toMatchObject({ covered: false, prev: 0, of4: 0, of12: 0 });
    // Without declared coverage every window counts as covered.
    expect(windowCoverage(null, 0, 9)).toMatchObject({ covered: true, prev: 1, of4: 4, of12: 12 });
  });
});
