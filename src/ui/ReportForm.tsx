/**
 * The report form: add (or edit) an analyst's own report. A panel beside the map, not a modal, so the
 * map stays clickable: "Pick on the map" makes the next click the report's position, or the analyst
 * types the coordinates. Every field is labelled and reachable by keyboard; problems are listed at the
 * top on saving (each a link to its field) and shown at the field; the sourcing rules the form cannot
 * decide are warnings. The report is checked by the same schema as files before it is saved.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { CATEGORIES, QUANTITY_UNITS, type Category, type Confidence, type LocationPrecision } from '../domain/schemas';
import { CATEGORY_STYLE } from '../layers/style';
import { buildOwnReport, type FieldProblems } from '../state/own/draft';
import { closeReportForm, onPositionPlaced, patchDraft, setPlacing, useReportForm } from '../state/own/form';
import { buildContext, placeOptions, saveReportForm, suggestPlace } from '../state/own/formSave';
import { useStore } from '../state/store';
import { ReportWhen } from './ReportWhen';
import { ReportSources } from './ReportSources';
import { Choice, Field, fieldId } from './reportFormParts';
import './report-form.css';

const CONFIDENCE: { value: Confidence; label: string; hint: string }[] = [
  { value: 'high', label: 'High', hint: 'two sources from different publishers, or a documented official act' },
  { value: 'moderate', label: 'Moderate', hint: 'one credible organisation, or a state about its own actions' },
  { value: 'low', label: 'Low', hint: 'unverified, contested, or a figure only the interested government states' },
];
const LOCATION: { value: LocationPrecision; label: string; hint: string }[] = [
  { value: 'exact', label: 'Exact', hint: 'the point is the place reported' },
  { value: 'settlement', label: 'Settlement', hint: 'the report names a town or facility' },
  { value: 'region', label: 'Region', hint: 'only a region: the point marks a representative place' },
];

/** The name a report gets without a title: "Troop movement — Tumangang". */
function defaultName(category: Category | '', placeName: string | undefined): string {
  const what = category ? CATEGORY_STYLE[category].label : 'Report';
  return placeName ? `${what} — ${placeName.replace(/\s*\(.*\)$/, '')}` : `${what} (analyst's report)`;
}

