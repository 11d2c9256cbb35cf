/**
 * Day-sorted buckets: a zone's members split by a small integer bucket id (a group, a packed key, a
 * quantity unit …), each bucket answering "members with day < d" in O(1) or O(log m).
 *
 *   member k (day order) ─ bucketOf[k] ─▶ segment j = bucket ids[j], entries start[j] … start[j+1]
 *     offs[start[j] …]     the members' days − d0, ascending   (sparse lookup: binary search)
 *     pos[start[j] …]      their positions in the zone's member list, ascending
 *     dense[at[j] + t]     members with day < d0 + t, when the bucket has ≥ span / 4 members (O(1))
 *
 * Memory: 2 bytes per member (6 with `pos`) plus at most 16 bytes per member for the dense prefixes.
 * Days are kept as offsets from d0 in 16 bits while the members span at most 65 536 days (179 years),
 * in 32 bits beyond: a zone's eight bucketings hold its days eight times over, and at a million
 * sightings 16 bits instead of 32 free some 55 MB.
 */
export interface Buckets {
  /** Bucket id of each segment, ascending. */
  ids: Int32Array;
  /** Segment j's entries are [start[j], start[j + 1]). */
  start: Uint32Array;
  /** Day of each entry minus `d0` (16 bits when every entry fits, else 32). */
  offs: Uint16Array | Int32Array;
  /** Position in the zone's member list of each entry (empty unless asked for). */
  pos: Uint32Array;
  /** Offset of segment j's dense prefix in `dense`, or −1 (binary search instead). */
  at: Int32Array;
  dense: Int32Array;
  /** First day covered by the dense prefixes and their length − 1, days. */
  d0: number;
  span: number;
}

/**
 * Group the members (positions 0 … m−1, in day order) by `bucketOf[k]` (ids < `space`).
 * @param days day of each member, ascending
 * @param dense keep O(1) dense prefixes for buckets with ≥ span / 4 members ('always': for every bucket;
 *   false: binary search only)
 * @param keepPos fill `pos` (4 more bytes per member)
 * @example bucketize(Uint16Array.of(1, 0, 1), Int32Array.of(5, 6, 7), 2, 5, 3).ids // [0, 1]
 */
export function bucketize(
  bucketOf: ArrayLike<number>, days: Int32Array, space: number, d0: number, span: number, dense: boolean | 'always' = true, keepPos = false,
): Buckets {
  const m = days.length;
  // Bucket ids in use, ascending, and a compact index for each (sizes are counted per compact index).
  const present = distinct(bucketOf, space);
  const nseg = present.length;
  const small = space <= 1 << 16;
  const table = new Int32Array(small ? space : 0);
  const map = new Map<number, number>();
  present.forEach((b, c) => (small ? (table[b] = c) : map.set(b, c)));
  const segOfMember = new Int32Array(m);
  const size = new Uint32Array(nseg);
  for (let k = 0; k < m; k++) {
    const b = bucketOf[k]!;
    size[(segOfMember[k] = small ? table[b]! : map.get(b)!)]!++;
  }
  const ids = Int32Array.from(present);
  const start = new Uint32Array(nseg + 1);
  const at = new Int32Array(nseg).fill(-1);
  let off = 0, denseLen = 0;
  for (let j = 0; j < nseg; j++) {
    const s = size[j]!;
    start[j] = off;
    if (dense === 'always' || (dense && s * 4 >= span)) {
      at[j] = denseLen;
      denseLen += span + 1;
    }
    off += s;
  }
  start[nseg] = off;
  const fill = start.slice(0, nseg);
  // Days ascend: the first and last give the offsets' range.
  const fits = m === 0 || (days[0]! >= d0 && days[m - 1]! - d0 <= 0xffff);
  const offs = fits ? new Uint16Array(m) : new Int32Array(m);
  const pos = new Uint32Array(keepPos ? m : 0);
  const prefix = new Int32Array(denseLen);
  for (let k = 0; k < m; k++) {
    const sj = segOfMember[k]!;
    const e = fill[sj]!++;
    offs[e] = days[k]! - d0;
    if (keepPos) pos[e] = k;
    if (at[sj]! >= 0) prefix[at[sj]! + days[k]! - d0 + 1]!++;
  }
  for (let sj = 0; sj < nseg; sj++) {
    const a = at[sj]!;
    if (a >= 0) for (let t = 1; t <= span; t++) prefix[a + t]! += prefix[a + t - 1]!;
  }
  return { ids, start, offs, pos, at, dense: prefix, d0, span };
}

/** First entry index in [lo, hi) of `days` (ascending) with a value ≥ `day`. */
export function lowerIn(days: Int32Array | Uint16Array, lo: number, hi: number, day: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Members of segment `j` with day < `day`. */
export function below(b: Buckets, j: number, day: number): number {
  const a = b.at[j]!;
  if (a >= 0) {
    const t = day - b.d0;
    return b.dense[a + (t < 0 ? 0 : t > b.span ? b.span : t)]!;
  }
  const s = b.start[j]!;
  return lowerIn(b.offs, s, b.start[j + 1]!, day - b.d0) - s;
}

/** Entry index of segment `j`'s last member with day in [fromDay, toDay], or −1. */
export function lastIn(b: Buckets, j: number, fromDay: number, toDay: number): number {
  const s = b.start[j]!, e = b.start[j + 1]!;
  const hi = lowerIn(b.offs, s, e, toDay + 1 - b.d0);
  return hi > s && b.offs[hi - 1]! >= fromDay - b.d0 ? hi - 1 : -1;
}

/** Distinct values of `ids` (each < space), ascending. */
function distinct(ids: ArrayLike<number>, space: number): number[] {
  const out: number[] = [];
  if (space <= 1 << 16) {
    const seen = new Uint8Array(space);
    for (let k = 0; k < ids.length; k++) seen[ids[k]!] = 1;
    for (let b = 0; b < space; b++) if (seen[b]) out.push(b);
    return out;
  }
  const sorted = Float64Array.from(ids).sort();
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) out.push(sorted[k]!);
  return out;
}
