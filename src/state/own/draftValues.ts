/**
 * The report form's values: their shape, a fresh form, and the values of a saved own report (to edit
 * it). Kept apart from the checks (`draft.ts`), which load with the form.
 */
import type { Category, Confidence, LocationPrecision, Quantity, SightingFeature, Source, SourceKind } from '../../domain/schemas';

/** One source as typed. */
export interface SourceDraft {
  publisher: string;
  title: string;
  /** Publication date, `YYYY-MM-DD`. */
  date: string;
  url: string;
  kind: SourceKind;
}

/** The form's values, as text where the analyst types. */
export interface ReportDraft {
  lon: string;
  lat: string;
  /** Node or area id, or '' for none. */
  place: string;
  precision: 'day' | 'month';
  /** `YYYY-MM-DD` (day) or `YYYY-MM` (month). */
  date: string;
  /** '' when the report is of one day (or month). */
  dateEnd: string;
  category: Category | '';
  confidence: Confidence | '';
  location: LocationPrecision | '';
  /** Short title; '' gives the default name. */
  title: string;
  summary: string;
  note: string;
  quantityValue: string;
  quantityUnit: Quantity['unit'] | '';
  quantityApprox: boolean;
  sources: SourceDraft[];
}

/** A fresh source row. */
export const emptySource = (): SourceDraft => ({ publisher: '', title: '', date: '', url: '', kind: 'media' });

/** A fresh form. */
export const emptyDraft = (): ReportDraft => ({
  lon: '', lat: '', place: '', precision: 'day', date: '', dateEnd: '', category: '', confidence: '', location: '',
  title: '', summary: '', note: '', quantityValue: '', quantityUnit: '', quantityApprox: false, sources: [emptySource()],
});

/** The form's values of a saved own report (for editing it). */
export function draftOf(f: SightingFeature, sourceOf: (id: string) => Source | undefined): ReportDraft {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  return {
    lon: String(lon),
    lat: String(lat),
    place: p.place ?? '',
    precision: p.date.length === 7 ? 'month' : 'day',
    date: p.date,
    dateEnd: p.dateEnd ?? '',
    category: p.category,
    confidence: p.confidence,
    location: p.location,
    title: p.name,
    summary: p.summary,
    note: p.note ?? '',
    quantityValue: p.quantity ? String(p.quantity.value) : '',
    quantityUnit: p.quantity?.unit ?? '',
    quantityApprox: p.quantity?.approx === true,
    sources: p.sources.map((id) => {
      const s = sourceOf(id);
      return { publisher: s?.publisher ?? id, title: s?.title ?? '', date: s?.date ?? '', url: s?.url ?? '', kind: s?.kind ?? 'media' };
    }),
  };
}

