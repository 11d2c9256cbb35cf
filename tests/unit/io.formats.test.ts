/**
 * Files written the way each tool writes them (tests/fixtures/import/, invented test data) import with
 * every valid row, read as the right format, with their expected reports (`*.expected.json`, checked
 * by hand against the files; `REGEN=1` rewrites them).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SightingFeature, Source } from '../../src/domain/schemas';
import { parseCSVImport, parseGeoJSONImport, toCSV, type ImportResult, type Place } from '../../src/io';
import { readList } from '../../src/io/formats/lists';
import { sniffDialect } from '../../src/io/formats/spreadsheet';
import { readDateText, slashOrder } from '../../src/io/dates';

const DIR = join(__dirname, '../fixtures/import');
const nodes: Place[] = (JSON.parse(readFileSync(join(__dirname, '../../geodata/nodes.geojson'), 'utf8')) as {
  features: { properties: { id: string; name: string }; geometry: { coordinates: [number, number] } }[];
}).features.map((f) => ({ id: f.properties.id, name: f.properties.name, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }));

const OPTS = { today: '2026-12-01', batch: 'fx', places: nodes };

function read(name: string, extra = {}): ImportResult {
  const text = readFileSync(join(DIR, name), 'utf8');
  return name.endsWith('.geojson') ? parseGeoJSONImport(text, { ...OPTS, ...extra }) : parseCSVImport(text, { ...OPTS, ...extra });
}

/** The reports as an analyst checks them: every field, with each source's publisher and link. */
function summary(r: ImportResult) {
  const byId = new Map(r.sources.map((s) => [s.id, s]));
  return r.features.map((f) => ({
    ...f.properties,
    lonLat: f.geometry.coordinates,
    sources: f.properties.sources.map((id) => {
      const s = byId.get(id)!;
      return [s.publisher, s.url ?? null, s.title, s.date ?? null, s.kind];
    }),
  }));
}

function golden(name: string, r: ImportResult): void {
  const file = join(DIR, `${name.replace(/\.[a-z]+$/, '')}.expected.json`);
  const got = { total: r.total, readAs: r.readAs, problems: r.problems, remarks: r.remarks, reports: summary(r) };
  if (process.env.REGEN || !existsSync(file)) writeFileSync(file, `${JSON.stringify(got, null, 2)}\n`);
  expect(got).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  for (const f of r.features) expect(SightingFeature.safeParse(f).success).toBe(true);
  for (const s of r.sources) expect(Source.safeParse(s).success).toBe(true);
}

