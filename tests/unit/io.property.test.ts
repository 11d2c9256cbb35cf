/**
 * Property tests for import (fast-check): whatever text sits in any field — words that name
 * Object.prototype members (`constructor`, `__proto__`, `toString`, `hasOwnProperty`), markup, any
 * Unicode, values of hundreds of kilobytes, dates far in the future — an import never throws, never
 * pollutes a prototype, and gives only reports and sources that pass the domain schema, can be posted
 * to a worker (structured clone) and encoded into a link; a row whose required fields are valid is
 * kept whatever its other text says; text is capped on grapheme boundaries.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORIES, SightingFeature, Source } from '../../src/domain/schemas';
import { parseCSVImport, parseGeoJSONImport, toCSV, type ImportResult } from '../../src/io';

const ODD = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__', 'isPrototypeOf'];
const MARKUP = ['<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '=HYPERLINK("http://x")', '-2+3', '"; DROP', "'quoted'"];

/** Text as any field may hold it: odd words, markup, any Unicode, and now and then a huge value. */
const anyText = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.constantFrom(...MARKUP) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', '😀', '👍🏽', 'é', '9'), fc.integer({ min: 1_000, max: 60_000 })).map(([s, n]) => s.repeat(n)) },
);
/** A value that is usually valid for its field and otherwise any text. */
const mostly = <T extends string>(valid: fc.Arbitrary<T>) => fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: anyText });

