/**
 * Training areas and deployment zones: a clear outline by kind here, with the one path program of the map;
 * the light fill under it is MapLibre's (src/map/areaFills.ts).
 */
import { PathLayer } from '@deck.gl/layers';
import type { PathStyleExtensionProps } from '@deck.gl/extensions';
import type { AreaFeature } from '../domain/schemas';
import { PATH_STYLE } from './pathStyle';
import { AREA_STYLE, HIGHLIGHT } from './style';

/** One ring of an area's outline, with the area's properties (what a pick answers with). */
interface AreaRing {
  properties: AreaFeature['properties'];
  path: [number, number][];
}
/** The rings of each list of areas, built once: the same data array keeps deck.gl from uploading it again. */
const ringsOf = new WeakMap<readonly AreaFeature[], AreaRing[]>();
function rings(areas: readonly AreaFeature[]): AreaRing[] {
  let r = ringsOf.get(areas);
  if (!r) ringsOf.set(areas, (r = areas.flatMap((a) => (a.geometry.coordinates as [number, number][][]).map((path) => ({ properties: a.properties, path })))));
  return r;
}

/** Area outlines (id `areas`). @example areasLayer(data.areas, { highlightId: null }) */
export function areasLayer(data: readonly AreaFeature[], opts: { highlightId: string | null }) {
  return new PathLayer<AreaRing, PathStyleExtensionProps<AreaRing>>({
    id: 'areas',
    data: rings(data),
    pickable: true,
    getPath: (f) => f.path,
    getColor: (f) => (f.properties.id === opts.highlightId ? HIGHLIGHT : AREA_STYLE[f.properties.kind].line),
    getWidth: (f) => (f.properties.id === opts.highlightId ? 4 : 1.5),
    widthUnits: 'pixels',
    jointRounded: true,
    updateTriggers: { getColor: opts.highlightId, getWidth: opts.highlightId },
    extensions: PATH_STYLE,
  });
}
