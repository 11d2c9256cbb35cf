/**
 * Imported reports as they are saved in the browser: one batch per accepted file, its features as
 * UTF-8 JSON bytes (one ArrayBuffer is cheap to store and to move to a worker) beside its sources.
 * Each feature is a compact row (a tuple, the summary left out when it equals the name): less than half
 * the size of GeoJSON, which matters at 500,000 reports. Reading a batch back validates every record
 * again, since a stored record may predate a schema change.
 */
import { SightingFeature, Source } from '../domain/schemas';
import type { ImportResult } from './importRecord';

/** One accepted file as saved: `json` is the UTF-8 JSON text of its rows (see `toRow`). */
export interface StoredBatch {
  json: Uint8Array;
  sources: Source[];
}

/** The last member (quantity, note, the own-report mark) was added later: rows saved before it have 12 members. */
type Extras = { quantity?: SightingFeature['properties']['quantity']; note?: string; own?: true } | null;
type Row = [string, number, number, string, string, string, string, string[], string, string | null, string | null, string | null, Extras?];

/** A feature as a stored row: id, lon, lat, date, category, confidence, location, sources, name, summary, dateEnd, place, extras. */
function toRow(f: SightingFeature): Row {
  const p = f.properties;
  const [lon, lat] = f.geometry.coordinates;
  const extras: Extras =
    p.quantity || p.note || p.own
      ? { ...(p.quantity ? { quantity: p.quantity } : {}), ...(p.note ? { note: p.note } : {}), ...(p.own ? { own: true as const } : {}) }
      : null;
  const row: Row = [p.id, lon!, lat!, p.date, p.category, p.confidence, p.location, p.sources, p.name, p.summary === p.name ? null : p.summary, p.dateEnd ?? null, p.place ?? null];
  if (extras) row.push(extras);
  return row;
}

/** A stored row back as an (unvalidated) feature; anything that is not a row is returned as it is. */
function fromRow(row: unknown): unknown {
  if (!Array.isArray(row)) return row;
  const [id, lon, lat, date, category, confidence, location, sources, name, summary, dateEnd, place, extras] = row as Row;
  const more = typeof extras === 'object' && extras !== null ? extras : {};
  return {
    type: 'Feature',
    id,
    geometry: { type: 'Point', coordinates: [lon, lat] },
    properties: {
      id,
      name,
      date,
      ...(dateEnd !== null ? { dateEnd } : {}),
      category,
      summary: summary ?? name,
      confidence,
      location,
      sources,
      ...(place !== null ? { place } : {}),
      ...(more.quantity !== undefined ? { quantity: more.quantity } : {}),
      ...(more.note !== undefined ? { note: more.note } : {}),
      imported: true,
      ...(more.own === true ? { own: true } : {}),
    },
  };
}

/**
 * A batch to save. Only the fields an import sets are kept (see `importRecord.ts`).
 * @example readStoredBatch(toStoredBatch(result.features, result.sources)).features // equal to result.features
 */
export function toStoredBatch(features: readonly SightingFeature[], sources: Source[]): StoredBatch {
  return { json: new TextEncoder().encode(JSON.stringify(features.map(toRow))), sources };
}

/**
 * A saved batch back as an import result: features and sources that still validate; each feature that
 * does not is a problem numbered from 1 (`total - features.length` were dropped).
 * @example readStoredBatch({ json: new TextEncoder().encode('[]'), sources: [] }) // { features: [], sources: [], problems: [], total: 0 }
 */
export function readStoredBatch(batch: StoredBatch): ImportResult {
  let list: unknown;
  try {
    list = JSON.parse(new TextDecoder().decode(batch.json));
  } catch {
    return { features: [], sources: [], problems: [{ row: 0, message: 'the saved reports are not valid JSON' }], remarks: [], total: 0 };
  }
  if (!Array.isArray(list)) return { features: [], sources: [], problems: [{ row: 0, message: 'the saved reports are not a list' }], remarks: [], total: 0 };
  const features: SightingFeature[] = [];
  const problems: ImportResult['problems'] = [];
  list.forEach((f: unknown, i) => {
    const r = SightingFeature.safeParse(fromRow(f));
    if (r.success && r.data.properties.imported === true) features.push(r.data);
    else problems.push({ row: i + 1, message: 'no longer a valid report' });
  });
  const sources = (Array.isArray(batch.sources) ? batch.sources : []).flatMap((s) => {
    const r = Source.safeParse(s);
    return r.success ? [r.data] : [];
  });
  return { features, sources, problems, remarks: [], total: list.length };
}