describe('the files analysts bring', () => {
  it('an ACLED export (current 31 columns, ISO dates) imports every row with the stated mapping', () => {
    const r = read('acled-current.csv');
    expect([r.total, r.features.length, r.problems]).toEqual([12, 12, []]);
    expect(r.readAs?.label).toBe('an ACLED export (current columns)');
    expect(r.readAs?.choices.confidence).toEqual({ value: 'moderate', stated: true });
    const by = new Map(r.features.map((f) => [f.id, f.properties]));
    expect(by.get('imp-rus90001')).toMatchObject({ category: 'combat', location: 'settlement', date: '2024-11-05', quantity: { value: 3, unit: 'personnel', approx: true } });
    expect(by.get('imp-rus90002')).toMatchObject({ location: 'exact', place: 'sudzha' });
    expect(by.get('imp-rus90003')).toMatchObject({ date: '2024-11-17', dateEnd: '2024-11-23' });
    expect(by.get('imp-rus90004')).toMatchObject({ date: '2024-12', category: 'troop-movement', location: 'region' });
    expect(by.get('imp-rus90006')).toMatchObject({ category: 'presence' });
    expect(by.get('imp-rus90006')?.note).toMatch(/Protests \/ Peaceful protest/);
    expect(by.get('imp-rus90008')?.category).toBe('captured');
    expect(by.get('imp-rus90010')?.category).toBe('diplomacy');
    golden('acled-current.csv', r);
  });

  it('a legacy ACLED export with an upper-case header and "05 November 2024" dates reads the same reports', () => {
    const r = read('acled-legacy-upper.csv');
    expect([r.total, r.features.length, r.problems]).toEqual([8, 8, []]);
    expect(r.readAs?.label).toBe('an ACLED export (legacy columns)');
    expect(r.readAs?.notes).toContain('Dates read: 8 as DD Month YYYY.');
    const current = read('acled-current.csv').features.slice(0, 8);
    expect(r.features.map((f) => [f.properties.date, f.properties.dateEnd, f.properties.category, f.geometry.coordinates])).toEqual(
      current.map((f) => [f.properties.date, f.properties.dateEnd, f.properties.category, f.geometry.coordinates]),
    );
    golden('acled-legacy-upper.csv', r);
  });

  it('the confidence chosen for an ACLED file applies to every report', () => {
    const r = read('acled-current.csv', { confidence: 'low' });
    expect(new Set(r.features.map((f) => f.properties.confidence))).toEqual(new Set(['low']));
    expect(r.readAs?.choices.confidence).toEqual({ value: 'low', stated: false });
  });

  it('a kepler.gl CSV (Lat/Lng, ISO timestamps) reads the UTC day of each timestamp', () => {
    const r = read('kepler-points.csv');
    expect([r.total, r.features.length, r.problems]).toEqual([8, 8, []]);
    expect(r.readAs?.label).toBe('a kepler.gl-style table');
    // 2024-11-06T23:30-02:00 is 01:30 UTC on the 7th; 2024-11-10T08:15+10:00 is 22:15 UTC on the 9th.
    expect(r.features.slice(0, 3).map((f) => f.properties.date)).toEqual(['2024-11-05', '2024-11-07', '2024-11-09']);
    golden('kepler-points.csv', r);
  });

  it('a European spreadsheet CSV (BOM, CRLF, ";", decimal commas, DD.MM.YYYY) imports every row and says so', () => {
    const r = read('spreadsheet-eu.csv');
    expect([r.total, r.features.length, r.problems]).toEqual([6, 6, []]);
    expect(r.readAs?.notes).toEqual([
      'Columns separated by semicolons; UTF-8 with a byte-order mark; Windows line ends.',
      'Decimal commas read in latitude and longitude (51,2950 → 51.2950).',
      'Dates read: 6 as DD.MM.YYYY.',
    ]);
    expect(r.features[2]?.geometry.coordinates).toEqual([35.27, 51.295]);
    golden('spreadsheet-eu.csv', r);
  });

  it('a small comma CSV with ";" in its text is read as comma-separated', () => {
    const text = readFileSync(join(DIR, 'comma-with-semicolons.csv'), 'utf8');
    expect(sniffDialect(text).delimiter).toBe(',');
    const r = read('comma-with-semicolons.csv');
    expect([r.total, r.features.length, r.problems]).toEqual([5, 5, []]);
    expect(r.features[0]?.properties.summary).toBe('[Test data; invented] Train seen; wagons covered');
  });

  it('a QGIS GeoJSON with name, crs CRS84 and Z values imports every feature', () => {
    const r = read('qgis-layer.geojson');
    expect([r.total, r.features.length, r.problems]).toEqual([5, 5, []]);
    expect(r.readAs?.label).toBe('a QGIS/GDAL layer "dprk_reports_test"');
    expect(r.readAs?.notes).toContain('5 positions have a Z (height) value: dropped.');
    expect(r.features.every((f) => f.geometry.coordinates.length === 2)).toBe(true);
    golden('qgis-layer.geojson', r);
  });

  it('a GeoJSON in another crs is refused with the reason', () => {
    const text = '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3857"}},"features":[]}';
    expect(parseGeoJSONImport(text).problems).toEqual([
      { row: 0, message: 'its coordinates are in "urn:ogc:def:crs:EPSG::3857", not WGS 84 longitude/latitude: export the layer as EPSG:4326' },
    ]);
  });

  it('says what is odd, row by row: implausible dates, swapped or far positions, repeated ids', () => {
    const r = read('reports-odd.csv');
    expect(r.remarks).toEqual([
      { row: 1, message: 'date 1800-01-01 is before 2000: check it' },
      { row: 2, message: 'date 2999-06-01 is more than a year after today (2026-12-01): check it' },
      { row: 3, message: '1,156 km from every known place: latitude and longitude may be swapped (the other way round: latitude 55.7558, longitude 37.6173)' },
      { row: 5, message: 'repeats row 4 (same id odd-4 and content): counted once' },
      { row: 6, message: 'has the id odd-4 of row 4 with other content: imported as a separate report' },
      { row: 8, message: '529 km from its place Khabarovsk: check the position' },
    ]);
    expect(r.features.map((f) => f.id)).toEqual(['imp-odd-1', 'imp-odd-2', 'imp-odd-3', 'imp-odd-4', 'imp-fx-6', 'imp-odd-5', 'imp-odd-6']);
  });
});

