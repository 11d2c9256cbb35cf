import { describe, expect, it } from 'vitest';
import { loadGeodata, type GeodataFiles } from '../../src/domain/load';
import { BROKEN_DIR, readGeodataDir } from '../fixtures/geodata/read';

const EMPTY = { type: 'FeatureCollection', features: [] };
const emptyFiles = (): GeodataFiles => ({ nodes: EMPTY, rail: EMPTY, sea: EMPTY, areas: EMPTY, sightings: EMPTY, sources: [] });

describe('loadGeodata on the broken fixture', () => {
  const result = loadGeodata(readGeodataDir(BROKEN_DIR));

  it('returns the precise error list, in check order', () => {
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { file: 'sources.json', feature: 'src-a', field: 'id', message: 'duplicate source id "src-a"' },
      { file: 'nodes.geojson', feature: 'n-c', field: 'geometry.coordinates.0', message: expect.stringContaining('180') },
      { file: 'sightings.geojson', feature: 's-bad-date', field: 'properties.date', message: 'not a calendar date' },
      { file: 'sightings.geojson', feature: '#5', field: 'properties.id', message: expect.any(String) },
      { file: 'sightings.geojson', feature: '#5', field: 'properties.confidence', message: expect.stringContaining('moderate') },
      { file: 'sightings.geojson', feature: 'n-a', field: 'properties.id', message: 'duplicate id (first used in nodes.geojson)' },
      { file: 'rail-routes.geojson', feature: 'r-bad-via', field: 'properties.via.0', message: 'unknown node "n-missing"' },
      {
        file: 'areas.geojson',
        feature: 'a-bowtie',
        field: 'geometry.coordinates',
        message: 'polygon is self-intersecting (1 crossing(s), first at 35.250,51.250)',
      },
      {
        file: 'sightings.geojson',
        feature: 's-no-source',
        field: 'properties.sources.1',
        message: 'unknown source "src-missing" (not in sources.json)',
      },
      {
        file: 'sightings.geojson',
        feature: 's-backwards',
        field: 'properties.dateEnd',
        message: 'dateEnd (2024-09) is before date (2024-10-05)',
      },
    ]);
  });

  it('keeps every valid feature, so the app can still run', () => {
    expect([...result.data.byId.keys()]).toEqual(['n-a', 'n-b', 'r-ok', 'a-clockwise', 's-ok']);
    expect([...result.data.sources.keys()]).toEqual(['src-a', 'src-b']);
    expect(result.data.routes.map((r) => r.properties.id)).toEqual(['r-ok']);
  });

  it('reports a clockwise exterior ring as a warning, not an error', () => {
    expect(result.warnings).toEqual([
      {
        file: 'areas.geojson',
        feature: 'a-clockwise',
        field: 'geometry.coordinates.0',
        message: 'exterior ring is clockwise; RFC 7946 asks for counter-clockwise',
      },
    ]);
  });
});

describe('loadGeodata never throws', () => {
  const junk: unknown[] = [undefined, null, 42, 'text', [], {}, { type: 'FeatureCollection' }, { type: 'FeatureCollection', features: [null, 1, 'x', {}] }];

  it.each(junk.map((j) => [JSON.stringify(j) ?? 'undefined', j]))('accepts %s in every slot', (_label, j) => {
    const files: GeodataFiles = { nodes: j, rail: j, sea: j, areas: j, sightings: j, sources: j };
    const result = loadGeodata(files);
    expect(result.ok).toBe(false);
    if (!result.ok) for (const e of result.errors) expect(Object.keys(e).sort()).toEqual(['feature', 'field', 'file', 'message']);
    expect(result.data.byId.size).toBe(0);
  });

  it('labels a feature by #index when it has no id', () => {
    const r = loadGeodata({ ...emptyFiles(), nodes: { type: 'FeatureCollection', features: [{ type: 'Feature' }] } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.file, e.feature, e.field])).toEqual([
      ['nodes.geojson', '#0', 'geometry'],
      ['nodes.geojson', '#0', 'properties'],
    ]);
  });

  it('reports unknown route endpoints, wrong mode, periods that end first, open rings and unknown places', () => {
    const node = (id: string, c: [number, number]) => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: c },
      properties: { id, name: id, kind: 'port', country: 'RUS', sources: ['s'], accuracy: 'approximate' },
    });
    const files: GeodataFiles = {
      ...emptyFiles(),
      sources: [{ id: 's', publisher: 'P', title: 'T', kind: 'media' }],
      nodes: { type: 'FeatureCollection', features: [node('a', [130, 42]), node('b', [131, 43])] },
      sea: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'LineString', coordinates: [[130.2, 42], [131, 43]] },
            properties: {
              id: 'leg', name: 'leg', mode: 'rail', from: 'a', to: 'zz', via: [], role: ['munitions'],
              sources: ['s'], accuracy: 'schematic', period: { from: '2024-05-02', to: '2024-04' },
            },
          },
        ],
      },
      areas: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Polygon', coordinates: [[[35, 51], [36, 51], [36, 52], [35.5, 52.5]]] },
            properties: { id: 'open', name: 'open', kind: 'training-area', period: { from: '2024-10' }, sources: ['s'], accuracy: 'schematic' },
          },
        ],
      },
      sightings: {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [130, 42] },
            properties: {
              id: 'x', name: 'x', date: '2024-10', category: 'presence', summary: 'x', confidence: 'low',
              location: 'region', sources: ['s'], place: 'nowhere',
            },
          },
        ],
      },
    };
    const r = loadGeodata(files);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => `${e.file} ${e.feature} ${e.field}`)).toEqual([
      'sea-routes.geojson leg properties.mode',
      'sea-routes.geojson leg properties.period.to',
      'sea-routes.geojson leg properties.to',
      'areas.geojson open geometry.coordinates.0',
      'sightings.geojson x properties.place',
    ]);
    expect(r.warnings.map((w) => `${w.feature} ${w.field} ${w.message}`)).toEqual([
      expect.stringMatching(/^leg properties\.from line starts 16\.\d km from node "a"$/),
    ]);
  });
});
