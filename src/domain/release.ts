/**
 * Release manifests of the bundled geodata (`geodata/releases/<version>.json`): per released data
 * version, every feature and source id with a content hash, plus the earlier content of whatever that
 * release corrected or withdrew, so an older version can be rebuilt from the current files
 * (`releaseRebuild.ts`) and compared (`releaseDiff.ts`).
 */
import { z } from './zod';
import { GEODATA_FILES } from './files';
import { contentHash, recordHash } from './hash';
import type { GeodataFiles } from './load';
import { IsoDate } from './schemas';

/** The collections a manifest lists, in the order of `GEODATA_FILES` (rail and sea are both routes). */
export const RELEASE_COLLECTIONS = Object.keys(GEODATA_FILES) as (keyof GeodataFiles)[];
export type ReleaseCollection = keyof GeodataFiles;

/** Format tag written into every manifest; bump with a migration if the shape changes. */
export const RELEASE_FORMAT = 'corridor-watch-release/1';

const Hash = z.string().regex(/^[0-9a-f]{8}$/, 'expected 8 hex digits');
const Listing = z.array(z.tuple([z.string().min(1), Hash]));
const JsonRecord = z.record(z.string(), z.unknown());
const perCollection = <T extends z.ZodTypeAny>(t: T) =>
  z.object(Object.fromEntries(RELEASE_COLLECTIONS.map((c) => [c, t])) as Record<ReleaseCollection, T>);

export const ReleaseManifest = z.object({
  format: z.literal(RELEASE_FORMAT),
  /** 1 for the first release, then +1; `previous` names the version before it. */
  sequence: z.number().int().positive(),
  /** The data version links carry as `d=`: see `dataVersion`. */
  version: Hash,
  released: IsoDate,
  previous: Hash.nullable(),
  /** [id, recordHash] in file order, per collection. */
  features: perCollection(Listing),
  /** The previous release's records that this release corrected or withdrew, per collection. */
  replaced: perCollection(z.array(JsonRecord)),
});
export type ReleaseManifest = z.infer<typeof ReleaseManifest>;

/** Plain records per collection: features (GeoJSON objects) or, for `sources`, source records. */
export type ReleaseContent = Record<ReleaseCollection, Record<string, unknown>[]>;

/**
 * The data version: `contentHash` of the six file texts joined by '\n' in `GEODATA_FILES` key order —
 * exactly what the page computes from the files it fetches (a missing file counts as '').
 * @example dataVersion({ nodes: '{…}', rail: '{…}', …, sources: '[…]' }) // e.g. '3f0c9a1e'
 */
export function dataVersion(texts: Partial<Record<ReleaseCollection, string>>): string {
  return contentHash(RELEASE_COLLECTIONS.map((c) => texts[c] ?? '').join('\n'));
}

/** The id of a feature (`properties.id`, else the feature `id`) or of a source record (`id`). */
export function recordId(record: Record<string, unknown>): string {
  const props = record.properties as { id?: unknown } | undefined;
  const id = props && typeof props === 'object' && props.id !== undefined ? props.id : record.id;
  return String(id);
}

/** The records of parsed geodata files: each FeatureCollection's features, and the sources array. */
export function contentOfFiles(files: GeodataFiles): ReleaseContent {
  const list = (v: unknown): Record<string, unknown>[] => {
    const arr = Array.isArray(v) ? v : (v as { features?: unknown } | undefined)?.features;
    return Array.isArray(arr) ? (arr.filter((x) => x && typeof x === 'object') as Record<string, unknown>[]) : [];
  };
  return Object.fromEntries(RELEASE_COLLECTIONS.map((c) => [c, list(files[c])])) as ReleaseContent;
}

/** The inverse of `contentOfFiles`: inputs ready for `loadGeodata()`. */
export function filesOfContent(content: ReleaseContent): GeodataFiles {
  const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
  return {
    nodes: fc(content.nodes),
    rail: fc(content.rail),
    sea: fc(content.sea),
    areas: fc(content.areas),
    sightings: fc(content.sightings),
    sources: content.sources,
  };
}

/** [id, hash] of every record, in order. */
function listing(records: Record<string, unknown>[]): [string, string][] {
  return records.map((r) => [recordId(r), recordHash(r)]);
}

/**
 * The manifest of `content` (whose file texts hash to `version`). With `previous` (the prior release's
 * manifest and its content) it links to it and keeps the prior records that this release corrects or
 * withdraws; a record is corrected when its hash changed, withdrawn when its id is gone from the
 * collection.
 * @example buildManifest(content, dataVersion(texts), { released: '2026-12-01' }) // sequence 1, previous null
 */
export function buildManifest(
  content: ReleaseContent,
  version: string,
  meta: { released: string },
  previous?: { manifest: ReleaseManifest; content: ReleaseContent },
): ReleaseManifest {
  const features = Object.fromEntries(RELEASE_COLLECTIONS.map((c) => [c, listing(content[c])])) as ReleaseManifest['features'];
  const replaced = Object.fromEntries(
    RELEASE_COLLECTIONS.map((c) => {
      if (!previous) return [c, []];
      const now = new Map(features[c]);
      return [c, previous.content[c].filter((r) => now.get(recordId(r)) !== recordHash(r))];
    }),
  ) as ReleaseManifest['replaced'];
  return {
    format: RELEASE_FORMAT,
    sequence: previous ? previous.manifest.sequence + 1 : 1,
    version,
    released: meta.released,
    previous: previous ? previous.manifest.version : null,
    features,
    replaced,
  };
}
