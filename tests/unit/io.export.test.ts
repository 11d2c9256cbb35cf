import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { booleanClockwise } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { csvCell, exportFileName, exportGeoJSON, parseCSVImport, parseGeoJSONImport, toCSV, toKML, type ExportMeta } from '../../src/io';

type AnyFeature = Feature<Geometry | null, Record<string, unknown> | null>;

/** Deep-freeze so any mutation of an input throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const createAreas = (): AnyFeature[] =>
  deepFreeze((JSON.parse(readFileSync(join(__dirname, '../fixtures/io/export-areas.geojson'), 'utf8')) as FeatureCollection).features as AnyFeature[]);

const META: ExportMeta & { layer: string } = {
  appVersion: '0.1.0',
  exportedAt: '2025-03-31T12:00:00.000Z',
  permalink: 'https://example.org/#v=1&map=4.20/50.1000/95.3000&from=2024-10-01&to=2025-03-31',
  filters: { from: '2024-10-01', to: '2025-03-31', cat: ['training'], w: 25 },
  layer: 'areas',
};

describe('exportGeoJSON', () => {
  const input = createAreas();
  const before = JSON.stringify(input);
  const text = exportGeoJSON(input, META);
  const out = JSON.parse(text) as FeatureCollection & { corridorWatch: Record<string, unknown>; crs?: unknown };

  it('writes valid RFC 7946 GeoJSON (check-geojson) without a crs', () => {
    expect(() => check(text)).not.toThrow();
    expect(out.type).toBe('FeatureCollection');
    expect('crs' in out).toBe(false);
    expect(out.features.some((f) => 'crs' in f)).toBe(false);
  });

  it('orients polygon exteriors counter-clockwise and holes clockwise', () => {
    const rings = out.features.flatMap((f) =>
      f.geometry.type === 'Polygon' ? [(f.geometry as Polygon).coordinates] : f.geometry.type === 'MultiPolygon' ? (f.geometry as MultiPolygon).coordinates : [],
    );
    expect(rings).toHaveLength(3);
    for (const polygon of rings) {
      polygon.forEach((ring: Position[], i: number) => expect(booleanClockwise(ring)).toBe(i > 0));
    }
    // The input's first polygon was clockwise: it must have been reversed in the output only.
    expect(booleanClockwise((input[0]?.geometry as Polygon).coordinates[0] as Position[])).toBe(true);
  });

  it('leaves line direction alone', () => {
    expect(out.features[2]?.geometry).toEqual(input[2]?.geometry);
  });

  it('keeps properties and ids, and does not mutate its inputs', () => {
    expect(out.features.map((f) => f.properties)).toEqual(input.map((f) => f.properties));
    expect(out.features[0]?.id).toBe('a-clockwise');
    expect(JSON.stringify(input)).toBe(before);
  });

  it('says where it came from in a corridorWatch foreign member', () => {
    expect(out.corridorWatch).toEqual({
      appVersion: '0.1.0',
      dataVersion: null,
      exportedAt: '2025-03-31T12:00:00.000Z',
      permalink: META.permalink,
      filters: META.filters,
      layer: 'areas',
      count: 3,
    });
  });

  it('names files after the layer and window', () => {
    expect(exportFileName('sightings', META)).toBe('corridor-watch_sightings_2024-10-01_2025-03-31.geojson');
    expect(exportFileName('Imported / My File', META, 'csv')).toBe('corridor-watch_imported-my-file_2024-10-01_2025-03-31.csv');
    expect(exportFileName('../x', { filters: { from: '../../etc', to: '2025-03' } }, 'kml')).toBe('corridor-watch_x_any_2025-03.kml');
  });
});

describe('toCSV', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const rows = deepFreeze([{ id: 's-1', summary: 'He said "go", then\nleft', n: 3, tags: ['a', 'b'], none: null }]);
    expect(toCSV(rows, ['id', 'summary', 'n', 'tags', 'none'])).toBe('id,summary,n,tags,none\r\ns-1,"He said ""go"", then\nleft",3,a; b,\r\n');
  });

  it('neutralises cells a spreadsheet would run as formulas, but not numbers', () => {
    expect(['=1+1', '+1', '-2+3', '@SUM(A1)', '\tx'].map(csvCell)).toEqual(["'=1+1", "'+1", "'-2+3", "'@SUM(A1)", "'\tx"]);
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell('a = b')).toBe('a = b');
  });

  it('takes computed columns and can add a BOM for spreadsheets', () => {
    const rows = [{ lat: 42.5, lon: 130.25 }];
    const csv = toCSV(rows, [{ header: 'position', value: (r) => `${r.lat} ${r.lon}` }], { bom: true });
    expect(csv).toBe('\ufeffposition\r\n42.5 130.25\r\n');
  });

  it('round-trips through the CSV import with hostile text intact', () => {
    const summary = '<img src=x onerror=alert(1)>, "quoted"\nsecond line';
    const rows = [{ lat: 42, lon: 130, date: '2024-10-01', category: 'training', confidence: 'high', source: 'R', summary }];
    const back = parseCSVImport(toCSV(rows, ['lat', 'lon', 'date', 'category', 'confidence', 'source', 'summary']));
    expect(back.problems).toEqual([]);
    expect(back.features[0]?.properties.summary).toBe(summary);
  });
});

describe('toKML', () => {
  const sighting: AnyFeature = deepFreeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [130.4036, 42.2953] },
    properties: { id: 's-1', name: 'Yard <b>', summary: '<img src=x onerror=alert(1)>', date: '2024-10-08', sources: ['a', 'b'], quantity: { value: 73, unit: 'railcars' }, note: null, ctrl: 'bell\u0007' },
  });

  it('writes one Placemark per feature with a geometry', () => {
    const kml = toKML([sighting, ...createAreas(), { type: 'Feature', geometry: null, properties: {} }], 'Test');
    expect(kml.match(/<Placemark>/g)).toHaveLength(4);
    expect(kml).toContain('<Point><coordinates>130.4036,42.2953</coordinates></Point>');
    expect(kml).toContain('<name>Yard &amp;lt;b&amp;gt;</name>');
    expect(kml).toContain('<TimeStamp><when>2024-10-08</when></TimeStamp>');
    expect(kml).toContain('<Data name="sources"><value>a, b</value></Data>');
  });

  it('escapes hostile text for HTML and then for XML, including the document name, and drops characters XML forbids', () => {
    const kml = toKML([sighting], 'Doc & <script>');
    expect(kml).toContain('<description>&amp;lt;img src=x onerror=alert(1)&amp;gt;</description>');
    expect(kml).toContain('<Document><name>Doc &amp;amp; &amp;lt;script&amp;gt;</name>');
    expect(kml).not.toMatch(/<img|<script|\u0007/);
    expect(kml).toContain('<value>bell</value>');
  });
});

describe('import → export → import', () => {
  it('exports imported sightings as valid GeoJSON and KML that read back the same', () => {
    const csv = readFileSync(join(__dirname, '../fixtures/io/sightings-3good-2bad.csv'), 'utf8');
    const imported = parseCSVImport(csv, { batch: 'r1' }).features;
    const text = exportGeoJSON(imported, { ...META, layer: 'imported' });
    expect(() => check(text)).not.toThrow();
    const again = parseGeoJSONImport(text, { batch: 'r2' });
    expect(again.problems).toEqual([]);
    expect(again.features.map((f) => f.properties.summary)).toEqual(imported.map((f) => f.properties.summary));
    expect(toKML(imported).match(/<Placemark>/g)).toHaveLength(imported.length);
  });
});
