import { describe, expect, test } from 'vitest';
import { indicatorBadge, scenarioBadge, statusBadge } from '../../src/ui/statusWord';

describe('statusBadge', () => {
  test('a measured value below watch is Quiet; watch and warning keep their words', () => {
    expect(statusBadge('none', 0)).toEqual({ label: 'Quiet', tone: 'none' });
    expect(statusBadge('none', 0.4)).toEqual({ label: 'Quiet', tone: 'none' });
    expect(statusBadge('watch', 3)).toEqual({ label: 'Watch', tone: 'watch' });
    expect(statusBadge('warning', 9)).toEqual({ label: 'Warning', tone: 'warning' });
  });
  test('n/a (no value) is never Quiet', () => {
    for (const v of [null, undefined, Number.NaN]) expect(statusBadge('none', v)).toEqual({ label: 'No reading', tone: 'na' });
  });
});

describe('indicatorBadge and scenarioBadge', () => {
  test('n/a reads No reading before any history note; a quiet value short of history cannot say Quiet', () => {
    expect(indicatorBadge({ status: 'none', value: null, coverage: 'partial' })).toEqual({ label: 'No reading', tone: 'na' });
    expect(indicatorBadge({ status: 'none', value: 0, coverage: 'partial' })).toEqual({ label: 'Too little history', tone: 'history' });
    expect(indicatorBadge({ status: 'none', value: 0, coverage: 'none' })).toEqual({ label: 'Too little history', tone: 'history' });
    expect(indicatorBadge({ status: 'none', value: 0, coverage: 'full' })).toEqual({ label: 'Quiet', tone: 'none' });
    // A count that reached watch on the covered days keeps its word.
    expect(indicatorBadge({ status: 'watch', value: 3.6, coverage: 'partial' })).toEqual({ label: 'Watch', tone: 'watch' });
    expect(indicatorBadge(undefined)).toEqual({ label: 'No reading', tone: 'na' });
  });
  test('a scenario is Quiet only when every indicator read quiet', () => {
    expect(scenarioBadge('none', ['none', 'none'])).toEqual({ label: 'Quiet', tone: 'none' });
    expect(scenarioBadge('none', ['none', 'na'])).toEqual({ label: 'Quiet on 1, no reading on 1', tone: 'na' });
    expect(scenarioBadge('none', ['na', 'na', 'history'])).toEqual({ label: 'No reading on 2, too little history on 1', tone: 'history' });
    expect(scenarioBadge('none', ['history'])).toEqual({ label: 'Too little history on 1', tone: 'history' });
    expect(scenarioBadge('warning', ['warning', 'na'])).toEqual({ label: 'Warning', tone: 'warning' });
  });
});
