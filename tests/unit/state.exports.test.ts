/**
 * Exports of the bundled data come back whole through our own import: every report's citations
 * (publisher, title, date, URL, kind) from the CSV and the GeoJSON, ≤ 7 decimals everywhere, and the
 * metadata names every filter in force and the data version.
 */
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '../../src/domain/load';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { parseCSVImport, parseGeoJSONImport } from '../../src/io';
import { exportCorridorMetrics, exportMetaOf, layerGeoJSON, sightingsCSV, type ViewState } from '../../src/state/exports';
import { makeSet } from '../../src/state/sightingSets';
import { DEFAULT_FILTERS, DEFAULT_LAYERS } from '../../src/state/types';
import { GEODATA_DIR, readGeodataDir } from '../fixtures/geodata/read';

const data = loadGeodata(readGeodataDir(GEODATA_DIR)).data;

function createState(patch: Partial<ViewState['filters']> = {}): ViewState {
  return {
    data,
    sightingSets: [makeSet('bundled', data.sightings, data.sources)],
    filters: { ...DEFAULT_FILTERS, from: '2000-01-01', to: '2100-12-31', ...patch },
    layers: { ...DEFAULT_LAYERS },
    importedSources: new Map(),
  };
}

/** Each report's citations as (publisher, title, date, url, kind), in citation order. */
const citations = (f: SightingFeature, lookup: (id: string) => Source | undefined) =>
  f.properties.sources.map((id) => {
    const s = lookup(id)!;
    return [s.publisher, s.title, s.date ?? null, s.url ?? null, s.kind];
  });

const META = exportMetaOf(createState(), 'https://example.org/#v=1', new Date('2026-01-02T03:04:05Z'), 'abcd1234');

describe('exports read back by our import', () => {
  const state = createState();
  const original = new Map(data.sightings.map((s) => [s.properties.id, s]));
  const bundledLookup = (id: string) => data.sources.get(id);

  function checkRoundTrip(back: ReturnType<typeof parseCSVImport>) {
    expect(back.problems).toEqual([]);
    expect(back.features).toHaveLength(data.sightings.length);
    const lookup = new Map(back.sources.map((s) => [s.id, s]));
    back.features.forEach((f, i) => {
      const fileId = back.fileIds?.[i];
      const o = original.get(fileId ?? '');
      expect(o, `file id ${fileId}`).toBeDefined();
      expect(citations(f, (id) => lookup.get(id))).toEqual(citations(o!, bundledLookup));
      expect(f.properties).toMatchObject({ date: o!.properties.date, category: o!.properties.category, summary: o!.properties.summary, name: o!.properties.name });
      expect(f.properties.quantity).toEqual(o!.properties.quantity);
    });
  }

  it('the CSV export keeps every citation part in numbered columns, and no link gains a separator', () => {
    const csv = sightingsCSV(state, META).text;
    const header = csv.replace(/^\ufeff/, '').split('\r\n')[0]!;
    expect(header).toMatch(/,source_1_publisher,source_1_title,source_1_date,source_1_url,source_1_kind,source_2_publisher/);
    const back = parseCSVImport(csv, { today: '2026-01-02' });
    checkRoundTrip(back);
    for (const s of back.sources) if (s.url) expect(s.url).not.toMatch(/;$/);
  });

  it('the GeoJSON export writes citations as flat fields per feature and reads back whole', () => {
    const text = layerGeoJSON(state, 'sightings', META).text;
    const fc = JSON.parse(text) as { features: { properties: Record<string, unknown> }[]; corridorWatch: Record<string, unknown> };
    const first = data.sightings[0]!;
    const firstOut = fc.features.find((f) => f.properties.id === first.properties.id)!;
    const src = data.sources.get(first.properties.sources[0]!)!;
    expect(firstOut.properties).toMatchObject({ source_1_publisher: src.publisher, source_1_title: src.title, source_1_url: src.url ?? '' });
    checkRoundTrip(parseGeoJSONImport(text, { today: '2026-01-02' }));
  });

  it('metadata lists every filter in force, the publisher filter included, and the data version', () => {
    const m = exportMetaOf(createState({ publishers: ['RUSI'], query: 'rail' }), 'https://example.org/#v=1', new Date('2026-01-02T03:04:05Z'), 'abcd1234');
    expect(m.dataVersion).toBe('abcd1234');
    expect(m.filters).toMatchObject({ publishers: ['RUSI'], query: 'rail', categories: [], confidences: [], sourceKinds: [] });
    const header = JSON.parse(layerGeoJSON(createState({ publishers: ['RUSI'] }), 'nodes', m).text).corridorWatch;
    expect(header).toMatchObject({ dataVersion: 'abcd1234', layer: 'nodes' });
  });
});

/** Every number in a coordinate array, however nested. */
function* numbers(x: unknown): Generator<number> {
  if (typeof x === 'number') yield x;
  else if (Array.isArray(x)) for (const v of x) yield* numbers(v);
}
const decimals = (x: number) => (String(x).split('.')[1] ?? '').replace(/e.*$/, '').length;

describe('exported coordinates have at most 7 decimals', () => {
  it('in the corridor-metrics GeoJSON, whose polygons come out of turf with 15', () => {
    const polygon = { type: 'Polygon' as const, coordinates: [[[130.123456789012, 42.1], [131.98765432101234, 42.2], [131.5, 43.000000000001], [130.123456789012, 42.1]]] };
    const row = { id: 'c1', name: 'C', widthKm: 25, count: 1, weighted: 1, changePct: null, changeLevel: 'n/a', densityPer1000Km: null, latest: null };
    const out = JSON.parse(exportCorridorMetrics([row], new Map([['c1', polygon]]), META).geojson.text) as { features: { geometry: { coordinates: unknown } }[] };
    const all = [...numbers(out.features[0]!.geometry.coordinates)];
    expect(all.length).toBe(8);
    expect(Math.max(...all.map(decimals))).toBeLessThanOrEqual(7);
    expect(all[0]).toBe(130.1234568);
  });

  it('in every layer GeoJSON and the sightings CSV', () => {
    const state = createState();
    for (const layer of ['sightings', 'nodes', 'rail', 'sea', 'areas'] as const) {
      const fc = JSON.parse(layerGeoJSON(state, layer, META).text) as { features: { geometry: { coordinates: unknown } }[] };
      for (const f of fc.features) for (const x of numbers(f.geometry.coordinates)) expect(decimals(x)).toBeLessThanOrEqual(7);
    }
    const lines = sightingsCSV(state, META).text.split('\r\n').slice(1, -1);
    for (const line of lines.slice(0, 20)) expect(line).not.toMatch(/,-?\d+\.\d{8,},/);
  });
});