describe('dialect and value readers', () => {
  it('reads GDAL list text, JSON lists and ;-separated text', () => {
    expect(readList('(2:Reuters,Yonhap)')).toEqual(['Reuters', 'Yonhap']);
    expect(readList('(1:a, b)')).toEqual(['a, b']);
    expect(readList('(0:)')).toEqual([]);
    expect(readList('["s-1","s-2"]')).toEqual(['s-1', 's-2']);
    expect(readList('Example Wire; Sample Daily', ';')).toEqual(['Example Wire', 'Sample Daily']);
    expect(readList(['a', 1, null])).toEqual(['a', '1']);
  });

  it('reads dates in the forms people write, saying the form', () => {
    expect(readDateText('05 November 2024', 'dmy')).toEqual({ iso: '2024-11-05', form: 'named' });
    expect(readDateText('5 Nov 2024', 'dmy')).toEqual({ iso: '2024-11-05', form: 'named' });
    expect(readDateText('05-11-2024', 'dmy')).toEqual({ iso: '2024-11-05', form: 'dmy' });
    expect(readDateText('05/11/2024', 'mdy')).toEqual({ iso: '2024-05-11', form: 'mdy' });
    expect(readDateText('2024-11-05T14:00:00Z', 'dmy')).toEqual({ iso: '2024-11-05', form: 'datetime' });
    expect(readDateText('1730815200', 'dmy', true)).toEqual({ iso: '2024-11-05', form: 'unix' });
    expect(readDateText('1730815200000', 'dmy', true)).toEqual({ iso: '2024-11-05', form: 'unix' });
    expect('error' in readDateText('1730815200', 'dmy')).toBe(true);
    expect('error' in readDateText('31 February 2024', 'dmy')).toBe(true);
    expect(slashOrder(['05/11/2024', '25/11/2024'])).toBe('dmy');
    expect(slashOrder(['11/25/2024'])).toBe('mdy');
    expect(slashOrder(['05/11/2024'])).toBeNull();
  });

  it('offers the day/month order when nothing in the file decides it, and follows the choice', () => {
    const text = 'lat,lon,date,category,confidence,source,summary\n42,130,05/11/2024,training,high,R,a\n';
    const r = parseCSVImport(text);
    expect(r.readAs?.choices.dateOrder).toEqual({ value: 'dmy', decided: false });
    expect(r.features[0]?.properties.date).toBe('2024-11-05');
    expect(parseCSVImport(text, { dateOrder: 'mdy' }).features[0]?.properties.date).toBe('2024-05-11');
    const decided = parseCSVImport(`${text}42,130,25/11/2024,training,high,R,b\n`, { dateOrder: 'mdy' });
    expect(decided.readAs?.choices.dateOrder).toEqual({ value: 'dmy', decided: true });
  });

  it("reads back text our CSV export marked with ' so a spreadsheet would not run it as a formula", () => {
    const rows = [{ lat: 42, lon: 130, date: '2024-10-01', category: 'training', confidence: 'high', source: '@Wire', summary: '=HYPERLINK("http://x")', name: '-3 wagons' }];
    const text = toCSV(rows, ['lat', 'lon', 'date', 'category', 'confidence', 'source', 'summary', 'name']);
    expect(text).toContain(`'=HYPERLINK`);
    const back = parseCSVImport(text);
    expect(back.features[0]?.properties).toMatchObject({ summary: '=HYPERLINK("http://x")', name: '-3 wagons' });
    expect(back.sources[0]?.publisher).toBe('@Wire');
  });

  it("text that itself starts with ' and a formula character comes back exactly", () => {
    const rows = [{ lat: 42, lon: 130, date: '2024-10-01', category: 'training', confidence: 'high', source: 'R', summary: "'=1+1 is how a sheet shows it", name: "''+x" }];
    const text = toCSV(rows, ['lat', 'lon', 'date', 'category', 'confidence', 'source', 'summary', 'name']);
    expect(text).toContain(`''=1+1`);
    expect(parseCSVImport(text).features[0]?.properties).toMatchObject({ summary: "'=1+1 is how a sheet shows it", name: "''+x" });
  });

  it('says a decimal comma is the cause in a comma-separated file', () => {
    const r = parseCSVImport('lat,lon,date,category,confidence,source,summary\n"51,29",130,2024-10-01,training,high,R,a\n');
    expect(r.problems).toEqual([{ row: 1, message: 'latitude "51,29" is not a number: it has a decimal comma (save the file with "." as the decimal mark, or with ";" between columns)' }]);
  });
});
