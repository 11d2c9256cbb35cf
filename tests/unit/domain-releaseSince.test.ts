/**
 * "Since this link" on the two-release fixture in tests/fixtures/release/ (see domain-release.test.ts):
 * from v1 to v2 node n-a moved 0.1° east (rail r-ab and the report s-1 placed at it moved with it), s-2
 * was re-dated, s-3 withdrawn, s-4 added with a new source src-b.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest, contentOfFiles, dataVersion } from '../../src/domain/release';
import { changedFields, sinceRelease } from '../../src/domain/releaseSince';
import type { SightingFeature } from '../../src/domain/schemas';
import { deepFreeze } from '../fixtures/geodata/read';
import { filesOfTexts, readTexts } from '../../scripts/lib/releases';

const DIR = join(import.meta.dirname, '../fixtures/release');
const texts1 = readTexts(join(DIR, 'v1'));
const texts2 = readTexts(join(DIR, 'v2'));
const content1 = deepFreeze(contentOfFiles(filesOfTexts(texts1)));
const content2 = deepFreeze(contentOfFiles(filesOfTexts(texts2)));
const m1 = deepFreeze(buildManifest(content1, dataVersion(texts1), { released: '2026-11-27' }));
const m2 = deepFreeze(buildManifest(content2, dataVersion(texts2), { released: '2026-12-01' }, { manifest: m1, content: content1 }));

describe('sinceRelease', () => {
  const r = sinceRelease([m1, m2], m1.version, m2.version, content2);

  it('lists the reports added, corrected (with what changed) and withdrawn', () => {
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const { since } = r;
    expect(since.from).toEqual({ version: m1.version, sequence: 1, released: '2026-11-27' });
    expect(since.to).toEqual({ version: m2.version, sequence: 2, released: '2026-12-01' });
    expect(since.added.map((c) => c.id)).toEqual(['s-4']);
    expect(since.corrected.map((c) => [c.id, c.fields])).toEqual([
      ['s-1', ['position']],
      ['s-2', ['date']],
    ]);
    // A withdrawn report is named as it was, where it stood.
    const gone = content1.sightings.find((s) => (s.properties as { id: string }).id === 's-3') as unknown as SightingFeature;
    expect(since.withdrawn).toEqual([
      { id: 's-3', name: gone.properties.name, date: gone.properties.date, position: gone.geometry.coordinates, fields: [] },
    ]);
  });

  it('counts the other collections’ changes and rebuilds the earlier release exactly', () => {
    if (r.kind !== 'ok') throw new Error('expected a comparison');
    expect(r.since.others).toEqual([
      { collection: 'nodes', added: 0, corrected: 1, withdrawn: 0 },
      { collection: 'rail', added: 0, corrected: 1, withdrawn: 0 },
      { collection: 'sources', added: 1, corrected: 0, withdrawn: 0 },
    ]);
    expect(r.since.problems).toEqual([]);
    expect(r.since.earlier).toEqual(content1);
  });

  it('says when it cannot compare: an unknown version, a current version that is no release, a link not older', () => {
    expect(sinceRelease([m1, m2], '0badc0de', m2.version, content2)).toEqual({ kind: 'unknown' });
    expect(sinceRelease([m1, m2], m1.version, '0badc0de', content2)).toEqual({ kind: 'current-not-released', linkRelease: 1 });
    expect(sinceRelease([m1, m2], m2.version, m2.version, content2)).toEqual({ kind: 'not-earlier', linkRelease: 2 });
    expect(sinceRelease([m1, m2], m2.version, m1.version, content1)).toEqual({ kind: 'not-earlier', linkRelease: 2 });
  });
});

describe('changedFields', () => {
  it('names the moved point first, then the known fields in order, then any other property', () => {
    const a = { geometry: { type: 'Point', coordinates: [1, 2] }, properties: { id: 'x', name: 'A', date: '2024-01-01', extra: 1 } };
    const b = { geometry: { type: 'Point', coordinates: [1, 3] }, properties: { id: 'x', name: 'A', date: '2024-01-02', extra: 2, sources: ['s'] } };
    expect(changedFields(a, b)).toEqual(['position', 'date', 'sources', 'extra']);
    expect(changedFields(a, a)).toEqual([]);
  });
});
