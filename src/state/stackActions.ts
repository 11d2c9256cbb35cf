/**
 * What a click or a keyboard step on the map means once reports stack: a position holding several
 * reports opens their list (the details panel shows it) instead of selecting whichever dot is on top.
 */
import { selectVisibleReports } from './derived';
import { positionOf, selectPositions, type ReportPosition } from './stacks';
import { actions, useStore } from './store';

/** The visible report positions now. */
export function currentPositions(): ReportPosition[] {
  const s = useStore.getState();
  return selectPositions(selectVisibleReports(s.sightingSets, s.filters, s.layers));
}

/** Open the list of reports at a position in the details panel. */
export function openStack(key: string): void {
  actions.select({ featureId: null });
  actions.setUi({ stackKey: key, panel: 'details' });
}

/**
 * A click on the map: a report on a stacked position opens the stack's list; anything else (or nothing)
 * is selected as before and closes an open list.
 */
export function clickMapFeature(id: string | null): void {
  const stack = id ? positionOf(currentPositions(), id) : undefined;
  if (stack && stack.members.length > 1) return openStack(stack.key);
  actions.select({ featureId: id });
  actions.setUi({ stackKey: null });
}
