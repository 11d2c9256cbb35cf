/**
 * "Since this link": what changed in the data between the release a link (or an opened analysis file)
 * was made with and the release this page shows. Its own small store, filled by `open.ts` (loaded only
 * when such a link is opened); the panel, the map and the scenario panel read it.
 */
import { create } from 'zustand';
import type { SinceRelease } from '../../domain/releaseSince';
import type { ScenarioScore } from '../../metrics/scoring';
import { actions, useStore } from '../store';

/** The earlier release's scenario scores, computed for the view as it is now. */
export interface EarlierScores {
  status: 'computing' | 'ready' | 'error';
  scores: ScenarioScore[];
  /** The window end the scores were evaluated as of (days since 1970), or null before the first. */
  asOfDay: number | null;
  message?: string;
}

export interface SinceLinkState {
  since: SinceRelease | null;
  /** What named the earlier version: the opened link, or an opened analysis file. */
  origin: { kind: 'link' } | { kind: 'file'; name: string } | null;
  earlier: EarlierScores | null;
}

export const useSinceLink = create<SinceLinkState>()(() => ({ since: null, origin: null, earlier: null }));

/** The ids of the reports added or corrected since (those the map and the table can show). */
export function changedIds(since: SinceRelease): Set<string> {
  return new Set([...since.added, ...since.corrected].map((c) => c.id));
}

/** "Show only what changed": narrow the map and the table to the reports added or corrected since. */
export function showOnlyChanged(on: boolean): void {
  const since = useSinceLink.getState().since;
  actions.setFilters({ onlyIds: on && since ? changedIds(since) : null });
}

/** Whether the map and the table show only what changed. */
export const onlyChangedOn = () => Boolean(useStore.getState().filters.onlyIds);

let stopEarlier: (() => void) | null = null;
/** Register what stops the earlier release's scoring (a worker), run on close. */
export function onCloseSince(stop: () => void): void {
  stopEarlier = stop;
}

/** Close the comparison: its rings, the "only what changed" filter and the score movement go. */
export function closeSince(): void {
  stopEarlier?.();
  stopEarlier = null;
  if (onlyChangedOn()) showOnlyChanged(false);
  useSinceLink.setState({ since: null, origin: null, earlier: null });
}
