import { describe, expect, test } from 'vitest';
import { dateToDay } from '../../src/domain/dates';
import { changeLabel, coverageText, fmt, pct, prob, signed, sparklineLabel, sparklinePath, stripX } from '../../src/ui/metricsFormat';

describe('panel number formats', () => {
  test('percentages are signed, rounded, and n/a without a base', () => {
    expect(pct(25)).toBe('+25 %');
    expect(pct(-33.4)).toBe('−33 %');
    expect(pct(0.2)).toBe('±0 %');
    expect(pct(null)).toBe('n/a');
    expect(pct(Infinity)).toBe('+∞ %');
  });
  test('log-odds terms carry their sign, and a rounded zero is not negative', () => {
    expect(signed(Math.log(0.75 / 0.25))).toBe('+1.10');
    expect(signed(Math.log(0.35 / 0.65))).toBe('−0.62');
    expect(signed(-0.001)).toBe('+0.00');
  });
  test('numbers and probabilities', () => {
    expect(fmt(1234.56)).toBe('1,234.6');
    expect(fmt(9, 2)).toBe('9');
    expect(prob(0.8909)).toBe('89 %');
  });
});

describe('sparkline', () => {
  test('path spans the width, zero on the baseline, the peak at the top', () => {
    expect(sparklinePath([0, 2, 1], 100, 20, 2)).toBe('M2 18 L50 2 L98 10');
  });
  test('one value draws a flat line; no values draw nothing; all zeros stay on the baseline', () => {
    expect(sparklinePath([3], 100, 20, 2)).toBe('M2 2 L98 2');
    expect(sparklinePath([], 100, 20)).toBe('');
    expect(sparklinePath([0, 0], 10, 10, 1)).toBe('M1 9 L9 9');
  });
  test('text alternative states total, peak and every count', () => {
    expect(sparklineLabel(['2025-01-01', '2025-01-08', '2025-01-15'], [1, 4, 0])).toBe(
      'Weekly counts, 3 weeks from 2025-01-01: total 5, peak 4 (week of 2025-01-08). 1, 4, 0',
    );
    expect(sparklineLabel([], [])).toBe('Weekly counts: no weeks in the window');
  });
});

describe('along-route strip', () => {
  test('km map linearly into the padded width and clamp at the ends', () => {
    expect(stripX(500, 1000, 200, 10)).toBe(100);
    expect(stripX(0, 1000, 200, 10)).toBe(10);
    expect(stripX(1200, 1000, 200, 10)).toBe(190);
    expect(stripX(5, 0, 200, 10)).toBe(10);
  });
});

describe('changeLabel', () => {
  const cov = { startDay: dateToDay('2023-07-01'), endDay: dateToDay('2025-12-31') };
  test('says why there is no comparison, and how many windows there were when fewer than asked', () => {
    expect(changeLabel({ level: 'no-baseline', windows: 0, requested: 4 }, cov)).toBe('No baseline (data starts 2023-07)');
    expect(changeLabel({ level: 'uncovered', windows: 0, requested: 12 }, cov)).toBe('Outside the data (2023-07 – 2025-12)');
    expect(changeLabel({ level: 'moderate-rise', windows: 3, requested: 4 }, cov)).toBe('Moderate rise · 3 of 4 windows');
    expect(changeLabel({ level: 'large-fall', windows: 12, requested: 12 }, cov)).toBe('Large fall');
    expect(changeLabel({ level: 'no-baseline', windows: 0, requested: 4 }, { startDay: null, endDay: null })).toBe('No baseline');
    expect(coverageText(cov)).toBe('data 2023-07 – 2025-12');
  });
});
