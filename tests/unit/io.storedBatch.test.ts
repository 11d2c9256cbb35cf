import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCSVImport } from '../../src/io/csvImport';
import { readStoredBatch, toStoredBatch } from '../../src/io/storedBatch';

const CSV = 'lat,lon,date,category,confidence,source,summary\n42.3,130.6,2024-10-01,training,high,Reuters,Drill seen\n42.4,130.7,2024-10-02,labour,low,Amur Desk,Workers seen';

describe('stored batches', () => {
  test('a batch reads back as the same features and sources', () => {
    const r = parseCSVImport(CSV, { batch: 'a1' });
    const back = readStoredBatch(toStoredBatch(r.features, r.sources));
    expect(back.features).toEqual(r.features);
    expect(back.sources).toEqual(r.sources);
    expect(back.problems).toEqual([]);
  });

  test("quantities and notes (an ACLED file's fatalities and original types) are saved too; rows saved before them still read", () => {
    const acled = parseCSVImport(readFileSync('tests/fixtures/import/acled-current.csv', 'utf8'), { batch: 'ac' });
    expect(acled.features.some((f) => f.properties.quantity && f.properties.note)).toBe(true);
    expect(readStoredBatch(toStoredBatch(acled.features, acled.sources)).features).toEqual(acled.features);
    const r = parseCSVImport(CSV, { batch: 'a1' });
    const p = r.features[0]!.properties;
    const oldRow = [p.id, 130.6, 42.3, p.date, p.category, p.confidence, p.location, p.sources, p.name, null, null, null];
    expect(readStoredBatch({ json: new TextEncoder().encode(JSON.stringify([oldRow])), sources: r.sources }).features).toEqual([r.features[0]]);
  });

  test('records that no longer validate are dropped and numbered; bad JSON is a file problem', () => {
    const r = parseCSVImport(CSV, { batch: 'a1' });
    const broken = [{ ...r.features[0], properties: { ...r.features[0]!.properties, confidence: 'certain' } }, r.features[1]];
    const back = readStoredBatch({ json: new TextEncoder().encode(JSON.stringify(broken)), sources: r.sources });
    expect(back.features.map((f) => f.id)).toEqual([r.features[1]!.id]);
    expect(back.problems).toEqual([{ row: 1, message: 'no longer a valid report' }]);
    expect(back.total).toBe(2);
    const bad = readStoredBatch({ json: new TextEncoder().encode('{'), sources: [] });
    expect(bad.features).toEqual([]);
    expect(bad.problems[0]?.row).toBe(0);
  });
});
