/**
 * Release manifests, their diff and the rebuild of an older release, on the two-release fixture in
 * tests/fixtures/release/: from v1 to v2 node n-a moved 0.1° east (so rail r-ab and the report placed at
 * it, s-1, moved with it), s-2 was re-dated, s-3 withdrawn, s-4 added with a new source src-b.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, recordHash } from '../../src/domain/hash';
import { loadGeodata } from '../../src/domain/load';
import { RELEASE_FORMAT, ReleaseManifest, buildManifest, contentOfFiles, dataVersion, filesOfContent, recordId } from '../../src/domain/release';
import { countChanges, diffReleases } from '../../src/domain/releaseDiff';
import { orderReleases, rebuildRelease } from '../../src/domain/releaseRebuild';
import { deepFreeze } from '../fixtures/geodata/read';
import { filesOfTexts, formatManifest, readTexts } from '../../scripts/lib/releases';

const DIR = join(import.meta.dirname, '../fixtures/release');
const texts1 = readTexts(join(DIR, 'v1'));
const texts2 = readTexts(join(DIR, 'v2'));
const content1 = deepFreeze(contentOfFiles(filesOfTexts(texts1)));
const content2 = deepFreeze(contentOfFiles(filesOfTexts(texts2)));
const m1 = deepFreeze(buildManifest(content1, dataVersion(texts1), { released: '2026-11-27' }));
const m2 = deepFreeze(buildManifest(content2, dataVersion(texts2), { released: '2026-12-01' }, { manifest: m1, content: content1 }));
const ids = (records: Record<string, unknown>[]) => records.map(recordId);

describe('hashes', () => {
  it('canonical JSON sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }], u: undefined })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
    expect(recordHash({ id: 'x', p: { b: 2, a: 1 } })).toBe(contentHash('{"id":"x","p":{"a":1,"b":2}}'));
    expect(recordHash([1, 2])).not.toBe(recordHash([2, 1]));
  });

  it('the data version is the hash of the six texts joined by newlines, nodes first, sources last', () => {
    const t = { nodes: 'N', rail: 'R', sea: 'S', areas: 'A', sightings: 'G', sources: 'C' };
    expect(dataVersion(t)).toBe(contentHash('N\nR\nS\nA\nG\nC'));
    expect(dataVersion({ ...t, rail: undefined })).toBe(contentHash('N\n\nS\nA\nG\nC'));
  });
});

describe('buildManifest', () => {
  it('lists every record with its hash in file order, per collection', () => {
    expect(ReleaseManifest.parse(m1)).toEqual(m1);
    expect(m1).toMatchObject({ format: RELEASE_FORMAT, sequence: 1, previous: null, released: '2026-11-27' });
    expect(m1.features.sightings.map(([id]) => id)).toEqual(['s-1', 's-2', 's-3']);
    expect(m1.features.sources).toEqual([['src-a', recordHash(content1.sources[0])]]);
    expect(m1.features.sea).toEqual([]);
    expect(Object.values(m1.replaced).flat()).toEqual([]);
  });

  it('links the next release and keeps exactly the records it corrects or withdraws', () => {
    expect(m2).toMatchObject({ sequence: 2, previous: m1.version, version: dataVersion(texts2) });
    expect(m2.version).not.toBe(m1.version);
    expect(ids(m2.replaced.nodes)).toEqual(['n-a']);
    expect(ids(m2.replaced.rail)).toEqual(['r-ab']);
    expect(ids(m2.replaced.sightings)).toEqual(['s-1', 's-2', 's-3']);
    expect(m2.replaced.sources).toEqual([]);
    // The kept record is the earlier one, untouched.
    expect(m2.replaced.sightings[1]).toEqual(content1.sightings[1]);
  });

  it('round-trips through the file layout the release script writes', () => {
    const text = formatManifest(m2);
    expect(JSON.parse(text)).toEqual(m2);
    expect(text).toContain('\n      ["s-4","');
  });
});

describe('diffReleases', () => {
  it('finds what v2 added, corrected and withdrew', () => {
    expect(diffReleases(m1, m2)).toEqual({
      added: [{ collection: 'sightings', id: 's-4' }, { collection: 'sources', id: 'src-b' }],
      corrected: [
        { collection: 'nodes', id: 'n-a' },
        { collection: 'rail', id: 'r-ab' },
        { collection: 'sightings', id: 's-1' },
        { collection: 'sightings', id: 's-2' },
      ],
      withdrawn: [{ collection: 'sightings', id: 's-3' }],
    });
    expect(countChanges(diffReleases(m1, m2), 'sightings')).toEqual({ added: 1, corrected: 2, withdrawn: 1 });
  });

  it('is empty between a release and itself, and mirrored when reversed', () => {
    expect(diffReleases(m2, m2)).toEqual({ added: [], corrected: [], withdrawn: [] });
    const back = diffReleases(m2, m1);
    expect(back.added).toEqual(diffReleases(m1, m2).withdrawn);
    expect(back.withdrawn).toEqual(diffReleases(m1, m2).added);
  });

  it('counts a record that changes collection as withdrawn from one and added to the other', () => {
    const empty = { nodes: [], rail: [], sea: [], areas: [], sightings: [], sources: [] };
    const older = { features: { ...empty, rail: [['x', 'aaaaaaaa']] as [string, string][] } };
    const newer = { features: { ...empty, sea: [['x', 'aaaaaaaa']] as [string, string][] } };
    expect(diffReleases(older, newer)).toEqual({
      added: [{ collection: 'sea', id: 'x' }],
      corrected: [],
      withdrawn: [{ collection: 'rail', id: 'x' }],
    });
  });
});

describe('orderReleases', () => {
  it('orders by sequence and checks each link', () => {
    expect(orderReleases([m2, m1])).toEqual({ releases: [m1, m2], problems: [] });
  });

  it('stops the chain at a broken link or an invalid manifest, and says why', () => {
    const broken = orderReleases([m1, { ...m2, previous: 'ffffffff' }]);
    expect(broken.releases).toEqual([m1]);
    expect(broken.problems).toEqual([`release 2 (${m2.version}): expected sequence 2 after ${m1.version}, got previous ffffffff`]);
    const invalid = orderReleases([{ ...m1, version: 'nope' }]);
    expect(invalid.releases).toEqual([]);
    expect(invalid.problems[0]).toMatch(/^manifest #0: version: expected 8 hex digits/);
  });
});

describe('rebuildRelease', () => {
  it('rebuilds v1 exactly from the v2 files and both manifests, and it loads', () => {
    const r = rebuildRelease(content2, [m1, m2], m1.version);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.content).toEqual(content1);
    const loaded = loadGeodata(filesOfContent(r.content));
    expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    expect(loaded.data.sightings.map((s) => [s.properties.id, s.properties.date])).toEqual([
      ['s-1', '2024-01'], ['s-2', '2024-01-05'], ['s-3', '2024-01-09'],
    ]);
  });

  it('returns the current records for the newest release', () => {
    expect(rebuildRelease(content2, [m1, m2], m2.version)).toEqual({ ok: true, content: content2, problems: [] });
  });

  it('reports an unknown version, current data that is not the newest release, and missing earlier content', () => {
    expect(rebuildRelease(content2, [m1, m2], '00000000').problems).toEqual(['unknown data version 00000000']);
    expect(rebuildRelease(content1, [m1, m2], m1.version).problems.slice(0, 4)).toEqual([
      `nodes n-a: differs from release 2 (${m2.version})`,
      `rail r-ab: differs from release 2 (${m2.version})`,
      `sightings s-1: differs from release 2 (${m2.version})`,
      `sightings s-2: differs from release 2 (${m2.version})`,
    ]);
    expect(rebuildRelease(content1, [m1, m2], m1.version).problems).toContain(`sightings s-3: not in release 2 (${m2.version})`);
    expect(rebuildRelease(content1, [m1, m2], m1.version).problems).toContain('sightings s-4: missing from the current data');
    const lossy = { ...m2, replaced: { ...m2.replaced, sightings: m2.replaced.sightings.filter((s) => recordId(s) !== 's-3') } };
    const r = rebuildRelease(content2, [m1, lossy], m1.version);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(['sightings s-3: release 2 does not keep its earlier content']);
    expect(ids(r.content.sightings)).toEqual(['s-1', 's-2']);
    const tampered = { ...m2, replaced: { ...m2.replaced, nodes: [{ ...m2.replaced.nodes[0]!, id: 'n-a', extra: 1 }] } };
    expect(rebuildRelease(content2, [m1, tampered], m1.version).problems).toEqual([
      'nodes n-a: earlier content kept in release 2 does not match release 1',
    ]);
  });
});
