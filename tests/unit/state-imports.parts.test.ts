import { describe, expect, test } from 'vitest';
import type { SightingFeature, Source } from '../../src/domain/schemas';
import { parseCSVImport } from '../../src/io/csvImport';
import { CHUNK, runWorkerRequest, type BatchStorage, type WorkerMessage } from '../../src/state/import/delivery';
import { appendParts, buildSetParts, packParts, subsetParts, unpackParts } from '../../src/state/setParts';
import { makeSet } from '../../src/state/sightingSets';

const HEADER = 'lat,lon,date,category,confidence,source,summary';
/** `n` valid rows whose dates repeat (so the by-day order has ties) and whose text has newlines. */
function createCsv(n: number, seed = 0): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const day = String(1 + ((i * 7 + seed) % 28)).padStart(2, '0');
    return `${42 + i / 1000},${130 + i / 1000},2024-10-${day},training,high,Desk ${i % 3},"Report ${seed}-${i}\nsecond line"`;
  });
  return `${HEADER}\n${rows.join('\n')}`;
}
const sourcesOf = (list: readonly Source[]) => new Map(list.map((s) => [s.id, s]));

describe('set parts', () => {
  test('built parts equal what makeSet builds, and survive packing', async () => {
    const r = parseCSVImport(createCsv(50), { batch: 'a' });
    const parts = buildSetParts(r.features, sourcesOf(r.sources));
    const set = makeSet('imported', r.features, sourcesOf(r.sources));
    expect(parts.byDay).toEqual(set.byDay);
    const back = await unpackParts(packParts(parts).packed);
    expect(back.columns.ids).toEqual(set.columns.ids);
    expect(back.haystack).toEqual(set.haystack);
    expect(back.publishers).toEqual(set.publishers);
    expect(Array.from(back.columns.day)).toEqual(Array.from(set.columns.day));
    expect(back.haystack[0]).toContain('\n');
  });

  test('appending equals building the concatenation; a subset keeps the by-day order', () => {
    const a = parseCSVImport(createCsv(40, 1), { batch: 'a' });
    const b = parseCSVImport(createCsv(30, 2), { batch: 'b' });
    const all: SightingFeature[] = [...a.features, ...b.features];
    const sources = sourcesOf([...a.sources, ...b.sources]);
    const joined = appendParts(buildSetParts(a.features, sources), buildSetParts(b.features, sources));
    const whole = buildSetParts(all, sources);
    expect(joined.byDay).toEqual(whole.byDay);
    expect(joined.columns.ids).toEqual(whole.columns.ids);
    expect(joined.haystack).toEqual(whole.haystack);

    const keep = Uint32Array.from([1, 4, 5, 9, 20]);
    const sub = subsetParts(whole, keep);
    const direct = buildSetParts(Array.from(keep, (i) => all[i]!), sources);
    expect(sub.byDay).toEqual(direct.byDay);
    expect(sub.columns.ids).toEqual(direct.columns.ids);
    expect(Array.from(sub.columns.lat)).toEqual(Array.from(direct.columns.lat));
  });
});

describe('the import worker job', () => {
  const memory = (): BatchStorage & { data: Map<string, unknown> } => {
    const data = new Map<string, unknown>();
    return { data, get: async (k) => data.get(k), set: async (k, v) => void data.set(k, v) };
  };

  test('posts progress, features in chunks, the parts, then saves; a saved batch reads back the same', async () => {
    const n = CHUNK + 5;
    const messages: WorkerMessage[] = [];
    const storage = memory();
    await runWorkerRequest({ text: createCsv(n), name: 'big.csv', saveAs: 'k1', options: { batch: 'z' } }, (m) => messages.push(m), storage);
    const types = messages.map((m) => m.type).filter((t) => t !== 'progress');
    expect(types).toEqual(['features', 'features', 'ready', 'saved']);
    expect(messages.some((m) => m.type === 'saved' && m.ok)).toBe(true);
    const chunks = messages.flatMap((m) => (m.type === 'features' ? [m.features] : []));
    expect(chunks.map((c) => c.length)).toEqual([CHUNK, 5]);
    const ready = messages.find((m) => m.type === 'ready');
    expect(ready?.type === 'ready' && ready.parts.length).toBe(n);
    expect(ready?.type === 'ready' && ready.result.total).toBe(n);
    expect(storage.data.has('k1')).toBe(true);

    const again: WorkerMessage[] = [];
    await runWorkerRequest({ restoreKey: 'k1' }, (m) => again.push(m), storage);
    const restored = again.flatMap((m) => (m.type === 'features' ? m.features : []));
    expect(restored).toEqual(chunks.flat());
    expect(again.at(-1)?.type).toBe('ready');
  });

  test('a missing saved batch is an error, and a file with no valid rows is not saved', async () => {
    const storage = memory();
    const missing: WorkerMessage[] = [];
    await runWorkerRequest({ restoreKey: 'nope' }, (m) => missing.push(m), storage);
    expect(missing.map((m) => m.type)).toEqual(['error']);
    const empty: WorkerMessage[] = [];
    await runWorkerRequest({ text: `${HEADER}\n1,2,not-a-date,training,high,R,x`, name: 'bad.csv', saveAs: 'k2' }, (m) => empty.push(m), storage);
    expect(empty.at(-1)?.type).toBe('ready');
    expect(storage.data.has('k2')).toBe(false);
  });
});