/** The form (rendered by `ReportFormSlot` once opened). */
export function ReportForm() {
  const { open, editing, draft, placing } = useReportForm();
  const data = useStore((s) => s.data);
  const [problems, setProblems] = useState<FieldProblems | null>(null);
  const root = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const options = useMemo(() => placeOptions(draft.lon, draft.lat), [draft.lon, draft.lat, data]);
  const placeName = data?.byId.get(draft.place)?.properties.name;
  const name = defaultName(draft.category, placeName);
  // Problems are shown once a save was tried, and then follow every change; warnings show as the analyst types.
  const live = useMemo(() => buildOwnReport(draft, buildContext(name)), [draft, name]);
  const shown = problems ? (live.ok ? {} : live.problems) : {};
  const warnings = live.ok ? live.warnings : [];

  useEffect(() => {
    if (!open) return;
    setProblems(null);
    root.current?.querySelector<HTMLElement>(editing ? `#${fieldId('summary')}` : '#rf-pick')?.focus();
    onPositionPlaced(() => {
      suggestPlace();
      document.getElementById(fieldId('place'))?.focus();
    });
  }, [open, editing]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      if (useReportForm.getState().placing) setPlacing(false);
      else closeReportForm();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [open]);

  if (!open) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await saveReportForm(name);
    if (!r.ok) {
      setProblems(r.problems);
      requestAnimationFrame(() => summaryRef.current?.focus());
    }
  };
  const p = (k: string) => shown[k];
  const count = Object.keys(shown).length;
  return (
    <form ref={root} className="report-form" role="dialog" aria-modal="false" aria-labelledby="rf-h" onSubmit={(e) => void submit(e)} noValidate>
      <div className="rf-head">
        <h2 id="rf-h">{editing ? 'Edit your report' : 'Add a report'}</h2>
        <button type="button" className="rf-close" aria-label="Close the report form (Escape)" onClick={closeReportForm}>
          ×
        </button>
      </div>
      {count > 0 && (
        <div ref={summaryRef} className="rf-summary" role="alert" tabIndex={-1}>
          <p>
            {count === 1 ? 'One field needs' : `${count} fields need`} attention before the report can be saved:
          </p>
          <ul>
            {Object.entries(shown).map(([k, message]) => (
              <li key={k}>
                <a href={`#${fieldId(k)}`} onClick={(e) => (e.preventDefault(), document.getElementById(fieldId(k))?.focus())}>
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <fieldset className="rf-where">
        <legend>Where</legend>
        <div className="rf-pick-row">
          <button type="button" id="rf-pick" aria-pressed={placing} onClick={() => setPlacing(!placing)}>
            {placing ? 'Click the map… (Escape stops)' : 'Pick on the map'}
          </button>
          <span className="rf-hint">or type the coordinates (WGS 84, decimal degrees)</span>
        </div>
        <div className="rf-row">
          <Field k="lat" label="Latitude" problem={p('lat')}>
            {(a) => <input {...a} type="text" inputMode="decimal" value={draft.lat} onChange={(e) => patchDraft({ lat: e.currentTarget.value })} onBlur={suggestPlace} />}
          </Field>
          <Field k="lon" label="Longitude" problem={p('lon')}>
            {(a) => <input {...a} type="text" inputMode="decimal" value={draft.lon} onChange={(e) => patchDraft({ lon: e.currentTarget.value })} onBlur={suggestPlace} />}
          </Field>
        </div>
        <Field k="place" label="Place (a named node or area)" problem={p('place')} hint={options.length ? 'The nearest is chosen when within 30 km; change it if the report names another.' : 'Give a position to see the places near it.'}>
          {(a) => (
            <select {...a} value={draft.place} onChange={(e) => patchDraft({ place: e.currentTarget.value })}>
              <option value="">None</option>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name} — {o.kind === 'area' ? 'area, contains the point' : `${o.distanceKm < 1 ? '<1' : Math.round(o.distanceKm)} km`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Choice k="location" legend="How precise is the location?" value={draft.location} options={LOCATION} problem={p('location')} onChange={(location) => patchDraft({ location })} />
      </fieldset>
      <ReportWhen problems={shown} />
      <Field k="category" label="Category" problem={p('category')}>
        {(a) => (
          <select {...a} value={draft.category} onChange={(e) => patchDraft({ category: e.currentTarget.value as Category })}>
            <option value="">Choose…</option>
            {CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_STYLE[c].label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Choice k="confidence" legend="Confidence (ICD 203)" value={draft.confidence} options={CONFIDENCE} problem={p('confidence')} onChange={(confidence) => patchDraft({ confidence })} />
      <Field k="summary" label="Summary: one neutral sentence that names who made the claim" problem={p('summary')} hint={`${draft.summary.trim().length} / 400 characters`}>
        {(a) => <textarea {...a} rows={3} value={draft.summary} onChange={(e) => patchDraft({ summary: e.currentTarget.value })} />}
      </Field>
      <Field k="title" label="Short title (optional)" hint={`Without one: “${name}”`}>
        {(a) => <input {...a} type="text" value={draft.title} onChange={(e) => patchDraft({ title: e.currentTarget.value })} />}
      </Field>
      <div className="rf-row rf-quantity">
        <Field k="quantityValue" label="Quantity (optional)" problem={p('quantityValue')}>
          {(a) => <input {...a} type="text" inputMode="numeric" value={draft.quantityValue} onChange={(e) => patchDraft({ quantityValue: e.currentTarget.value })} />}
        </Field>
        <Field k="quantityUnit" label="Unit" problem={p('quantityUnit')}>
          {(a) => (
            <select {...a} value={draft.quantityUnit} onChange={(e) => patchDraft({ quantityUnit: e.currentTarget.value as (typeof QUANTITY_UNITS)[number] | '' })}>
              <option value="">None</option>
              {QUANTITY_UNITS.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          )}
        </Field>
        <label className="rf-check">
          <input type="checkbox" checked={draft.quantityApprox} onChange={(e) => patchDraft({ quantityApprox: e.currentTarget.checked })} /> about / over
        </label>
      </div>
      <Field k="note" label="Note (optional): caveats, how a figure was counted, why the point is where it is">
        {(a) => <textarea {...a} rows={2} value={draft.note} onChange={(e) => patchDraft({ note: e.currentTarget.value })} />}
      </Field>
      <ReportSources problems={shown} />
      {warnings.length > 0 && (
        <ul className="rf-warnings" aria-label="Worth a check before saving">
          {warnings.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div className="rf-actions">
        <button type="submit" className="rf-primary">
          {editing ? 'Save changes' : 'Save report'}
        </button>
        <button type="button" onClick={closeReportForm}>
          Cancel
        </button>
      </div>
    </form>
  );
}
