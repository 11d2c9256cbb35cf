/**
 * Opening "since this link": load the release manifests (lazily: this module is imported only when a
 * link or an analysis file names another data version), list what changed from that release to the
 * page's, rebuild the earlier release's data and score it beside today's. Loaded with `import()`, so
 * neither the manifests nor this code are in the first frame's bundle.
 */
import type { ReleaseManifest } from '../../domain/release';
import { contentOfFiles, filesOfContent } from '../../domain/release';
import { orderReleases } from '../../domain/releaseRebuild';
import { sinceRelease, type SinceResult } from '../../domain/releaseSince';
import { loadGeodata } from '../../domain/load';
import { bundledFiles } from '../bootstrap';
import { actions } from '../store';
import { startEarlierScores } from './earlierScores';
import { closeSince, onCloseSince, useSinceLink, type SinceLinkState } from './store';

const MANIFESTS = import.meta.glob<unknown>('../../../geodata/releases/*.json', { import: 'default' });

let releases: Promise<{ releases: ReleaseManifest[]; problems: string[] }> | null = null;

/** Every release manifest, ordered and checked (fetched once, on first use). */
export function loadReleases(): Promise<{ releases: ReleaseManifest[]; problems: string[] }> {
  releases ??= Promise.all(Object.values(MANIFESTS).map((load) => load())).then((list) => orderReleases(list));
  return releases;
}

/** What a link made with `linkVersion` is told when the page shows `currentVersion`: the comparison, or why not. */
export async function compareWith(linkVersion: string, currentVersion: string): Promise<SinceResult> {
  const files = bundledFiles();
  if (!files) return { kind: 'unknown' };
  const { releases: list } = await loadReleases();
  return sinceRelease(list, linkVersion, currentVersion, contentOfFiles(files));
}

/**
 * Open the comparison for a link (or an analysis file) made with `linkVersion`. Resolves true when it
 * is shown; false when the version is not an earlier release of this page's data (the caller then
 * says "made with other data", as for any unknown version).
 * @example if (!(await openSince('96f9af92', '828639fe', { kind: 'link' }))) notifyOtherData()
 */
export async function openSince(linkVersion: string, currentVersion: string, origin: NonNullable<SinceLinkState['origin']>): Promise<boolean> {
  const result = await compareWith(linkVersion, currentVersion);
  if (result.kind !== 'ok') return false;
  closeSince();
  const { since } = result;
  useSinceLink.setState({ since, origin, earlier: null });
  if (!since.earlier) {
    actions.notify('warning', `The data of release ${since.from.sequence} could not be rebuilt, so its scores are not shown.`, since.problems.slice(0, 20));
    return true;
  }
  const earlier = loadGeodata(filesOfContent(since.earlier));
  onCloseSince(startEarlierScores(earlier.data));
  return true;
}