const isoDate = fc
  .tuple(fc.integer({ min: 1800, max: 2999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const lat = fc.double({ min: -90, max: 90, noNaN: true }).map((x) => String(Math.round(x * 1e4) / 1e4));
const lon = fc.double({ min: -180, max: 180, noNaN: true }).map((x) => String(Math.round(x * 1e4) / 1e4));

const record = fc.record({
  id: mostly(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/)),
  lat: mostly(lat),
  lon: mostly(lon),
  date: mostly(isoDate),
  category: mostly(fc.constantFrom(...CATEGORIES)),
  confidence: mostly(fc.constantFrom('high', 'moderate', 'low')),
  location: mostly(fc.constantFrom('exact', 'settlement', 'region')),
  name: anyText,
  summary: anyText,
  place: anyText,
  note: anyText,
  source_1_publisher: anyText,
  source_1_title: anyText,
  source_1_url: mostly(fc.webUrl()),
  source_1_date: mostly(isoDate),
});
type Rec = typeof record extends fc.Arbitrary<infer R> ? R : never;
const COLUMNS = ['id', 'lat', 'lon', 'date', 'category', 'confidence', 'location', 'name', 'summary', 'place', 'note', 'source_1_publisher', 'source_1_title', 'source_1_url', 'source_1_date'] as const;

/** Text that is there once control characters (which imports drop) are gone. */
const present = (s: string) => s.replace(/[\u0000-\u001f\u007f]/g, '').trim() !== '';
const requiredValid = (r: Rec) =>
  /^-?\d/.test(r.lat) && Math.abs(Number(r.lat)) <= 90 && /^-?\d/.test(r.lon) && Math.abs(Number(r.lon)) <= 180 &&
  /^\d{4}-\d{2}-\d{2}$/.test(r.date) && (CATEGORIES as readonly string[]).includes(r.category) &&
  ['high', 'moderate', 'low'].includes(r.confidence) && ['exact', 'settlement', 'region'].includes(r.location) &&
  (present(r.name) || present(r.summary)) && (present(r.source_1_publisher) || /^https?:/.test(r.source_1_url));

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

/** The invariants every import result keeps. */
function checkResult(r: ImportResult): void {
  for (const f of r.features) {
    expect(SightingFeature.safeParse(f).success).toBe(true);
    const p = f.properties;
    expect(typeof p.category).toBe('string');
    expect(typeof p.confidence).toBe('string');
    expect(p.name.length).toBeLessThanOrEqual(300);
    expect(p.summary.length).toBeLessThanOrEqual(4000);
    expect(() => encodeURIComponent(`${p.name}${p.summary}${p.note ?? ''}`)).not.toThrow();
  }
  for (const s of r.sources) {
    expect(Source.safeParse(s).success).toBe(true);
    expect(() => encodeURIComponent(`${s.publisher}${s.title}`)).not.toThrow();
  }
  expect(() => structuredClone(r)).not.toThrow();
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(PROTO_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

/** Remove lone surrogates: a file read as UTF-8 never holds them (the decoder writes U+FFFD). */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

describe('import properties', () => {
  it('a report with no name takes its summary as name, cut to a name\'s length (found by the CSV property)', () => {
    const row = 'lat,lon,date,category,confidence,location,name,summary,place,source_1_publisher\n' +
      `0,0,2024-01-01,munitions-shipment,high,exact,,${'a'.repeat(1000)},constructor,Reuters\n`;
    const r = parseCSVImport(row, { today: '2026-12-01' });
    checkResult(r);
    expect(r.features).toHaveLength(1);
    expect(r.features[0]!.properties.name).toBe(`${'a'.repeat(299)}…`);
    expect(r.features[0]!.properties.summary).toBe('a'.repeat(1000));
  });

  it('CSV: any text in any field gives valid, cloneable, encodable reports; valid rows are kept', () => {
    let validRows = 0;
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 4 }), (recs) => {
        const rows = recs.map((r) => Object.fromEntries(COLUMNS.map((c) => [c, wellFormed(r[c])])) as Rec);
        const r = parseCSVImport(toCSV(rows, [...COLUMNS]), { today: '2026-12-01' });
        checkResult(r);
        const fileIds = new Set(r.fileIds ?? []);
        rows.forEach((row, i) => {
          if (requiredValid(row)) validRows++;
          if (requiredValid(row)) expect(r.problems.filter((p) => p.row === i + 1), JSON.stringify(row).slice(0, 200)).toEqual([]);
        });
        expect(r.features.length).toBeLessThanOrEqual(rows.length);
        expect(fileIds.size).toBeLessThanOrEqual(rows.length);
      }),
      { numRuns: 150 },
    );
    // The generators reach rows that must be kept, not only rows that are refused.
    expect(validRows).toBeGreaterThan(10);
  });

  it('GeoJSON: the same for properties (keys included) and odd geometry values', () => {
    const odd = fc.oneof(fc.constantFrom(...ODD), fc.constant('__proto__'));
    fc.assert(
      fc.property(record, odd, anyText, fc.oneof(fc.double(), fc.constantFrom('1e999', '[[1]]', '"x"', 'null', '{}')), (rec, key, value, z) => {
        const props = Object.fromEntries(COLUMNS.filter((c) => c !== 'lat' && c !== 'lon').map((c) => [c, wellFormed(rec[c])]));
        const json = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[${JSON.stringify(Number(rec.lon))},${JSON.stringify(Number(rec.lat))},${typeof z === 'number' ? JSON.stringify(z) : z}]},"properties":${JSON.stringify(props).replace(/^\{/, `{${JSON.stringify(key)}:${JSON.stringify(wellFormed(value))},`)}}]}`;
        const r = parseGeoJSONImport(json, { today: '2026-12-01' });
        checkResult(r);
      }),
      { numRuns: 150 },
    );
  });

  it('dates before 2000 or more than a year after today are kept with a remark, in any field of the file', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const csv = `lat,lon,date,category,confidence,source,summary\n55.75,37.62,${date},training,high,Example Wire,s\n`;
        const r = parseCSVImport(csv, { today: '2026-12-01' });
        expect(r.features.map((f) => f.properties.date)).toEqual([date]);
        const odd = date < '2000-01-01' || date > '2027-12-02';
        expect(r.remarks.some((m) => /before 2000|more than a year after today/.test(m.message))).toBe(odd);
      }),
      { numRuns: 200 },
    );
  });
});
