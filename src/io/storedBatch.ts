/**
 * Imported reports as they are saved in the browser: one batch per accepted file, its features as
 * UTF-8 JSON bytes (one ArrayBuffer is cheap to store and to move to a worker) beside its sources. Reading a batch back
 * validates every record again, since a stored record may predate a schema change.
 */
import { SightingFeature, Source } from '../domain/schemas';
import type { ImportResult } from './importRecord';

/** One accepted file as saved: `json` is the UTF-8 JSON text of its `SightingFeature[]`. */
export interface StoredBatch {
  json: Uint8Array;
  sources: Source[];
}

/** A batch to save: the features as UTF-8 JSON. */
export function toStoredBatch(features: readonly SightingFeature[], sources: Source[]): StoredBatch {
  return { json: new TextEncoder().encode(JSON.stringify(features)), sources };
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
    return { features: [], sources: [], problems: [{ row: 0, message: 'the saved reports are not valid JSON' }], total: 0 };
  }
  if (!Array.isArray(list)) return { features: [], sources: [], problems: [{ row: 0, message: 'the saved reports are not a list' }], total: 0 };
  const features: SightingFeature[] = [];
  const problems: ImportResult['problems'] = [];
  list.forEach((f: unknown, i) => {
    const r = SightingFeature.safeParse(f);
    if (r.success && r.data.properties.imported === true) features.push(r.data);
    else problems.push({ row: i + 1, message: 'no longer a valid report' });
  });
  const sources = (Array.isArray(batch.sources) ? batch.sources : []).flatMap((s) => {
    const r = Source.safeParse(s);
    return r.success ? [r.data] : [];
  });
  return { features, sources, problems, total: list.length };
}
