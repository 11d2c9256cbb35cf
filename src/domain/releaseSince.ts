/**
 * What changed in the data since an earlier release, as an analyst reads it: the reports added,
 * corrected (with the fields that changed) and withdrawn, the other records' counts, and the earlier
 * release's records rebuilt so its reports can be scored beside today's. From the release manifests and
 * the current files alone; pure.
 */
import { canonicalJson } from './hash';
import { RELEASE_COLLECTIONS, recordId, type ReleaseCollection, type ReleaseContent, type ReleaseManifest } from './release';
import { diffReleases, type ReleaseDiff } from './releaseDiff';
import { rebuildRelease } from './releaseRebuild';

/** One report that changed: as it is now (added, corrected) or as it was (withdrawn). */
export interface ReportChange {
  id: string;
  name: string;
  date: string;
  /** lon, lat; null when the record has no Point. */
  position: [number, number] | null;
  /** For a correction: what differs (`position`, `date`, `sources`, …), in a stable order. */
  fields: string[];
}

/** The fields of a report compared for a correction, in the order they are named. */
const FIELDS = ['name', 'date', 'dateEnd', 'category', 'confidence', 'location', 'place', 'summary', 'quantity', 'sources', 'note', 'accuracy'] as const;

export interface SinceRelease {
  from: Pick<ReleaseManifest, 'version' | 'sequence' | 'released'>;
  to: Pick<ReleaseManifest, 'version' | 'sequence' | 'released'>;
  added: ReportChange[];
  corrected: ReportChange[];
  withdrawn: ReportChange[];
  /** Changes to the other collections (nodes, routes, areas, sources), those with any change. */
  others: { collection: Exclude<ReleaseCollection, 'sightings'>; added: number; corrected: number; withdrawn: number }[];
  /** The earlier release's records (null when they could not be rebuilt exactly; `problems` says why). */
  earlier: ReleaseContent | null;
  problems: string[];
}

export type SinceResult =
  | { kind: 'ok'; since: SinceRelease }
  /** The version is not a known release, or the current data is not one, or the link is not older. */
  | { kind: 'unknown' | 'current-not-released' | 'not-earlier'; linkRelease?: number };

type Rec = Record<string, unknown>;
const props = (r: Rec) => (r.properties ?? {}) as Rec;
const pointOf = (r: Rec): [number, number] | null => {
  const g = r.geometry as { type?: unknown; coordinates?: unknown } | undefined;
  const c = g?.type === 'Point' && Array.isArray(g.coordinates) ? g.coordinates : null;
  return c && typeof c[0] === 'number' && typeof c[1] === 'number' ? [c[0], c[1]] : null;
};

function change(r: Rec, fields: string[] = []): ReportChange {
  const p = props(r);
  return { id: recordId(r), name: String(p.name ?? recordId(r)), date: String(p.date ?? ''), position: pointOf(r), fields };
}

/**
 * The fields that differ between two versions of a report (`position` for its point).
 * @example changedFields(before, after) // ['date', 'sources']
 */
export function changedFields(before: Rec, after: Rec): string[] {
  const a = props(before);
  const b = props(after);
  const out: string[] = [];
  if (canonicalJson(before.geometry) !== canonicalJson(after.geometry)) out.push('position');
  for (const f of FIELDS) if (canonicalJson(a[f]) !== canonicalJson(b[f])) out.push(f);
  const known = new Set<string>(['id', ...FIELDS]);
  const rest = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !known.has(k) && canonicalJson(a[k]) !== canonicalJson(b[k])).sort();
  return [...out, ...rest];
}

/** The sightings' changes of a diff, with names, dates and positions from the right release. */
function reportChanges(diff: ReleaseDiff, earlier: ReleaseContent | null, current: ReleaseContent) {
  const now = new Map(current.sightings.map((r) => [recordId(r), r]));
  const then = new Map((earlier?.sightings ?? []).map((r) => [recordId(r), r]));
  const pick = (list: ReleaseDiff['added']) => list.filter((c) => c.collection === 'sightings');
  return {
    added: pick(diff.added).flatMap((c) => (now.has(c.id) ? [change(now.get(c.id)!)] : [])),
    corrected: pick(diff.corrected).flatMap((c) => {
      const after = now.get(c.id);
      const before = then.get(c.id);
      return after ? [change(after, before ? changedFields(before, after) : [])] : [];
    }),
    withdrawn: pick(diff.withdrawn).map((c) => (then.has(c.id) ? change(then.get(c.id)!) : { id: c.id, name: c.id, date: '', position: null, fields: [] })),
  };
}

/**
 * What changed from release `linkVersion` to the current data (`current`, whose version is
 * `currentVersion`), given the release manifests in order (`orderReleases`).
 * @example sinceRelease(releases, '96f9af92', '828639fe', contentOfFiles(files)).kind // 'ok'
 */
export function sinceRelease(releases: readonly ReleaseManifest[], linkVersion: string, currentVersion: string, current: ReleaseContent): SinceResult {
  const from = releases.findIndex((r) => r.version === linkVersion);
  if (from < 0) return { kind: 'unknown' };
  const to = releases.findIndex((r) => r.version === currentVersion);
  if (to < 0) return { kind: 'current-not-released', linkRelease: releases[from]!.sequence };
  if (from >= to) return { kind: 'not-earlier', linkRelease: releases[from]!.sequence };
  const older = releases[from]!;
  const newer = releases[to]!;
  const diff = diffReleases(older, newer);
  const rebuilt = rebuildRelease(current, releases.slice(0, to + 1), linkVersion);
  const earlier = rebuilt.ok ? rebuilt.content : null;
  const others = RELEASE_COLLECTIONS.filter((c): c is Exclude<ReleaseCollection, 'sightings'> => c !== 'sightings')
    .map((collection) => {
      const n = (list: ReleaseDiff['added']) => list.filter((c) => c.collection === collection).length;
      return { collection, added: n(diff.added), corrected: n(diff.corrected), withdrawn: n(diff.withdrawn) };
    })
    .filter((o) => o.added + o.corrected + o.withdrawn > 0);
  const meta = (m: ReleaseManifest) => ({ version: m.version, sequence: m.sequence, released: m.released });
  return {
    kind: 'ok',
    since: { from: meta(older), to: meta(newer), ...reportChanges(diff, rebuilt.content, current), others, earlier, problems: rebuilt.problems },
  };
}
