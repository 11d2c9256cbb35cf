/**
 * Where kept imports are saved: IndexedDB key `STORAGE_KEY` holds an index `{ version: 2, batches }`
 * naming one key per kept file; each of those holds a `StoredBatch` (written and read by the import
 * worker, so the page never serialises tens of megabytes itself). Version 1 stored the features under
 * `STORAGE_KEY` itself; it is still read, and saved again as a batch.
 */
import { del as idbDel, delMany, get as idbGet, set as idbSet } from 'idb-keyval';
import { SightingFeature, Source } from '../../domain/schemas';
import { toStoredBatch } from '../../io/storedBatch';

/** IndexedDB key of the persisted imports (the index of saved batches). */
export const STORAGE_KEY = 'corridor-watch/imports';

/** The batch of the analyst's own reports (written in the app), listed in the index like a file's. */
export const OWN_BATCH_KEY = `${STORAGE_KEY}/own`;

let seq = 0;
/**
 * A fresh key for one file's batch.
 * @example newBatchKey('a1b2') // 'corridor-watch/imports/a1b2-lq3k9x-1'
 */
export function newBatchKey(tag: string): string {
  return `${STORAGE_KEY}/${tag}-${Date.now().toString(36)}-${++seq}`;
}

/** Keys of the batches the index lists (what a reload restores). */
let listed: string[] = [];

/** What the index says is saved: a version-2 list of batch keys, a version-1 value, or nothing. */
export async function readSaved(): Promise<{ keys: string[] } | { legacy: unknown } | null> {
  const value: unknown = await idbGet(STORAGE_KEY);
  if (typeof value !== 'object' || value === null) return null;
  const v = value as { version?: unknown; batches?: unknown };
  if (v.version === 2 && Array.isArray(v.batches)) return { keys: v.batches.filter((k): k is string => typeof k === 'string') };
  return { legacy: value };
}

/** Remember restored (or legacy-converted) batches, before any added in this session. */
export function restored(keys: readonly string[]): void {
  listed = [...keys, ...listed.filter((k) => !keys.includes(k))];
}

/** Add a saved batch to the index. Throws when IndexedDB fails. */
export async function listBatch(key: string): Promise<void> {
  listed = [...listed, key];
  await idbSet(STORAGE_KEY, { version: 2, batches: listed });
}

/** Save a (small) batch from the page itself and list it: for results parsed without the worker. */
export async function saveHere(features: readonly SightingFeature[], sources: Source[], tag: string): Promise<void> {
  const key = newBatchKey(tag);
  await idbSet(key, toStoredBatch(features, sources));
  await listBatch(key);
}

/** Forget a batch the worker saved for a file that was then refused or cancelled. */
export async function dropBatch(key: string): Promise<void> {
  try {
    await idbDel(key);
  } catch {
    // No IndexedDB: nothing was saved.
  }
}

/**
 * Save a batch under a fixed key, replacing what was saved there, and list it (once). For the analyst's
 * own reports, which are rewritten whole on every change (they are few: typed by hand). Throws when
 * IndexedDB fails (no storage, or the quota is full).
 */
export async function putBatch(key: string, features: readonly SightingFeature[], sources: Source[]): Promise<void> {
  await idbSet(key, toStoredBatch(features, sources));
  if (!listed.includes(key)) await listBatch(key);
}

/** Delete a batch and take it off the index. Throws when IndexedDB fails. */
export async function unlistBatch(key: string): Promise<void> {
  listed = listed.filter((k) => k !== key);
  await idbSet(STORAGE_KEY, { version: 2, batches: listed });
  await idbDel(key);
}

/** Read one saved batch in the page itself (when the import worker cannot), or undefined. */
export async function readBatchHere(key: string): Promise<unknown> {
  return idbGet(key);
}

/** Remove the index and every listed batch except `keep` (the analyst's own reports stay). */
export async function clearSaved(keep: readonly string[] = []): Promise<void> {
  const keys = listed.filter((k) => !keep.includes(k));
  listed = listed.filter((k) => keep.includes(k));
  if (listed.length) {
    await idbSet(STORAGE_KEY, { version: 2, batches: listed });
    await delMany(keys);
  } else await delMany([STORAGE_KEY, ...keys]);
}

/**
 * Read stored imports of version 1 back, keeping only features and sources that still validate (a
 * stored record may predate a schema change). Returns null when nothing usable is stored.
 */
export function parseStored(value: unknown): { features: SightingFeature[]; sources: Source[]; dropped: number } | null {
  if (typeof value !== 'object' || value === null) return null;
  const v = value as Partial<{ version: number; features: unknown; sources: unknown }>;
  if (v.version !== 1 || !Array.isArray(v.features) || !Array.isArray(v.sources)) return null;
  const features = v.features.flatMap((f) => {
    const r = SightingFeature.safeParse(f);
    return r.success && r.data.properties.imported === true ? [r.data] : [];
  });
  const sources = v.sources.flatMap((s) => {
    const r = Source.safeParse(s);
    return r.success ? [r.data] : [];
  });
  return { features, sources, dropped: v.features.length - features.length };
}
