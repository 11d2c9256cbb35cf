/**
 * Id lists that are not stored. A million generated sightings are called `syn-000001` … `syn-1000000`:
 * holding those as strings costs ~40 MB and a long task to make, and more to copy to a worker, while only
 * a handful is ever read (a pick, a tooltip, indicator evidence). A sequential list makes each id when it
 * is read; a joined list reads through to its parts. Both behave as read-only arrays (index, length,
 * iteration) and can be described in a few numbers for a worker.
 */

/** `prefix` + 1-based index padded to `pad` digits, `count` of them. */
export interface SequentialIds {
  prefix: string;
  pad: number;
  count: number;
}

/** One part of an id list as it crosses to a worker: strings, or a sequential list's description. */
export type IdPart = readonly string[] | SequentialIds;

const described = new WeakMap<object, SequentialIds>();
const joined = new WeakMap<object, readonly (readonly string[])[]>();

/** The id at 0-based index `i` of a sequential list. @example sequentialId({ prefix: 'syn-', pad: 6, count: 9 }, 0) // 'syn-000001' */
export const sequentialId = (d: SequentialIds, i: number): string => d.prefix + String(i + 1).padStart(d.pad, '0');

/** Array index of a property key, or -1. */
function indexOf(key: string | symbol, length: number): number {
  if (typeof key !== 'string' || key.length === 0 || key.charCodeAt(0) < 48 || key.charCodeAt(0) > 57) return -1;
  const i = Number(key);
  return Number.isInteger(i) && i < length && String(i) === key ? i : -1;
}

function view(length: number, at: (i: number) => string): readonly string[] {
  return new Proxy<string[]>([], {
    get(target, key, receiver) {
      if (key === 'length') return length;
      const i = indexOf(key, length);
      return i >= 0 ? at(i) : Reflect.get(target, key, receiver);
    },
    has: (target, key) => indexOf(key, length) >= 0 || Reflect.has(target, key),
    set: () => false,
    deleteProperty: () => false,
  });
}

/**
 * A read-only list of `d.count` sequential ids, made on read.
 * @example sequentialIds({ prefix: 'syn-', pad: 6, count: 2 })[1] // 'syn-000002'
 */
export function sequentialIds(d: SequentialIds): readonly string[] {
  const ids = view(d.count, (i) => sequentialId(d, i));
  described.set(ids, { ...d });
  return ids;
}

/** The description of a sequential list, or undefined for any other list. */
export const describeIds = (ids: readonly string[]): SequentialIds | undefined => described.get(ids);

/**
 * The lists one after another. Plain string lists are concatenated; when a part is a made-on-read list,
 * the result reads through to the parts instead of making every id.
 * @example joinIds([['s-001'], sequentialIds({ prefix: 'syn-', pad: 6, count: 1 })])[1] // 'syn-000001'
 */
export function joinIds(parts: readonly (readonly string[])[]): readonly string[] {
  const flat = parts.flatMap((p) => joined.get(p) ?? [p]);
  if (flat.length === 1) return flat[0]!;
  if (!flat.some((p) => described.has(p))) return ([] as string[]).concat(...flat);
  const starts = [0];
  for (const p of flat) starts.push(starts[starts.length - 1]! + p.length);
  const ids = view(starts[starts.length - 1]!, (i) => {
    let k = 0;
    while (starts[k + 1]! <= i) k++;
    return flat[k]![i - starts[k]!]!;
  });
  joined.set(ids, flat);
  return ids;
}

/** A list as parts a worker can receive (sequential lists as descriptions, never as strings). */
export function idParts(ids: readonly string[]): IdPart[] {
  return (joined.get(ids) ?? [ids]).map((p) => described.get(p) ?? p);
}

const isSequential = (p: IdPart): p is SequentialIds => !Array.isArray(p);

/** The inverse of `idParts`. */
export function fromIdParts(parts: readonly IdPart[]): readonly string[] {
  return joinIds(parts.map((p) => (isSequential(p) ? sequentialIds(p) : p)));
}
