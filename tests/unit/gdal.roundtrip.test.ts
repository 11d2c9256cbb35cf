/**
 * Our exports through GDAL and back through our import, as a QGIS user would pass them on:
 * GeoJSON → GeoPackage → GeoJSON, GeoPackage → CSV, our CSV → GeoPackage → GeoJSON. Every report comes
 * back with its citations (publisher, title, date, URL) and is recognised by its id; hostile text
 * read back by GDAL (`ogrinfo`) from the KML and the GeoJSON is plain text.
 *
 * Needs GDAL's `ogr2ogr`/`ogrinfo` (Debian's gdal-bin, installed by scripts/ensure-tools, which `npm
 * test` runs first). Without them these tests are skipped with that reason, except in CI (CI=true),
 * where a missing GDAL fails the run instead of passing it silently.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadGeodata } from '../../src/domain/load';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { parseCSVImport, parseGeoJSONImport, type ImportResult } from '../../src/io';
import { exportMetaOf, layerGeoJSON, sightingsCSV, visibleKML, type ViewState } from '../../src/state/exports';
import { makeSet } from '../../src/state/sightingSets';
import { DEFAULT_FILTERS, DEFAULT_LAYERS } from '../../src/state/types';
import { GEODATA_DIR, readGeodataDir } from '../fixtures/geodata/read';

const hasGdal = spawnSync('ogr2ogr', ['--version']).status === 0;
const run = hasGdal || process.env.CI ? describe : describe.skip;
if (!hasGdal && !process.env.CI) console.warn('GDAL round-trip tests skipped: ogr2ogr/ogrinfo not installed (run scripts/ensure-tools).');

const dir = mkdtempSync(join(tmpdir(), 'cw-gdal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function gdal(tool: 'ogr2ogr' | 'ogrinfo', args: string[]): string {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${tool} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}
const file = (name: string, text?: string) => {
  const path = join(dir, name);
  if (text !== undefined) writeFileSync(path, text);
  return path;
};

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
const HOSTILE_SUMMARY = 'See <a href="javascript:alert(2)">this</a> & <script>alert(3)</script>';

const data = loadGeodata(readGeodataDir(GEODATA_DIR)).data;
const hostile = parseCSVImport(
  `id,lat,lon,date,category,confidence,location,name,summary,source_1_publisher,source_1_title,source_1_url\n` +
    `x-1,43.11,131.89,2024-10-08,training,low,settlement,"${HOSTILE_NAME}","${HOSTILE_SUMMARY.replace(/"/g, '""')}",<b>Wire</b>,"T, one",javascript:alert(4)\n`,
  { batch: 'gdal' },
);

function createState(): ViewState {
  const importedSources = new Map<string, Source>(hostile.sources.map((s) => [s.id, s]));
  return {
    data,
    sightingSets: [makeSet('bundled', data.sightings, data.sources), makeSet('imported', hostile.features, importedSources)],
    filters: { ...DEFAULT_FILTERS, from: '2000-01-01', to: '2100-12-31' },
    layers: { ...DEFAULT_LAYERS },
    importedSources,
  };
}

const state = createState();
const meta = exportMetaOf(state, 'https://example.org/#v=1', new Date('2026-01-02T03:04:05Z'), 'abcd1234');
const all: SightingFeature[] = [...data.sightings, ...hostile.features];
const lookup = (id: string) => data.sources.get(id) ?? state.importedSources.get(id);
const cites = (f: SightingFeature, get: (id: string) => Source | undefined) =>
  f.properties.sources.map((id) => {
    const s = get(id)!;
    return [s.publisher, s.title, s.date ?? null, s.url ?? null];
  });

/** Every exported report is back, found by the id the file gave it, with the same citations. */
function expectWhole(back: ImportResult) {
  expect(back.problems).toEqual([]);
  expect(back.features).toHaveLength(all.length);
  const byId = new Map(all.map((f) => [f.properties.id, f]));
  const got = new Map(back.sources.map((s) => [s.id, s]));
  back.features.forEach((f, i) => {
    const o = byId.get(back.fileIds?.[i] ?? '');
    expect(o, `file id ${back.fileIds?.[i]}`).toBeDefined();
    expect(cites(f, (id) => got.get(id))).toEqual(cites(o!, lookup));
    expect(f.properties.name).toBe(o!.properties.name);
    expect(f.properties.summary).toBe(o!.properties.summary);
    expect(f.geometry.coordinates.map((x) => Math.round(x * 1e7))).toEqual(o!.geometry.coordinates.map((x) => Math.round(x * 1e7)));
  });
}

run('exports through GDAL and back', () => {
  const geojson = file('sightings.geojson', layerGeoJSON(state, 'sightings', meta).text);
  const csv = file('sightings.csv', sightingsCSV(state, meta).text);

  it('GeoJSON → GeoPackage → GeoJSON keeps every report and citation', () => {
    gdal('ogr2ogr', ['-f', 'GPKG', file('a.gpkg'), geojson]);
    gdal('ogr2ogr', ['-f', 'GeoJSON', file('a-back.geojson'), file('a.gpkg')]);
    const text = readFileSync(file('a-back.geojson'), 'utf8');
    expect(text).toContain('"sources": "(');
    expectWhole(parseGeoJSONImport(text));
  });

  it('GeoPackage → CSV (X/Y columns, GDAL list text) keeps every report and citation', () => {
    gdal('ogr2ogr', ['-f', 'CSV', file('a-back.csv'), file('a.gpkg'), '-lco', 'GEOMETRY=AS_XY']);
    const text = readFileSync(file('a-back.csv'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^X,Y,/);
    expectWhole(parseCSVImport(text));
  });

  it('our CSV → GeoPackage → GeoJSON keeps every report and citation', () => {
    gdal('ogr2ogr', ['-f', 'GPKG', file('b.gpkg'), csv, '-oo', 'X_POSSIBLE_NAMES=longitude', '-oo', 'Y_POSSIBLE_NAMES=latitude', '-oo', 'AUTODETECT_TYPE=NO', '-a_srs', 'EPSG:4326']);
    gdal('ogr2ogr', ['-f', 'GeoJSON', file('b-back.geojson'), file('b.gpkg')]);
    expectWhole(parseGeoJSONImport(readFileSync(file('b-back.geojson'), 'utf8')));
  });

  it('GDAL reads the KML back as plain text: no markup from a report', () => {
    const kml = file('visible.kml', visibleKML(state, meta).text);
    const info = gdal('ogrinfo', ['-al', '-q', kml]);
    expect(info).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(info).not.toMatch(/<img|<a |<script|<b>/);
  });

  it('GDAL reads the GeoJSON back with the hostile text as a plain string field', () => {
    const info = gdal('ogrinfo', ['-al', '-q', '-where', "id LIKE 'imp-x-1'", geojson]);
    expect(info).toContain(`name (String) = ${HOSTILE_NAME}`);
    expect(info).toContain('source_1_publisher (String) = <b>Wire</b>');
    expect(info).not.toMatch(/source_1_url \(String\) = javascript/);
  });
});
