import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, test } from 'vitest';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { parseCSVImport } from '../../src/io/csvImport';
import {
  checkFileText,
  commitImport,
  mergeImported,
  parseStored,
  outsideWindow,
  problemLines,
  removeImports,
  windowLine,
  whyNothing,
} from '../../src/state/import';
import { initialState, useStore } from '../../src/state/store';
import { matchLoaded } from '../../src/state/import/matching';
import { makeSet } from '../../src/state/sightingSets';
import type { ImportResult } from '../../src/io';

/** Commit a parsed file as the review would: matched against what is loaded, clashes as chosen. */
function commit(r: ImportResult, name: string, take: (clashes: number[]) => number[] = () => []) {
  const s = useStore.getState();
  const m = matchLoaded(r, s.sightingSets, (id) => s.importedSources.get(id));
  return commitImport(r, name, m, take(m.clashes.map((c) => c.index)));
}

const CSV = readFileSync('tests/fixtures/e2e/reports-3good-2bad.csv', 'utf8');

function createSighting(id: string): SightingFeature {
  return Object.freeze({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [135.1, 48.46] },
    properties: {
      id,
      name: `Report ${id}`,
      date: '2025-02-10',
      category: 'equipment',
      summary: 'A report.',
      confidence: 'high',
      location: 'settlement',
      sources: ['imp-src-a-1'],
      imported: true,
    },
  }) as SightingFeature;
}
const createSource = (id: string): Source => Object.freeze({ id, publisher: 'Amur Desk', title: 'Amur Desk', kind: 'media' }) as Source;

const importedSet = () => useStore.getState().sightingSets.find((s) => s.key === 'imported');

