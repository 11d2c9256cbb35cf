/**
 * The report form's work, loaded with the form: the places near its position, the build context and
 * saving. Kept apart from the form's store so the first frame does not carry it.
 */
import { buildOwnReport, newOwnId, type BuildContext, type BuildResult } from './draft';
import { useReportForm, closeReportForm } from './form';
import { placesNear, suggestedPlace, type PlaceOption } from './places';
import { putOwnReport } from './reports';
import { actions, useStore } from '../store';

/** The named places near the form's position (nodes and areas), nearest first; empty without a position. */
export function placeOptions(lon: string, lat: string): PlaceOption[] {
  const x = Number(lon);
  const y = Number(lat);
  const data = useStore.getState().data;
  if (!data || lon.trim() === '' || lat.trim() === '' || !Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x) > 180 || Math.abs(y) > 90) return [];
  return placesNear(x, y, data.nodes, data.areas);
}

/**
 * Fill in the place for a new position (the nearest node within 30 km, else an area holding it, else
 * none); nothing changes when the position is the one the place was chosen for.
 */
export function suggestPlace(): void {
  const { draft, suggestedFor } = useReportForm.getState();
  const at = `${draft.lon},${draft.lat}`;
  if (at === suggestedFor) return;
  const pick = suggestedPlace(placeOptions(draft.lon, draft.lat));
  useReportForm.setState({ suggestedFor: at, draft: { ...draft, place: pick?.id ?? '' } });
}

/** What the form needs to build its report: ids, today, the known places and the default name. */
export function buildContext(defaultName: string, now = new Date()): BuildContext {
  const { editing } = useReportForm.getState();
  const id = editing ?? newOwnId(now.getTime());
  const data = useStore.getState().data;
  const places = new Set([...(data?.nodes ?? []), ...(data?.areas ?? [])].map((f) => f.properties.id));
  // Fresh source ids on every save: an edit may change a source, and ids are never reused for other content.
  const stamp = now.getTime().toString(36);
  return { id, sourceId: (n) => `${id}-src-${stamp}-${n + 1}`, defaultName, today: now.toISOString().slice(0, 10), places };
}

/**
 * Save the form: build the report (problems go back to the form, nothing is saved), put it in the
 * page at once, select it and close the form. Resolves when the browser has (or could not) save it.
 */
export async function saveReportForm(defaultName: string): Promise<BuildResult> {
  const { draft, editing } = useReportForm.getState();
  const built = buildOwnReport(draft, buildContext(defaultName));
  if (!built.ok) return built;
  const saved = putOwnReport(built.feature, built.sources, editing ?? undefined);
  closeReportForm();
  actions.select({ featureId: built.feature.properties.id });
  actions.notify('info', `${editing ? 'Saved your changes to' : 'Added'} “${built.feature.properties.name}”.`);
  await saved;
  return built;
}
