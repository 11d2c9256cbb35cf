/**
 * Along-route km of corridor members, by a fast planar projection: each point is projected onto the
 * route's segments in a local equirectangular frame (x scaled by cos latitude) and the nearest
 * segment's start km + the projected fraction of its geodesic length is returned. Computed on demand
 * for one corridor (the selected one), not in the join. Close to `turf.nearestPointOnLine`'s
 * `location` (differences of well under 1 % of a segment's length at corridor widths) at a fraction of
 * the cost; see tests.
 */
import Flatbush from 'flatbush';
import type { Columns } from './columns';
import type { Corridor } from './zones';

/**
 * Along-route km for the given members of a corridor.
 * @returns km from the route start, one per member
 */
export function alongRouteKm(corridor: Corridor, cols: Columns, members: Uint32Array): Float64Array {
  const line = corridor.line;
  const nSeg = line.length - 1;
  const out = new Float64Array(members.length);
  if (nSeg < 1) return out;
  const index = new Flatbush(nSeg);
  for (let s = 0; s < nSeg; s++) {
    const a = line[s]!, b = line[s + 1]!;
    index.add(Math.min(a[0]!, b[0]!), Math.min(a[1]!, b[1]!), Math.max(a[0]!, b[0]!), Math.max(a[1]!, b[1]!));
  }
  index.finish();
  const reachDeg = (corridor.widthKm * 1.5) / 111.195;
  for (let k = 0; k < members.length; k++) {
    const i = members[k]!;
    const x = cols.lon[i]!, y = cols.lat[i]!;
    const cos = Math.cos((y * Math.PI) / 180);
    const r = reachDeg / Math.max(cos, 0.05);
    let cands = index.search(x - r, y - reachDeg, x + r, y + reachDeg);
    if (cands.length === 0) cands = index.neighbors(x, y, 4);
    let best = Infinity, bestKm = 0;
    for (const s of cands) {
      const a = line[s]!, b = line[s + 1]!;
      const ax = (a[0]! - x) * cos, ay = a[1]! - y;
      const dx = (b[0]! - a[0]!) * cos, dy = b[1]! - a[1]!;
      const len2 = dx * dx + dy * dy;
      const t = len2 > 0 ? Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2)) : 0;
      const px = ax + t * dx, py = ay + t * dy;
      const d2 = px * px + py * py;
      if (d2 < best) {
        best = d2;
        bestKm = corridor.vertexKm[s]! + t * (corridor.vertexKm[s + 1]! - corridor.vertexKm[s]!);
      }
    }
    out[k] = bestKm;
  }
  return out;
}
