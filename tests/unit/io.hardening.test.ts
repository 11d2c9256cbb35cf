/**
 * Regression tests for the import edges fuzzing found: words that name Object.prototype members,
 * super-linear coordinate parsing, caps inside a surrogate pair, deep nesting, and values that
 * printed as "null".
 */
import { describe, expect, it } from 'vitest';
import { SightingFeature } from '../../src/domain/schemas';
import { parseCSVImport, parseGeoJSONImport, runImport, type ImportMessage } from '../../src/io';
import { readCoordinate } from '../../src/io/coordinates';
import { capText, cleanText, graphemePrefix } from '../../src/io/text';

const HEAD = 'lat,lon,date,category,confidence,source,summary';
const ODD_WORDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

describe('words that name Object.prototype members', () => {
  it.each(ODD_WORDS)('a category of %s is an unknown category, not a function', (w) => {
    const r = parseCSVImport(`${HEAD}\n42,130,2024-10-01,${w},high,Reuters,s\n`);
    expect(r.features).toEqual([]);
    expect(r.problems).toEqual([{ row: 1, message: `category "${w}" is not a known category` }]);
  });

  it.each(ODD_WORDS)('a confidence of %s is refused, not {}', (w) => {
    const r = parseCSVImport(`${HEAD}\n42,130,2024-10-01,training,${w},Reuters,s\n`);
    expect(r.features).toEqual([]);
    expect(r.problems).toEqual([{ row: 1, message: `confidence "${w}" is not high, moderate or low` }]);
  });

  it.each(ODD_WORDS)('%s as a header, a source or a summary stays plain data', (w) => {
    const r = parseCSVImport(`${HEAD},${w}\n42,130,2024-10-01,training,high,${w},${w},${w}\n`);
    expect(r.problems).toEqual([]);
    expect(r.features[0]?.properties).toMatchObject({ summary: w, name: w });
    expect(r.sources[0]?.publisher).toBe(w);
    expect(SightingFeature.safeParse(r.features[0]).success).toBe(true);
    expect(() => structuredClone(r)).not.toThrow();
  });

  it('the fuzzed row imports nothing and the worker job still posts one cloneable result', () => {
    const messages: ImportMessage[] = [];
    runImport({ text: `${HEAD}\n42,130,2024-10-01,constructor,high,Reuters,s\n42,130,2024-10-01,training,__proto__,Reuters,s\n`, name: 'f.csv' }, (m) => messages.push(m));
    const last = messages.at(-1)!;
    expect(last.type).toBe('result');
    expect(() => structuredClone(last)).not.toThrow();
    expect(last.type === 'result' && last.result.features).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** Median milliseconds of `runs` calls. */
function medianMs(f: () => void, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

describe('linear coordinate parsing', () => {
  it('40,000 digits followed by x is "not a number", read without backtracking', () => {
    const problems: string[] = [];
    expect(readCoordinate(`${'1'.repeat(40_000)}x`, 'latitude', problems)).toBeUndefined();
    expect(problems[0]).toMatch(/^latitude "1{39}…" is not a number$/);
  });

  it('one 1 MB coordinate costs the same order of time as 1,000 coordinates of 1 KB (same bytes)', () => {
    const big = `${HEAD}\n${'9'.repeat(1 << 20)}x,130,2024-10-01,training,high,R,s\n`;
    const rows = Array.from({ length: 1024 }, () => `${'9'.repeat(1024)}x,130,2024-10-01,training,high,R,s`).join('\n');
    const small = `${HEAD}\n${rows}\n`;
    parseCSVImport(small);
    parseCSVImport(big);
    const tBig = medianMs(() => parseCSVImport(big));
    const tSmall = medianMs(() => parseCSVImport(small));
    // Linear: the same bytes cost about the same (the small file does 1,024× the per-row work, so it
    // is the slower one). Quadratic matching would make the big file ~1,000× slower.
    expect(tBig / tSmall).toBeLessThan(10);
  });

  it('reads signed, leading-dot and trailing-dot decimals, and refuses the rest', () => {
    const ok = (s: string) => readCoordinate(s, 'longitude', []);
    expect([ok('+130.5'), ok('-.5'), ok('7.'), ok(' 42 ')]).toEqual([130.5, -0.5, 7, 42]);
    for (const bad of ['1e3', '0x10', '1.2.3', '', '.', '--1', 'Infinity']) expect(ok(bad)).toBeUndefined();
  });
});

describe('caps on grapheme boundaries', () => {
  it('never cuts a surrogate pair or an emoji sequence, so the text stays encodable', () => {
    for (let n = 3990; n < 4010; n++) {
      const text = `${'a'.repeat(n)}😀👍🏽👨‍👩‍👧x`.repeat(2);
      const capped = cleanText(text, 4000)!;
      expect(capped.length).toBeLessThanOrEqual(4000);
      expect(() => encodeURIComponent(capped)).not.toThrow();
    }
    expect(graphemePrefix('ab👍🏽c', 3)).toBe('ab');
    expect(graphemePrefix('ab👍🏽c', 6)).toBe('ab👍🏽c'.slice(0, 6));
    expect(capText('abcdef', 4)).toBe('abc…');
  });

  it('a summary capped at the limit imports and encodes', () => {
    const summary = `${'b'.repeat(3998)}😀😀`;
    const r = parseCSVImport(`${HEAD}\n42,130,2024-10-01,training,high,R,${summary}\n`);
    const s = r.features[0]!.properties.summary;
    expect(s.endsWith('…')).toBe(true);
    expect(() => encodeURIComponent(s)).not.toThrow();
  });
});

describe('GeoJSON edges', () => {
  const point = (coordinates: string) =>
    `{"type":"Feature","geometry":{"type":"Point","coordinates":${coordinates}},"properties":{"name":"x","date":"2024-10-01","category":"training","confidence":"high","source":"R"}}`;

  it('a coordinate nested 100,000 levels deep is one problem, not a RangeError', () => {
    const deep = `[${'['.repeat(100_000)}1${']'.repeat(100_000)},42]`;
    const r = parseGeoJSONImport(point(deep));
    expect(r.problems).toEqual([{ row: 1, message: 'longitude is a list, not a number' }]);
  });

  it('says Infinity, not "null", and names coordinates that are not a list', () => {
    expect(parseGeoJSONImport(point('[1e999,42]')).problems).toEqual([{ row: 1, message: 'longitude Infinity is not a number' }]);
    expect(parseGeoJSONImport(point('"130,42"')).problems).toEqual([{ row: 1, message: 'has a Point whose coordinates are not a [longitude, latitude] list' }]);
    expect(parseGeoJSONImport(point('["abc",42]')).problems).toEqual([{ row: 1, message: 'longitude "abc" is not a number' }]);
  });
});
