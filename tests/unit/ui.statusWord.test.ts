import { describe, expect, test } from 'vitest';
import { statusBadge } from '../../src/ui/statusWord';

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
