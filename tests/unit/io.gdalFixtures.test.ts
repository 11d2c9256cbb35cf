/**
 * Our own exports after a GDAL GeoPackage round trip (frozen fixtures made by
 * tests/fixtures/import/make-ours-after-gpkg.ts from the invented kepler.gl and ACLED fixtures) import
 * as the very reports that went out: same ids, same content, every citation's publisher, title, date,
 * URL and kind — though GDAL turned the `sources` id list into `(2:a,b)` text, booleans into 1, and
 * filled absent citation fields with null.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCSVImport, parseGeoJSONImport, reportKey, type ImportResult } from '../../src/io';
import { sourceReports } from '../fixtures/import/make-ours-after-gpkg';

const DIR = join(__dirname, '../fixtures/import');
const original = sourceReports();
const originalSources = new Map(original.sources.map((s) => [s.id, s]));
const keyOf = new Map(original.features.map((f) => [f.properties.id, reportKey(f, (id) => originalSources.get(id))]));

function expectSameReports(r: ImportResult) {
  expect(r.problems).toEqual([]);
  expect(r.remarks).toEqual([]);
  expect(r.total).toBe(original.features.length);
  expect(r.features.map((f) => f.properties.id).sort()).toEqual([...keyOf.keys()].sort());
  const sources = new Map(r.sources.map((s) => [s.id, s]));
  for (const f of r.features) expect(reportKey(f, (id) => sources.get(id)), f.properties.id).toBe(keyOf.get(f.properties.id));
  const cite = (s: { publisher: string; title: string; date?: string; url?: string; kind: string }) => [s.publisher, s.title, s.date ?? null, s.url ?? null, s.kind];
  const got = r.features.map((f) => f.properties.sources.map((id) => cite(sources.get(id)!)));
  const want = r.features.map((f) => original.features.find((o) => o.properties.id === f.properties.id)!.properties.sources.map((id) => cite(originalSources.get(id)!)));
  expect(got).toEqual(want);
}

describe('our exports after GDAL GeoJSON → GeoPackage → GeoJSON / CSV', () => {
  it('the GeoJSON reads back as the same reports, citations whole', () => {
    const text = readFileSync(join(DIR, 'ours-after-gpkg.geojson'), 'utf8');
    expect(text).toContain('"sources": "(2:');
    expectSameReports(parseGeoJSONImport(text, { today: '2026-12-01' }));
  });

  it('the CSV (X/Y columns) reads back as the same reports, citations whole', () => {
    const text = readFileSync(join(DIR, 'ours-after-gpkg.csv'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^X,Y,id,/);
    expectSameReports(parseCSVImport(text, { today: '2026-12-01' }));
  });
});
