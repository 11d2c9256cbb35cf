/**
 * The analysis file: written by `exportAnalysis`, read back by the GeoJSON import with its saved view,
 * the own-report mark and the citations intact. One hand-written own report and one imported one.
 */
import { describe, expect, it } from 'vitest';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { citationFields } from '../../src/io/exportCitations';
import { ANALYSIS_FORMAT, analysisFileName, exportAnalysis, readSavedView } from '../../src/io/analysisFile';
import { parseGeoJSONImport } from '../../src/io/formats/geojson';

const sources = new Map<string, Source>([
  ['own-a-src-1', { id: 'own-a-src-1', publisher: 'Example Border Watch', title: 'Troop train', date: '2025-11-21', url: 'https://example.org/a', kind: 'media' }],
  ['imp-src-1', { id: 'imp-src-1', publisher: 'Example Wire', title: 'Wagons', date: '2024-11-06', url: 'https://example.com/w', kind: 'media' }],
]);
const report = (id: string, src: string, own: boolean): SightingFeature => ({
  type: 'Feature',
  id,
  geometry: { type: 'Point', coordinates: [130.64, 42.43] },
  properties: {
    id, name: `Report ${id}`, date: '2025-11-20', category: 'troop-movement', summary: `Summary of ${id}.`, confidence: 'moderate',
    location: 'settlement', sources: [src], imported: true, ...(own ? { own: true as const } : {}),
  },
});
const features = [report('own-a', 'own-a-src-1', true), report('imp-b', 'imp-src-1', false)].map((f) => ({
  ...f,
  properties: { ...f.properties, ...citationFields(f.properties.sources, (id) => sources.get(id)) },
}));
const permalink = 'http://127.0.0.1:4174/#v=1&map=6/43.2000/131.8000&from=2024-06-01&sc=S4&d=828639fe&af=corridor-analysis-2026-12-01.geojson';
const text = exportAnalysis(features, {
  appVersion: '0.1.0', dataVersion: '828639fe', exportedAt: '2026-12-01T14:03:00Z', permalink,
  filters: { from: '2024-06-01', to: '2025-12-31', publishers: ['Example Wire'] },
  file: 'corridor-analysis-2026-12-01.geojson', own: 1, imported: 1,
});

describe('the analysis file', () => {
  it('is one FeatureCollection with the workspace in its corridorWatch member', () => {
    const json = JSON.parse(text) as { type: string; features: { properties: Record<string, unknown> }[]; corridorWatch: Record<string, unknown> };
    expect(json.type).toBe('FeatureCollection');
    expect(json.features.map((f) => [f.properties.id, f.properties.own ?? null, f.properties.source_1_publisher])).toEqual([
      ['own-a', true, 'Example Border Watch'],
      ['imp-b', null, 'Example Wire'],
    ]);
    expect(json.corridorWatch).toMatchObject({ format: ANALYSIS_FORMAT, file: 'corridor-analysis-2026-12-01.geojson', own: 1, imported: 1, layer: 'analysis', dataVersion: '828639fe', permalink, count: 2 });
    expect(analysisFileName('2026-12-01T14:03:00Z')).toBe('corridor-analysis-2026-12-01.geojson');
  });

  it('imports back with the own mark, the sources and the saved view', () => {
    const r = parseGeoJSONImport(text);
    expect(r.features.map((f) => [f.properties.id, f.properties.own ?? null])).toEqual([
      ['own-a', true],
      ['imp-b', null],
    ]);
    expect(r.sources.map((s) => [s.publisher, s.url])).toEqual([
      ['Example Border Watch', 'https://example.org/a'],
      ['Example Wire', 'https://example.com/w'],
    ]);
    expect(r.readAs?.label).toBe('a Corridor Watch analysis file');
    expect(r.saved).toEqual({
      kind: 'analysis', permalink, hash: permalink.slice(permalink.indexOf('#')), dataVersion: '828639fe', savedAt: '2026-12-01T14:03:00Z',
      publishers: ['Example Wire'], query: null, file: 'corridor-analysis-2026-12-01.geojson',
    });
  });

  it('reads no saved view from another tool’s member, or one without a link to a view', () => {
    expect(readSavedView(undefined)).toBeNull();
    expect(readSavedView({ permalink: 'http://example.org/page' })).toBeNull();
    expect(readSavedView({ permalink: permalink, dataVersion: 'not-hex' })).toBeNull();
    expect(readSavedView({ permalink })?.kind).toBe('export');
  });
});
