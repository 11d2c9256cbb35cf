/**
 * The release history in geodata/releases/: the files as they are must be the newest release (cut one
 * with `npm run geodata:release`), the chain must be whole, and every older release must rebuild exactly
 * from the current files — so a link made with any released version can be compared with today's data.
 */
import { describe, expect, it } from 'vitest';
import { loadGeodata } from '../../src/domain/load';
import { RELEASE_COLLECTIONS, buildManifest, contentOfFiles, dataVersion, filesOfContent, recordId } from '../../src/domain/release';
import { diffReleases } from '../../src/domain/releaseDiff';
import { orderReleases, rebuildRelease } from '../../src/domain/releaseRebuild';
import { RELEASES_DIR, filesOfTexts, formatManifest, manifestFile, readManifests, readTexts } from '../../scripts/lib/releases';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const texts = readTexts();
const content = contentOfFiles(filesOfTexts(texts));
const manifests = readManifests();
const { releases, problems } = orderReleases(manifests.map((m) => m.json));
const latest = releases[releases.length - 1]!;

describe('geodata release history', () => {
  it('is a whole chain of valid manifests, each in the file named by its version, in the script layout', () => {
    expect(problems).toEqual([]);
    expect(releases.length).toBe(manifests.length);
    expect(releases.length).toBeGreaterThanOrEqual(1);
    for (const r of releases) {
      const text = readFileSync(join(RELEASES_DIR, manifestFile(r)), 'utf8');
      expect(text, manifestFile(r)).toBe(formatManifest(r));
    }
    for (let i = 1; i < releases.length; i++) expect(releases[i]!.released >= releases[i - 1]!.released).toBe(true);
  });

  it('ends with the geodata as it is now (else run `npm run geodata:release`)', () => {
    const now = buildManifest(content, dataVersion(texts), { released: latest.released });
    const changed = diffReleases(latest, now);
    expect(changed, 'records changed since the newest release').toEqual({ added: [], corrected: [], withdrawn: [] });
    expect(dataVersion(texts), 'file texts changed since the newest release').toBe(latest.version);
  });

  it.each(releases.slice(0, -1).map((r) => [r.sequence, r.version, r] as const))(
    'release %i (%s) rebuilds exactly from the current files and loads without errors',
    (_seq, version, release) => {
      const r = rebuildRelease(content, releases, version);
      expect(r.problems).toEqual([]);
      for (const c of RELEASE_COLLECTIONS) expect(r.content[c].map(recordId), c).toEqual(release.features[c].map(([id]) => id));
      const loaded = loadGeodata(filesOfContent(r.content));
      expect(loaded.ok ? [] : loaded.errors).toEqual([]);
    },
  );

  it('never gives a withdrawn id to a new record (links name records by id)', () => {
    const gone = new Set<string>();
    for (let i = 1; i < releases.length; i++) {
      const d = diffReleases(releases[i - 1]!, releases[i]!);
      for (const a of d.added) expect(gone.has(a.id), `release ${i + 1} reuses ${a.id}`).toBe(false);
      for (const w of d.withdrawn) gone.add(w.id);
    }
  });

  it('each release keeps the earlier content of exactly what it corrected or withdrew, nothing more', () => {
    for (let i = 1; i < releases.length; i++) {
      const d = diffReleases(releases[i - 1]!, releases[i]!);
      for (const c of RELEASE_COLLECTIONS) {
        const expected = [...d.corrected, ...d.withdrawn].filter((x) => x.collection === c).map((x) => x.id).sort();
        expect(releases[i]!.replaced[c].map(recordId).sort(), `release ${i + 1} ${c}`).toEqual(expected);
      }
    }
  });
});
