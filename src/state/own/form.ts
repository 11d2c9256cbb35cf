/**
 * The report form's own small store (transient UI state, not part of the view): whether it is open,
 * which report it edits, its values, and whether the next map click places the report. The map calls
 * `mapClicked` first on every click; while placing, the click sets the position instead of selecting.
 * Building and saving the report (`formSave.ts`) are loaded with the form itself, when first opened.
 */
import { create } from 'zustand';
import { draftOf, emptyDraft, type ReportDraft } from './draftValues';
import { isOwn } from './reports';
import { importedFeatures } from '../import/importedSet';
import { useStore } from '../store';

export interface ReportForm {
  open: boolean;
  /** The position (`lon,lat` text) the place was last suggested for. */
  suggestedFor: string;
  /** The own report being edited, or null for a new one. */
  editing: string | null;
  draft: ReportDraft;
  /** The next map click sets the position. */
  placing: boolean;
}

const CLOSED: ReportForm = { open: false, suggestedFor: '', editing: null, draft: emptyDraft(), placing: false };

export const useReportForm = create<ReportForm>()(() => CLOSED);

/** Open the form for a new report (placing by map click at once). */
export function openNewReport(): void {
  useReportForm.setState({ ...CLOSED, open: true, draft: emptyDraft(), placing: true });
}

/** Open the form on an own report; false when no own report has that id. */
export function openEditReport(id: string): boolean {
  const f = importedFeatures().find((x) => x.properties.id === id);
  if (!f || !isOwn(f)) return false;
  const sources = useStore.getState().importedSources;
  const draft = draftOf(f, (sid) => sources.get(sid));
  useReportForm.setState({ open: true, editing: id, draft, placing: false, suggestedFor: `${draft.lon},${draft.lat}` });
  return true;
}

export function closeReportForm(): void {
  useReportForm.setState(CLOSED);
}

/** Change some values. */
export function patchDraft(patch: Partial<ReportDraft>): void {
  useReportForm.setState((s) => ({ draft: { ...s.draft, ...patch } }));
}

export function setPlacing(placing: boolean): void {
  useReportForm.setState({ placing });
}

/** Coordinates as the form writes them: 5 decimals (~1 m), what a click on the map can mean. */
const coord = (x: number) => String(Number(x.toFixed(5)));

/**
 * A click on the map at lon/lat: while placing, it becomes the report's position and the click is used
 * up (true); otherwise false and the map selects as usual.
 */
export function mapClicked(lon: number, lat: number): boolean {
  const f = useReportForm.getState();
  if (!f.open || !f.placing) return false;
  useReportForm.setState({ placing: false, draft: { ...f.draft, lon: coord(lon), lat: coord(lat) } });
  onPlaced();
  return true;
}

let onPlaced: () => void = () => {};
/** What runs after a map click placed the report (the form suggests the place and moves focus on). */
export function onPositionPlaced(run: () => void): void {
  onPlaced = run;
}

