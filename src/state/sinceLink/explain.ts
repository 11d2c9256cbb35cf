/**
 * What a link (or an analysis file) made with other data is told: "since this link" when its version is
 * an earlier release of this page's data, otherwise the plain "made with other data" notice. The
 * comparison's code and the release manifests are loaded only here, on demand.
 */
import { actions } from '../store';
import type { SinceLinkState } from './store';

/**
 * Show what changed since `version`, or `fallback` (a notice text) when that cannot be said.
 * @example void explainOtherData('96f9af92', '828639fe', 'This link was made with other data …', { kind: 'link' })
 */
export async function explainOtherData(version: string, current: string, fallback: string, origin: NonNullable<SinceLinkState['origin']>): Promise<void> {
  try {
    const { openSince } = await import('./open');
    if (await openSince(version, current, origin)) return;
  } catch {
    // The manifests could not be loaded: say what is known without them.
  }
  actions.notify('warning', fallback);
}
