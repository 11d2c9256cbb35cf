/**
 * The mechanical sourcing check (src/domain/sourcing.ts): first on a fixture that breaks each rule once
 * (tests/fixtures/geodata/sourcing, distances worked by hand with the haversine formula), then on the
 * shipped geodata, which must keep every rule.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '../../src/domain/load';
import { checkSourcing, independentlySourced, publisherSet } from '../../src/domain/sourcing';
import { nodeCatchments } from '../../src/metrics/catchments';
import { GEODATA_DIR, readGeodataDir } from '../fixtures/geodata/read';
import { booleanPointInPolygon } from '@turf/turf';

const fixture = loadGeodata(readGeodataDir(join(import.meta.dirname, '../fixtures/geodata/sourcing')));
const shipped = loadGeodata(readGeodataDir(GEODATA_DIR));

describe('publishers', () => {
  it('are compared as organisations: split on ";", without remarks in brackets', () => {
    expect([...publisherSet('Office of the President of Ukraine; Security Service of Ukraine (SBU)')]).toEqual([
      'office of the president of ukraine',
      'security service of ukraine',
    ]);
    const src = (publisher: string, official?: true) => ({ id: 'x', publisher, title: 't', kind: 'media' as const, ...(official ? { official } : {}) });
    expect(independentlySourced([src('Ministry A'), src('Ministry A; Agency B')])).toBe(false);
    expect(independentlySourced([src('Ministry A (spokesperson)'), src('Paper C')])).toBe(true);
    expect(independentlySourced([src('Council E', true)])).toBe(true);
    expect(independentlySourced([src('Paper C')])).toBe(false);
  });
});

describe('checkSourcing on the fixture', () => {
  it('loads cleanly, so every problem below comes from the sourcing rules alone', () => {
    expect(fixture.ok ? [] : fixture.errors).toEqual([]);
  });

  it('reports each broken rule once, naming file, record and field', () => {
    const lines = checkSourcing(fixture.data).map((e) => `${e.file} ${e.feature} ${e.field}: ${e.message}`);
    expect(lines).toEqual([
      'sources.json paper-c-copy url: same address as "paper-c"',
      'sources.json undated date: a report needs its publication date',
      'sources.json undated url: the note names an address but url is empty',
      'sightings.geojson s-one-org properties.confidence: "high" needs two sources from different publishers, or one official act',
      'sightings.geojson s-early properties.sources.0: "gov-a" (2024-10-10) is dated before the report it supports ends (2024-10-12)',
      'sightings.geojson s-range properties.sources.0: "gov-a" (2024-10-10) is dated before the report it supports ends (2024-10-31)',
      'sightings.geojson s-late properties.sources.0: "late" (2025-06-01) is 213 days after the report (2024-10); a later analysis says so in "retrospective"',
      'nodes.geojson port-b properties.partOf: 2.4 km from "port-a" (also a port): merge them or make one part of the other\'s site',
      'nodes.geojson station-a properties.partOf: 0.8 km from "port-a": merge them or make one part of the other\'s site',
      'nodes.geojson station-a properties.partOf: 1.6 km from "port-b": merge them or make one part of the other\'s site',
      'nodes.geojson pier-a properties.partOf: 2.7 km from "port-b" (also a port): merge them or make one part of the other\'s site',
      'nodes.geojson pier-a properties.partOf: 1.4 km from "station-a": merge them or make one part of the other\'s site',
      'nodes.geojson ground-a properties.kind: a training ground inside area "area-ground-a" is mapped twice',
    ]);
  });
});

describe('the shipped geodata', () => {
  it('keeps every mechanical sourcing rule', () => {
    expect(checkSourcing(shipped.data)).toEqual([]);
  });

  it('gives a site one catchment: a report at Khasan station counts at Tumangang, not also at the bridges or Khasan', () => {
    const crossing = ['tumangang', 'friendship-bridge', 'tumen-road-bridge', 'khasan'];
    const khasan = shipped.data.nodes.find((n) => n.properties.id === 'khasan')!;
    const zones = nodeCatchments(shipped.data.nodes).filter((z) => booleanPointInPolygon(khasan.geometry.coordinates, z.polygon));
    expect(zones.map((z) => z.id).filter((id) => crossing.includes(id))).toEqual(['tumangang']);
  });

});
