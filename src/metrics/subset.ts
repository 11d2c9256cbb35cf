/**
 * Filters no running total can answer — the text and publisher search (a flag per sighting from the page)
 * and the location-precision filter — narrow the join itself: every zone keeps the members that pass,
 * in the same (day, index) order, and the running totals are rebuilt for that subset. This happens once
 * per change of those filters; time-window and other filter changes then cost what they always cost.
 */
import type { Columns } from './columns';
import type { JoinResult, ZoneMembers } from './join';

type Keep = (i: number) => boolean;

function keepOf(members: Uint32Array, days: Int32Array, keep: Keep): { members: Uint32Array; days: Int32Array } {
  let m = 0;
  for (let k = 0; k < members.length; k++) if (keep(members[k]!)) m++;
  const outM = new Uint32Array(m), outD = new Int32Array(m);
  for (let k = 0, x = 0; k < members.length; k++) {
    const i = members[k]!;
    if (keep(i)) { outM[x] = i; outD[x++] = days[k]!; }
  }
  return { members: outM, days: outD };
}

function zoneSubset(zm: ZoneMembers, keep: Keep): ZoneMembers {
  return {
    zoneId: zm.zoneId, kind: zm.kind, ...keepOf(zm.members, zm.days, keep),
    ...(zm.excluded ? { excluded: keepOf(zm.excluded.members, zm.excluded.days, keep) } : {}),
  };
}

/**
 * Which sightings pass: `pass[i] !== 0` (null: all) and precision in the `precisions` bitmask.
 * Returns null when everything passes (no subset needed).
 */
export function subsetPredicate(cols: Columns, pass: Uint8Array | null, precisions: number, allPrecisions: number): Keep | null {
  const byPrecision = (precisions & allPrecisions) !== allPrecisions;
  if (!pass && !byPrecision) return null;
  const prec = cols.precision;
  if (!pass) return (i) => (precisions & (1 << prec[i]!)) !== 0;
  if (!byPrecision) return (i) => pass[i] !== 0;
  return (i) => pass[i] !== 0 && (precisions & (1 << prec[i]!)) !== 0;
}

/**
 * The join restricted to the sightings `keep` lets through (zone order, member order and `excluded`
 * lists kept). Pure: the input is not changed.
 * @example subsetJoin(join, (i) => pass[i] === 1).zones[0].members // members of zone 0 that pass
 */
export function subsetJoin(join: JoinResult, keep: Keep): JoinResult {
  return { n: join.n, zones: join.zones.map((z) => zoneSubset(z, keep)), all: zoneSubset(join.all, keep) };
}
