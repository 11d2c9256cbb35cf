import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDate, SightingFeature, Source } from '../../src/domain/schemas';
import { parseCSVImport, summariseProblems } from '../../src/io';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/io', name), 'utf8');
const HEAD = 'lat,lon,date,category,confidence,source,summary';

describe('parseCSVImport', () => {
  const result = parseCSVImport(fixture('sightings-3good-2bad.csv'), { batch: 't1', name: 'reports.csv' });

  it('imports the 3 good rows as valid, imported sightings', () => {
    expect(result.total).toBe(5);
    expect(result.features.map((f) => f.id)).toEqual(['imp-t1-1', 'imp-t1-2', 'imp-t1-3']);
    for (const f of result.features) {
      expect(SightingFeature.safeParse(f).success).toBe(true);
      expect(f.properties.imported).toBe(true);
      expect(f.properties.id).toBe(f.id);
    }
    const [a, b, c] = result.features;
    expect(a?.geometry.coordinates).toEqual([130.4036, 42.2953]);
    expect(a?.properties).toMatchObject({ name: 'Tumangang yard', place: 'tumangang', date: '2024-10-08', confidence: 'high' });
    expect(b?.properties).toMatchObject({ name: 'Vladivostok port — Primorsky Krai', date: '2024-10', category: 'troop-movement', confidence: 'moderate' });
    expect(c?.properties).toMatchObject({ name: 'Drill filmed at a range', summary: 'Drill filmed at a range', category: 'training', confidence: 'low' });
  });

  it('names data rows 4 and 5 (header not counted) in its problems, and every problem of row 5', () => {
    expect(result.problems).toEqual([
      { row: 4, message: 'latitude 123 is out of range' },
      { row: 5, message: 'date "2024-13-01" is not a calendar date (YYYY-MM-DD, YYYY-MM, DD Month YYYY or an ISO date-time)' },
      { row: 5, message: 'category "artillery" is not a known category' },
      { row: 5, message: 'confidence "certain" is not high, moderate or low' },
      { row: 5, message: 'source is missing' },
      { row: 5, message: 'neither a name nor a summary is given' },
    ]);
    expect(summariseProblems(result.problems, 2)).toEqual([
      'Row 4: latitude 123 is out of range',
      'Row 5: date "2024-13-01" is not a calendar date (YYYY-MM-DD, YYYY-MM, DD Month YYYY or an ISO date-time)',
      '…and 4 more problems',
    ]);
  });

  it('creates one source per distinct source, keeping only http(s) links', () => {
    expect(result.sources).toEqual([
      { id: 'imp-src-t1-1', publisher: '38 North', title: 'https://www.38north.org/2024/10/example/', kind: 'media', url: 'https://www.38north.org/2024/10/example/' },
      { id: 'imp-src-t1-2', publisher: 'Reuters', title: 'Reuters', kind: 'media' },
      { id: 'imp-src-t1-3', publisher: 't.me', title: 'https://t.me/example_channel/123', kind: 'media', url: 'https://t.me/example_channel/123' },
    ]);
    for (const s of result.sources) expect(Source.safeParse(s).success).toBe(true);
    expect(result.features.map((f) => f.properties.sources)).toEqual([['imp-src-t1-1'], ['imp-src-t1-2'], ['imp-src-t1-3']]);
  });

  it('keeps a javascript: "link" as plain publisher text, never as a url', () => {
    const r = parseCSVImport(`${HEAD},url\n42,130,2024-10-01,training,high,,Drill,javascript:alert(1)\n`, { batch: 'x' });
    expect(r.sources).toEqual([{ id: 'imp-src-x-1', publisher: 'javascript:alert(1)', title: 'javascript:alert(1)', kind: 'media' }]);
  });

  it('keeps hostile values as the exact plain text they were', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const r = parseCSVImport(`${HEAD},name\n42,130,2024-10-01,training,high,"<script>x</script>","${evil}",=HYPERLINK("http://x")\n`);
    expect(r.problems).toEqual([]);
    expect(r.features[0]?.properties.summary).toBe(evil);
    expect(r.features[0]?.properties.name).toBe('=HYPERLINK("http://x")');
    expect(r.sources[0]?.publisher).toBe('<script>x</script>');
  });

  it('uses defaults from options for missing or unknown category and confidence, and a default source', () => {
    const text = 'y,x,date,summary\n42,130,2024-10-01,Seen\n';
    const strict = parseCSVImport(text);
    expect(strict.features).toEqual([]);
    expect(strict.problems.map((p) => p.row)).toEqual([0, 0, 0]);
    expect(strict.problems[0]?.message).toBe('no category column (category)');
    const lenient = parseCSVImport(text, { defaultCategory: 'presence', defaultConfidence: 'low', defaultSource: 'Analyst notes', batch: 'd' });
    expect(lenient.problems).toEqual([]);
    expect(lenient.features[0]?.properties).toMatchObject({ category: 'presence', confidence: 'low', sources: ['imp-src-d-1'] });
  });

  it('reports files without the needed columns once, not once per row', () => {
    const r = parseCSVImport('name,when\na,2024-01-01\nb,2024-01-02\n');
    expect(r.features).toEqual([]);
    expect(r.problems.every((p) => p.row === 0)).toBe(true);
    expect(r.problems.map((p) => p.message)).toContain('no lat column (lat, latitude, y)');
  });

  it('numbers rows by data line, skipping blank lines without renumbering', () => {
    const r = parseCSVImport(`${HEAD}\n42,130,2024-10-01,training,high,R,a\n\n91,130,2024-10-01,training,high,R,b\n`);
    expect(r.total).toBe(2);
    expect(r.problems).toEqual([{ row: 3, message: 'latitude 91 is out of range' }]);
  });

  it('reports unbalanced quotes, extra fields and text coordinates', () => {
    const r = parseCSVImport(`${HEAD}\n42,130,2024-10-01,training,high,R,a,extra\nabc,130,2024-10-01,training,high,R,a\n42,130,2024-10-01,training,high,R,"open\n`);
    expect(r.problems).toEqual([
      { row: 1, message: 'has 8 fields; the header has 7' },
      { row: 2, message: 'latitude "abc" is not a number' },
      { row: 3, message: 'quotes are not balanced' },
    ]);
  });

  it('reads tab-separated files and reports progress', () => {
    const rows = Array.from({ length: 25 }, (_, i) => `42\t130\t2024-10-${String(i + 1).padStart(2, '0')}\ttraining\thigh\tR\tr${i}`);
    const seen: number[] = [];
    const r = parseCSVImport([HEAD.replace(/,/g, '\t'), ...rows].join('\n'), { progressEvery: 10, onProgress: (done) => seen.push(done) });
    expect(r.features).toHaveLength(25);
    expect(seen).toEqual([10, 20, 25]);
  });

  it('accepts exactly the dates the domain schema accepts', () => {
    const dateLike = fc.oneof(
      fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`),
      fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
    );
    fc.assert(
      fc.property(dateLike, (date) => {
        const r = parseCSVImport(`${HEAD}\n42,130,${date},training,high,R,a\n`);
        expect(r.features.length === 1).toBe(IsoDate.safeParse(date).success);
      }),
      { numRuns: 500 },
    );
  });
});
