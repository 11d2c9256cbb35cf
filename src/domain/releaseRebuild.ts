/**
 * Rebuild the records of an earlier data release from the current files and the release manifests:
 * walking back one release at a time, drop what the later release added and put back what it replaced
 * (its `replaced` lists hold the earlier content). Every record put back is checked against the earlier
 * manifest's hash, so a rebuilt release is exactly the one that was published, or the problems say why not.
 */
import { recordHash } from './hash';
import { RELEASE_COLLECTIONS, ReleaseManifest, recordId, type ReleaseCollection, type ReleaseContent } from './release';

/**
 * Parse manifests (any order) into the release chain, oldest first. A manifest that fails its schema, a
 * gap in `sequence` or a `previous` that does not name the release before it is reported, and the chain
 * stops before it (later releases cannot be trusted to rebuild across the break).
 * @example orderReleases([m2, m1]).releases.map((r) => r.sequence) // [1, 2]
 */
export function orderReleases(manifests: readonly unknown[]): { releases: ReleaseManifest[]; problems: string[] } {
  const problems: string[] = [];
  const parsed: ReleaseManifest[] = [];
  manifests.forEach((m, i) => {
    const r = ReleaseManifest.safeParse(m);
    if (r.success) parsed.push(r.data);
    else problems.push(`manifest #${i}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  });
  parsed.sort((a, b) => a.sequence - b.sequence);
  const releases: ReleaseManifest[] = [];
  for (const m of parsed) {
    const prior = releases[releases.length - 1];
    const expected = prior ? prior.sequence + 1 : 1;
    const link = prior ? prior.version : null;
    if (m.sequence !== expected || m.previous !== link) {
      problems.push(`release ${m.sequence} (${m.version}): expected sequence ${expected} after ${link ?? 'nothing'}, got previous ${m.previous ?? 'null'}`);
      break;
    }
    releases.push(m);
  }
  return { releases, problems };
}

export interface RebuildResult {
  ok: boolean;
  /** The records of the target release (as far as they could be rebuilt). */
  content: ReleaseContent;
  problems: string[];
}

/**
 * Rebuild release `target` (a data version) from `current` — the records of the newest release in
 * `releases` (oldest first, as `orderReleases` returns them). Records come out in the target manifest's
 * file order; pass the result through `filesOfContent` and `loadGeodata` to score it like the current data.
 * @example
 * const { ok, content } = rebuildRelease(contentOfFiles(files), releases, '3f0c9a1e');
 * if (ok) loadGeodata(filesOfContent(content));
 */
export function rebuildRelease(current: ReleaseContent, releases: readonly ReleaseManifest[], target: string): RebuildResult {
  const problems: string[] = [];
  const at = releases.findIndex((r) => r.version === target);
  const latest = releases[releases.length - 1];
  if (at < 0 || !latest) return { ok: false, content: current, problems: [`unknown data version ${target}`] };

  for (const c of RELEASE_COLLECTIONS) {
    const want = new Map(latest.features[c]);
    const have = new Set<string>();
    for (const r of current[c]) {
      const id = recordId(r);
      have.add(id);
      const hash = want.get(id);
      if (hash === undefined) problems.push(`${c} ${id}: not in release ${latest.sequence} (${latest.version})`);
      else if (hash !== recordHash(r)) problems.push(`${c} ${id}: differs from release ${latest.sequence} (${latest.version})`);
    }
    for (const id of want.keys()) if (!have.has(id)) problems.push(`${c} ${id}: missing from the current data`);
  }

  let content = current;
  for (let k = releases.length - 1; k > at; k--) content = stepBack(content, releases[k]!, releases[k - 1]!, problems);
  return { ok: problems.length === 0, content, problems };
}

/** The records of `earlier`, given the records of `later` (the release right after it). */
function stepBack(content: ReleaseContent, later: ReleaseManifest, earlier: ReleaseManifest, problems: string[]): ReleaseContent {
  const out = {} as ReleaseContent;
  for (const c of RELEASE_COLLECTIONS) out[c] = stepCollection(c, content[c], later, earlier, problems);
  return out;
}

function stepCollection(
  c: ReleaseCollection,
  records: Record<string, unknown>[],
  later: ReleaseManifest,
  earlier: ReleaseManifest,
  problems: string[],
): Record<string, unknown>[] {
  const laterHash = new Map(later.features[c]);
  const kept = new Map(records.map((r) => [recordId(r), r]));
  const replaced = new Map(later.replaced[c].map((r) => [recordId(r), r]));
  const out: Record<string, unknown>[] = [];
  for (const [id, hash] of earlier.features[c]) {
    const unchanged = laterHash.get(id) === hash;
    const record = unchanged ? kept.get(id) : replaced.get(id);
    if (!record) {
      problems.push(`${c} ${id}: release ${later.sequence} does not keep its earlier content`);
      continue;
    }
    if (!unchanged && recordHash(record) !== hash) {
      problems.push(`${c} ${id}: earlier content kept in release ${later.sequence} does not match release ${earlier.sequence}`);
    }
    out.push(record);
  }
  return out;
}
