/** Nodes (ports, crossings, hubs, ranges…) as glyphs by kind, coloured by kind. */
import { TextLayer } from '@deck.gl/layers';
import type { NodeFeature } from '../domain/schemas';
import { NODE_GLYPHS, NODE_STYLE, TEXT_FONT, perItem } from './style';

/**
 * Minor stations (rail hubs that are no route's end) only matter when zoomed in; they go to their own
 * layer so the theatre view is not a string of beads.
 */
export function splitStations(nodes: readonly NodeFeature[], majorIds: ReadonlySet<string>) {
  const major: NodeFeature[] = [];
  const stations: NodeFeature[] = [];
  for (const n of nodes) (n.properties.kind === 'rail-hub' && !majorIds.has(n.properties.id) ? stations : major).push(n);
  return { major, stations };
}

/** Zoom from which minor stations are drawn. */
export const STATIONS_MIN_ZOOM = 4.5;

/** Node glyphs (id `nodes`, or `stations` for minor ones). @example nodesLayer(major, { highlightId: null }) */
export function nodesLayer(data: readonly NodeFeature[], opts: { id?: string; highlightId: string | null }) {
  return new TextLayer<NodeFeature>({
    id: opts.id ?? 'nodes',
    data: data as NodeFeature[],
    pickable: true,
    getPosition: (f) => f.geometry.coordinates as [number, number],
    getText: (f) => NODE_STYLE[f.properties.kind].glyph,
    getColor: (f) => NODE_STYLE[f.properties.kind].colour,
    getSize: (f) => (f.properties.id === opts.highlightId ? 24 : f.properties.kind === 'rail-hub' ? 9 : 15),
    characterSet: NODE_GLYPHS,
    ...TEXT_FONT,
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    getPixelOffset: perItem([0, 0]),
    getTextAnchor: 'middle',
    getAlignmentBaseline: 'center',
    updateTriggers: { getSize: opts.highlightId },
  });
}
