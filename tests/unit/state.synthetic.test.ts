import { describe, expect, test } from 'vitest';
import { MAX_SYNTHETIC, syntheticRequest } from '../../src/state/synthetic';

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
