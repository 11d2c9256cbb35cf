/**
 * Rail and sea routes as paths: colour by mode, width by role, lighter where the geometry is
 * schematic; sea legs dashed.
 */
import { PathLayer } from '@deck.gl/layers';
import type { PathStyleExtensionProps } from '@deck.gl/extensions';
import { PATH_STYLE } from './pathStyle';
import type { RouteFeature } from '../domain/schemas';
import { ROUTE_MODE_STYLE, SCHEMATIC_ALPHA, routeWidth, type RGBA } from './style';

export function routeColour(f: RouteFeature): RGBA {
  const [r, g, b] = ROUTE_MODE_STYLE[f.properties.mode].colour;
  return [r, g, b, f.properties.accuracy === 'schematic' ? SCHEMATIC_ALPHA + 60 : 255];
}

/** The rail or sea routes (ids `rail`, `sea`). @example routesLayer('sea', seaRoutes, { highlightId: null }) */
export function routesLayer(id: 'rail' | 'sea', data: readonly RouteFeature[], opts: { highlightId: string | null }) {
  return new PathLayer<RouteFeature, PathStyleExtensionProps<RouteFeature>>({
    id,
    data: data as RouteFeature[],
    pickable: true,
    getPath: (f) => f.geometry.coordinates as [number, number][],
    getColor: (f) => routeColour(f),
    getWidth: (f) => routeWidth(f.properties.role) + (f.properties.id === opts.highlightId ? 3 : 0),
    widthUnits: 'pixels',
    widthMinPixels: 1.5,
    capRounded: true,
    jointRounded: true,
    updateTriggers: { getWidth: opts.highlightId },
    // Sea legs dashed; rail solid ([0, 0]) with the same extension, so every path shares one program.
    extensions: PATH_STYLE,
    getDashArray: id === 'sea' ? [4, 3] : [0, 0],
    dashJustified: true,
  });
}
