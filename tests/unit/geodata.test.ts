/**
 * The shipped geodata: schema, RFC 7946, references, route geometry, dates, polygons and the counts the
 * issue asks for. Land crossing of sea legs is in geodata-sea.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIssues } from '@placemarkio/check-geojson';
import { booleanClockwise, booleanValid, distance, kinks, lineString, pointToLineDistance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { dateEndDay, dateToDay } from '../../src/domain/dates';
import { loadBundledGeodata } from '../../src/domain/geodata';
import { loadGeodata } from '../../src/domain/load';
import { CATEGORIES, SOURCE_KINDS } from '../../src/domain/schemas';
import { FILE_NAMES, GEODATA_DIR, readGeodataDir } from '../fixtures/geodata/read';

const result = loadGeodata(readGeodataDir(GEODATA_DIR));
const { data } = result;
const node = (id: string) => {
  const n = data.nodes.find((f) => f.properties.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

describe('geodata files', () => {
  it('all parse and pass their schemas and cross-file checks, without warnings', () => {
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('load the same through the bundled (import.meta.glob) path', () => {
    const bundled = loadBundledGeodata();
    expect(bundled.ok ? [] : bundled.errors).toEqual([]);
    expect(bundled.data.byId.size).toBe(data.byId.size);
    expect(bundled.data.sources.size).toBe(data.sources.size);
  });

  it.each(Object.values(FILE_NAMES).filter((f) => f.endsWith('.geojson')))('%s is valid RFC 7946 GeoJSON', (file) => {
    expect(getIssues(readFileSync(join(GEODATA_DIR, file), 'utf8'))).toEqual([]);
  });

  it('ids are unique across files and feature ids match properties.id', () => {
    const raw = readGeodataDir(GEODATA_DIR);
    const ids: string[] = [];
    for (const fc of [raw.nodes, raw.rail, raw.sea, raw.areas, raw.sightings] as { features: { id: string; properties: { id: string } }[] }[]) {
      for (const f of fc.features) {
        expect(f.id).toBe(f.properties.id);
        ids.push(f.properties.id);
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('every cited source exists, and every source is cited', () => {
    const cited = new Set<string>();
    for (const f of data.byId.values()) for (const s of f.properties.sources) cited.add(s);
    for (const n of data.nodes) for (const s of n.properties.baseline?.sources ?? []) cited.add(s);
    for (const s of cited) expect(data.sources.has(s), s).toBe(true);
    for (const s of data.sources.keys()) expect(cited.has(s), `unused source ${s}`).toBe(true);
  });

  it('sources have https URLs where given and dates inside the period', () => {
    for (const s of data.sources.values()) {
      if (s.url) expect(s.url, s.id).toMatch(/^https:\/\//);
      if (s.date) expect(dateEndDay(s.date), s.id).toBeLessThanOrEqual(dateToDay('2025-12-31'));
    }
  });
});

describe('routes', () => {
  it('start and end within 5 km of their from/to nodes; via nodes lie within 25 km of the line', () => {
    for (const r of data.routes) {
      const c = r.geometry.coordinates;
      const p = r.properties;
      expect(distance(c[0]!, node(p.from).geometry.coordinates), p.id).toBeLessThan(5);
      expect(distance(c[c.length - 1]!, node(p.to).geometry.coordinates), p.id).toBeLessThan(5);
      for (const v of p.via) expect(pointToLineDistance(node(v).geometry.coordinates, lineString(c)), `${p.id} ${v}`).toBeLessThan(25);
    }
  });

  it('rail lines are drawn exactly through their from, via and to nodes', () => {
    for (const r of data.routes.filter((x) => x.properties.mode === 'rail')) {
      const p = r.properties;
      expect(r.geometry.coordinates, p.id).toEqual([p.from, ...p.via, p.to].map((id) => node(id).geometry.coordinates));
      expect(p.accuracy).toBe('schematic');
    }
  });

  it('the Trans-Siberian legs chain Ussuriysk → Moscow through at least 60 named stations', () => {
    const legs = data.routes.filter((r) => r.properties.id.startsWith('rail-ts-'));
    expect(legs[0]!.properties.from).toBe('ussuriysk');
    expect(legs[legs.length - 1]!.properties.to).toBe('moscow-yaroslavsky');
    for (let i = 1; i < legs.length; i++) expect(legs[i]!.properties.from).toBe(legs[i - 1]!.properties.to);
    const stations = new Set(legs.flatMap((l) => [l.properties.from, ...l.properties.via, l.properties.to]));
    expect(stations.size).toBeGreaterThanOrEqual(60);
    for (const s of stations) expect(['rail-hub', 'training-ground']).toContain(node(s).properties.kind);
  });

  it('include the corridors the issue names', () => {
    const ids = new Set(data.routes.map((r) => r.properties.id));
    for (const id of [
      'rail-rajin-ussuriysk', 'rail-vladivostok-ussuriysk', 'rail-vostochny-ussuriysk', 'rail-moscow-oryol-kursk',
      'rail-voronezh-belgorod', 'rail-rostov-tikhoretsk', 'sea-rajin-dunai', 'sea-rajin-vostochny', 'sea-chongjin-vladivostok',
    ]) expect(ids.has(id), id).toBe(true);
  });
});

describe('areas', () => {
  it('are closed, valid, counter-clockwise polygons with a stated precision', () => {
    expect(data.areas.length).toBeGreaterThanOrEqual(7);
    for (const a of data.areas) {
      const ring = a.geometry.coordinates[0]!;
      expect(ring[0], a.properties.id).toEqual(ring[ring.length - 1]);
      expect(booleanValid(a), a.properties.id).toBe(true);
      expect(kinks(a).features, a.properties.id).toHaveLength(0);
      expect(booleanClockwise(ring), a.properties.id).toBe(false);
      expect(a.properties.note ?? '', a.properties.id).toMatch(/circle|schematic|outline|region/i);
    }
    expect(data.areas.find((a) => a.properties.id === 'area-kursk-combat')?.properties.period.to).toBeDefined();
  });
});

describe('sightings', () => {
  const s = data.sightings;

  it('number at least 80, from 2023-07 to 2025-12, in date order, with stable ids', () => {
    expect(s.length).toBeGreaterThanOrEqual(80);
    const start = dateToDay('2023-07-01');
    const end = dateToDay('2025-12-31');
    for (const f of s) {
      const p = f.properties;
      expect(dateToDay(p.date), p.id).toBeGreaterThanOrEqual(start);
      expect(dateEndDay(p.dateEnd ?? p.date), p.id).toBeLessThanOrEqual(end);
    }
    const days = s.map((f) => dateToDay(f.properties.date));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    // Ids are stable (links name them): a new report takes the next free number, wherever its date falls.
    for (const f of s) expect(f.properties.id).toMatch(/^s-\d{3,}$/);
  });

  it('cover every category of the design', () => {
    const cats = new Set(s.map((f) => f.properties.category));
    for (const c of CATEGORIES) expect(cats.has(c), c).toBe(true);
  });

  it('have one-sentence summaries and in-range coordinates', () => {
    for (const f of s) {
      const [lon, lat] = f.geometry.coordinates;
      expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
      expect(f.properties.summary, f.properties.id).toMatch(/^[^\n]+\.$/);
    }
  });

  it('place a report at its node when it names one', () => {
    for (const f of s) {
      const place = f.properties.place;
      const n = place ? data.nodes.find((x) => x.properties.id === place) : undefined;
      if (n) expect(f.geometry.coordinates, f.properties.id).toEqual(n.geometry.coordinates);
    }
  });

  it('include the December 2025 return of the 528th Engineer Regiment', () => {
    const ret = s.filter((f) => f.properties.name.includes('528th') && f.properties.date === '2025-12-12');
    expect(ret.map((f) => f.properties.category).sort()).toEqual(['casualties', 'ceremony']);
    const losses = ret.find((f) => f.properties.category === 'casualties')!;
    expect(losses.properties.quantity).toEqual({ value: 9, unit: 'personnel' });
    expect(losses.properties.sources).toContain('kcna-2025-12-13');
    expect(ret[0]!.properties.summary).toMatch(/120-day/);
  });
});

describe('nodes and sources', () => {
  it('include the ports, crossing, hubs and depots the issue names', () => {
    for (const id of [
      'rajin-port', 'chongjin-port', 'hungnam-port', 'nampo-port', 'wonsan-port', 'tumangang', 'khasan', 'vladivostok-port',
      'nakhodka', 'vostochny-port', 'dunai-port', 'posyet-port', 'zarubino-port', 'sunan-airport', 'knevichi-airport',
      'ussuriysk', 'khabarovsk', 'novosibirsk', 'yekaterinburg', 'moscow-yaroslavsky', 'bryansk', 'oryol', 'kursk',
      'belgorod', 'voronezh', 'rostov-on-don', 'tikhoretsk', 'tikhoretsk-arsenal', 'area-sergeevka',
    ]) expect(data.byId.has(id), id).toBe(true);
  });

  it('cover every source kind', () => {
    const kinds = new Set([...data.sources.values()].map((x) => x.kind));
    for (const k of SOURCE_KINDS) expect(kinds.has(k), k).toBe(true);
  });
});