describe('checkFileText', () => {
  test('refuses empty and blank files', () => {
    expect(checkFileText('')).toBe('the file is empty');
    expect(checkFileText('\ufeff  \n\r\n')).toBe('the file is empty');
  });
  test('refuses binary data', () => {
    const png = String.fromCharCode(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(checkFileText(png)).toMatch(/not a CSV or GeoJSON file/);
  });
  test('accepts text tables', () => {
    expect(checkFileText(CSV)).toBeNull();
  });
});

describe('mergeImported', () => {
  test('appends new reports, skips ids already there, merges sources, mutates nothing', () => {
    const a = createSighting('imp-a-1');
    const b = createSighting('imp-a-2');
    const c = createSighting('imp-b-1');
    const current = Object.freeze([a, b]);
    const sources = new Map([['imp-src-a-1', createSource('imp-src-a-1')]]);
    const m = mergeImported(current, sources, [b, c], [createSource('imp-src-a-1'), createSource('imp-src-b-1')]);
    expect(m.features.map((f) => f.properties.id)).toEqual(['imp-a-1', 'imp-a-2', 'imp-b-1']);
    expect(m.added).toBe(1);
    expect(m.duplicates).toBe(1);
    expect([...m.sources.keys()]).toEqual(['imp-src-a-1', 'imp-src-b-1']);
    expect(sources.size).toBe(1);
    expect(current).toHaveLength(2);
  });
});

describe('parseStored', () => {
  test('reads back what is stored and drops records that no longer validate', () => {
    const good = createSighting('imp-a-1');
    const bad = { ...createSighting('imp-a-2'), properties: { ...createSighting('imp-a-2').properties, date: 'soon' } };
    const notImported = { ...createSighting('imp-a-3'), properties: { ...createSighting('imp-a-3').properties, imported: undefined } };
    const out = parseStored({ version: 1, features: [good, bad, notImported], sources: [createSource('imp-src-a-1'), { id: 'x' }] });
    expect(out?.features.map((f) => f.properties.id)).toEqual(['imp-a-1']);
    expect(out?.dropped).toBe(2);
    expect(out?.sources.map((s) => s.id)).toEqual(['imp-src-a-1']);
  });
  test('ignores anything that is not a stored import', () => {
    expect(parseStored(undefined)).toBeNull();
    expect(parseStored({ version: 2, features: [], sources: [] })).toBeNull();
    expect(parseStored('text')).toBeNull();
  });
});

describe('committing and removing imports', () => {
  beforeEach(() => useStore.setState(initialState(), true));

  test('the fixture names its two bad rows, by data row number', () => {
    const r = parseCSVImport(CSV, { name: 'reports.csv' });
    const lines = problemLines(r, 'csv');
    expect(r.features).toHaveLength(3);
    expect(lines.some((l) => l.startsWith('Row 4: ') && l.includes('2025-02-30'))).toBe(true);
    expect(lines.some((l) => l.startsWith('Row 5: ') && l.includes('longitude'))).toBe(true);
  });

  test('keeping a file adds its valid reports as the imported set, with their sources', async () => {
    const r = parseCSVImport(CSV, { name: 'reports.csv' });
    expect(await commit(r, 'reports.csv')).toBe(3);
    expect(importedSet()?.columns.length).toBe(3);
    const cited = new Set(r.features.flatMap((f) => f.properties.sources));
    expect([...useStore.getState().importedSources.keys()].sort()).toEqual([...cited].sort());
    const notices = useStore.getState().notices.map((n) => n.text);
    expect(notices).toContain('Imported 3 reports from reports.csv; 2 left out.');
    // No IndexedDB under node: the analyst is told the reports last for this session only.
    expect(useStore.getState().notices.some((n) => n.level === 'warning' && /could not be saved/.test(n.text))).toBe(true);
  });

  test('a second file appends; the same file again adds nothing', async () => {
    await commit(parseCSVImport(CSV, { name: 'reports.csv' }), 'reports.csv');
    expect(await commit(parseCSVImport(CSV, { name: 'copy.csv' }), 'copy.csv')).toBe(0);
    expect(useStore.getState().notices.at(-1)?.text).toBe('Imported 0 reports from copy.csv; 3 already loaded; 2 left out.');
    expect(importedSet()?.columns.length).toBe(3);
    const other = CSV.replace(/2025-02-10/, '2025-01-20');
    expect(await commit(parseCSVImport(other, { name: 'other.csv' }), 'other.csv')).toBe(3);
    expect(importedSet()?.columns.length).toBe(6);
  });

  test('removing clears the set and the imported sources', async () => {
    await commit(parseCSVImport(CSV, { name: 'reports.csv' }), 'reports.csv');
    await removeImports();
    expect(importedSet()).toBeUndefined();
    expect(useStore.getState().importedSources.size).toBe(0);
  });
});

describe('matching a file against what is loaded', () => {
  beforeEach(() => useStore.setState(initialState(), true));
  const HEAD = 'id,lat,lon,date,category,confidence,source,summary';

  test('a loaded report exported and imported again is recognised by id and content, not doubled', async () => {
    const bundled = parseCSVImport(`${HEAD}\ns-001,42,130,2024-10-01,training,high,RUSI,Drill\n`, { batch: 'b' });
    const feature = { ...bundled.features[0]!, id: 's-001', properties: { ...bundled.features[0]!.properties, id: 's-001', imported: undefined } };
    const sources = new Map(bundled.sources.map((s) => [s.id, s]));
    useStore.setState({ sightingSets: [makeSet('bundled', [feature as SightingFeature], sources)] });
    const again = parseCSVImport(`${HEAD}\ns-001,42,130,2024-10-01,training,high,RUSI,Drill\n`, { batch: 'c' });
    const m = matchLoaded(again, useStore.getState().sightingSets, (id) => sources.get(id));
    expect(m).toEqual({ fresh: [], same: 1, clashes: [] });
    const edited = parseCSVImport(`${HEAD}\ns-001,42,130,2024-10-02,training,high,RUSI,Drill\n`, { batch: 'c' });
    const clash = matchLoaded(edited, useStore.getState().sightingSets, (id) => sources.get(id));
    expect(clash.fresh).toEqual([]);
    expect(clash.clashes.map((c) => [c.index, c.origin, c.loaded.properties.id, c.incoming.properties.id])).toEqual([[0, 'bundled', 's-001', 'imp-s-001']]);
  });

  test('a clash kept as loaded adds nothing; taken, the file version is added under an id of its own', async () => {
    await commit(parseCSVImport(`${HEAD}\nimp-x-1,42,130,2024-10-01,training,high,R,a\n`), 'a.csv');
    const edited = parseCSVImport(`${HEAD}\nimp-x-1,42,130,2024-10-01,training,low,R,a\n`);
    expect(await commit(edited, 'b.csv')).toBe(0);
    expect(useStore.getState().notices.at(-1)?.text).toBe('Imported 0 reports from b.csv; 1 kept as loaded.');
    expect(await commit(edited, 'b.csv', (all) => all)).toBe(1);
    expect(importedSet()?.columns.ids).toEqual(['imp-x-1', 'imp-x-1-b']);
  });
});

describe('reports outside the window', () => {
  const at = (date: string, dateEnd?: string) => {
    const f = createSighting(`imp-w-${date}`);
    return { ...f, properties: { ...f.properties, date, ...(dateEnd ? { dateEnd } : {}) } } as SightingFeature;
  };
  test('counts reports before and after, a month or a span reaching in counts as inside, widening skips implausible dates', () => {
    const fs = [at('2023-06-30'), at('2023-06', '2023-07-02'), at('2023-07'), at('2025-12'), at('2026-01-01'), at('2026-11-15'), at('1800-01-01'), at('2999-06-01')];
    expect(outsideWindow(fs, '2023-07-01', '2025-12-31', '2026-12-01')).toEqual({ before: 2, after: 3, widened: { from: '2023-06-01', to: '2026-11-15' } });
    expect(windowLine(outsideWindow(fs, '2023-07-01', '2025-12-31', '2026-12-01'))).toBe("2 reports are before the window's start; 3 reports are after the window's end: widen the window to see them.");
    expect(outsideWindow([at('2024-02')], '2023-07-01', '2024-01-31', '2026-12-01').widened).toEqual({ from: '2023-07-01', to: '2024-02-29' });
    expect(windowLine(outsideWindow([at('2024-05-01')], '2023-07-01', '2025-12-31'))).toBeNull();
  });
});

describe('whyNothing', () => {
  test('says why a file gave no reports', async () => {
    const { parseGeoJSONImport } = await import('../../src/io/formats/geojson');
    expect(whyNothing(parseCSVImport('Dear colleague,\nnotes below\n'), 'csv')).toMatch(/does not have the columns/);
    expect(whyNothing(parseGeoJSONImport('{"type":'), 'geojson')).toMatch(/^not valid JSON/);
    expect(whyNothing(parseGeoJSONImport('{"type":"Topology"}'), 'geojson')).toBe('expected a GeoJSON FeatureCollection or Feature');
    const allBad = CSV.split('\n').filter((_, i) => i === 0 || i >= 4).join('\n');
    expect(whyNothing(parseCSVImport(allBad), 'csv')).toBe('none of its 2 rows is a valid report');
  });
});
