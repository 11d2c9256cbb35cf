/**
 * Rail and sea routes as paths: colour by mode, width by role, lighter where the geometry is
 * schematic; sea legs dashed.
 */
import { PathLayer } from '@deck.gl/layers';
import { PathStyleExtension, type PathStyleExtensionProps } from '@deck.gl/extensions';
import type { RouteFeature } from '../domain/schemas';
import { ROUTE_MODE_STYLE, SCHEMATIC_ALPHA, routeWidth, type RGBA } from './style';

const dashed = new PathStyleExtension({ dash: true });

export function routeColour(f: RouteFeature): RGBA {
  const [r, g, b] = ROUTE_MODE_STYLE[f.properties.mode].colour;
  return [r, g, b, f.properties.accuracy === 'schematic' ? SCHEMATIC_ALPHA + 60 : 255];
}

export function routesLayer(id: 'rail' | 'sea', data: readonly RouteFeature[], opts: { visible: boolean; highlightId: string | null }) {
  return new PathLayer<RouteFeature, PathStyleExtensionProps<RouteFeature>>({
    id,
    data: data as RouteFeature[],
    visible: opts.visible,
    pickable: true,
    getPath: (f) => f.geometry.coordinates as [number, number][],
    getColor: (f) => routeColour(f),
    getWidth: (f) => routeWidth(f.properties.role) + (f.properties.id === opts.highlightId ? 3 : 0),
    widthUnits: 'pixels',
    widthMinPixels: 1.5,
    capRounded: true,
    jointRounded: true,
    updateTriggers: { getWidth: opts.highlightId },
    // Both layers carry the dash extension (rail with a solid [0, 0] pattern) so they share one shader
    // program: compiling a second one costs a noticeable part of start-up under software WebGL.
    extensions: [dashed],
    getDashArray: id === 'sea' ? [4, 3] : [0, 0],
    dashJustified: true,
  });
}
