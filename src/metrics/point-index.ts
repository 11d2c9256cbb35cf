/**
 * A flatbush index over sighting points, built once per dataset and reused for every width change.
 */
import Flatbush from 'flatbush';
import type { Columns } from './columns';

/** Static packed Hilbert R-tree over the points of `cols` (node size 64: fewer, fuller nodes for points). */
export function buildPointIndex(cols: Columns): Flatbush {
  const index = new Flatbush(Math.max(1, cols.length), 64);
  const { lon, lat } = cols;
  for (let i = 0; i < cols.length; i++) index.add(lon[i]!, lat[i]!, lon[i]!, lat[i]!);
  if (cols.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  return index;
}
