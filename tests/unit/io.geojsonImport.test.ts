import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SightingFeature } from '../../src/domain/schemas';
import { detectFormat, parseGeoJSONImport, runImport, summariseProblems, type ImportMessage } from '../../src/io';

const text = readFileSync(join(__dirname, '../fixtures/io/import-mixed.geojson'), 'utf8');

describe('parseGeoJSONImport', () => {
  const r = parseGeoJSONImport(text, { batch: 'g1' });

  it('imports the usable Point features, numbered by feature', () => {
    expect(r.total).toBe(6);
    expect(r.features.map((f) => f.id)).toEqual(['imp-g1-1', 'imp-g1-5']);
    for (const f of r.features) expect(SightingFeature.safeParse(f).success).toBe(true);
    expect(r.features[1]?.properties).toMatchObject({
      name: 'Vladivostok port',
      category: 'troop-movement',
      confidence: 'moderate',
      summary: '<img src=x onerror=alert(1)>',
      imported: true,
    });
  });

  it('names each bad feature by its 1-based number', () => {
    expect(r.problems).toEqual([
      { row: 2, message: 'has "LineString" geometry; only Point features can be imported' },
      { row: 3, message: 'longitude 200 is out of range' },
      { row: 4, message: 'is not a GeoJSON Feature' },
      { row: 6, message: 'has no geometry; only Point features can be imported' },
    ]);
    expect(summariseProblems(r.problems, 1, 'Feature')).toEqual([
      'Feature 2: has "LineString" geometry; only Point features can be imported',
      '…and 3 more problems',
    ]);
  });

  it('reads a list of sources as its first entry', () => {
    expect(r.sources.map((s) => s.publisher)).toEqual(['38 North', 'reuters-2024-10-12']);
  });

  it('reports text that is not JSON or not GeoJSON as a file problem', () => {
    expect(parseGeoJSONImport('{"type":').problems[0]?.message).toMatch(/^not valid JSON \(/);
    expect(parseGeoJSONImport('[1,2]').problems).toEqual([{ row: 0, message: 'expected a GeoJSON FeatureCollection or Feature' }]);
    expect(summariseProblems(parseGeoJSONImport('null').problems)).toEqual(['File: expected a GeoJSON FeatureCollection or Feature']);
  });

  it('does not mutate or trust prototype keys in properties', () => {
    const evil = '{"type":"Feature","geometry":{"type":"Point","coordinates":[130,42]},"properties":{"__proto__":{"polluted":1},"name":"x","date":"2024-10-01","category":"training","confidence":"high","source":"R"}}';
    const res = parseGeoJSONImport(evil);
    expect(res.features).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('runImport (the worker job)', () => {
  it('picks the format from the name, posts progress, then one result', () => {
    const messages: ImportMessage[] = [];
    const rows = Array.from({ length: 5 }, () => '42,130,2024-10-01,training,high,R,a').join('\n');
    runImport({ text: `lat,lon,date,category,confidence,source,summary\n${rows}`, name: 'notes.CSV', options: { progressEvery: 2 } }, (m) => messages.push(m));
    expect(messages.map((m) => m.type)).toEqual(['progress', 'progress', 'progress', 'result']);
    const last = messages[messages.length - 1];
    expect(last?.type === 'result' && last.format).toBe('csv');
    expect(last?.type === 'result' && last.result.features.length).toBe(5);
  });

  it('detects the format by extension, then by content', () => {
    expect(detectFormat('a.geojson', '')).toBe('geojson');
    expect(detectFormat('a.json', '')).toBe('geojson');
    expect(detectFormat('a.tsv', '{')).toBe('csv');
    expect(detectFormat('clipboard', '  {"type":"FeatureCollection"}')).toBe('geojson');
    expect(detectFormat('clipboard', 'lat,lon')).toBe('csv');
  });
});
