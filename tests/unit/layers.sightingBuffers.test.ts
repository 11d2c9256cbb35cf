import { describe, expect, test } from 'vitest';
import { CATEGORY_STYLE, CONFIDENCE_RADIUS } from '../../src/layers/style';
import { buildSightingBuffers, classKey, DENSE_POINTS, filterClasses, HIDDEN_CLASS, withPass } from '../../src/layers/sightingBuffers';

const cols = (n: number) => ({
  length: n,
  lon: Array.from({ length: n }, (_, i) => 30 + i),
  lat: Array.from({ length: n }, () => 50.5),
  day: Array.from({ length: n }, (_, i) => 19_700 + i),
  category: Array.from({ length: n }, (_, i) => i % 13),
  confidence: Array.from({ length: n }, (_, i) => i % 3),
});

describe('sighting buffers', () => {
  test('positions, legend colours and radii, faint rings for low confidence, day and filter class per point', () => {
    const b = buildSightingBuffers(cols(3));
    expect(Array.from(b.positions)).toEqual([30, 50.5, 31, 50.5, 32, 50.5]);
    expect(Array.from(b.colours.slice(0, 4))).toEqual(CATEGORY_STYLE['munitions-shipment'].colour);
    expect(b.colours[11]).toBe(110); // point 2 is low confidence
    expect(Array.from(b.radii)).toEqual([CONFIDENCE_RADIUS.high, CONFIDENCE_RADIUS.moderate, CONFIDENCE_RADIUS.low]);
    expect(Array.from(b.lineWidths!)).toEqual([1, 1, 2]);
    expect(Array.from(b.days)).toEqual([19_700, 19_701, 19_702]);
    expect(Array.from(b.classes)).toEqual([classKey(0, 0), classKey(1, 1), classKey(2, 2)]);
    expect(Array.from(b.classes)).toEqual([0, 4, 8]);
  });
  test('dense sets carry no outline widths (drawn without outlines)', () => {
    expect(buildSightingBuffers(cols(DENSE_POINTS)).lineWidths).toBeDefined();
    expect(buildSightingBuffers(cols(DENSE_POINTS + 1)).lineWidths).toBeUndefined();
  });
  test('filter classes are the chosen categories × confidences; every class fits the 128-bit mask', () => {
    expect(filterClasses([2], [0, 1])).toEqual([6, 7]);
    expect(filterClasses([], [0])).toEqual([]);
    expect(Math.max(...filterClasses([...Array(13).keys()], [0, 1, 2]))).toBeLessThan(HIDDEN_CLASS);
  });
  test('a pass mask moves failing points to the hidden class; no mask returns the same buffers', () => {
    const b = buildSightingBuffers(cols(3));
    expect(withPass(b, null)).toBe(b);
    const p = withPass(b, Uint8Array.of(1, 0, 1));
    expect(Array.from(p.classes)).toEqual([0, HIDDEN_CLASS, 8]);
    expect(p.positions).toBe(b.positions); // only the class column is new
    expect(Array.from(b.classes)).toEqual([0, 4, 8]);
  });
});
