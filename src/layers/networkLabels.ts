/**
 * Names of the network's places (the nodes in geodata: Rajin, Tumangang, Khasan, Ussuriysk, Kursk, …)
 * from zoom 6, where they matter, placed without overlap together with the Natural Earth city labels
 * (which they outrank, and which drop out where a node of the same name is labelled). Below zoom 6 the
 * far view keeps its few city labels only.
 */
import { TextLayer } from '@deck.gl/layers';
import type { NodeFeature, RouteFeature, SightingFeature } from '../domain/schemas';
import { placeLabels, type LabelCandidate, type LabelSide, type PlacedLabel } from './labelPlacement';
import type { PlaceLabel } from './labels';
import { NOT_PICKED, TEXT_FONT, perItem } from './style';

/** Zoom from which the network's places are named. */
export const NETWORK_LABELS_MIN_ZOOM = 6;
/** Label sets are placed for these integer zooms; a fractional zoom uses the set below it (labels only spread apart as it grows). */
const ZOOMS = [6, 7, 8, 9, 10] as const;

const SIDES: readonly LabelSide[] = ['right', 'left', 'above', 'below'];

/**
 * The name a node is labelled with: a trailing " station" and a ", Region" suffix dropped, since the
 * symbol already says what it is ("Tumangang station" → "Tumangang", "Rajin (Najin) port, Rason" →
 * "Rajin (Najin) port"; "… port and station" is kept whole).
 */
export function nodeLabelText(name: string): string {
  // "… port and station" keeps its last word: it says the port has one too.
  return name.replace(/,\s[^,()]+$/, '').replace(/(?<!\band) station$/, '');
}

/**
 * How much a node matters to this map: route ends 10, route stops 1, each report placed there 3, and
 * a bonus for what is not a plain rail station (crossings most). Higher is labelled first.
 */
export function nodeImportance(node: NodeFeature, routes: readonly RouteFeature[], sightings: readonly SightingFeature[]): number {
  const id = node.properties.id;
  let score = node.properties.kind === 'border-crossing' ? 20 : node.properties.kind === 'rail-hub' ? 0 : 15;
  for (const r of routes) {
    if (r.properties.from === id || r.properties.to === id) score += 10;
    else if (r.properties.via?.includes(id)) score += 1;
  }
  for (const s of sightings) if (s.properties.place === id) score += 3;
  return score;
}

export interface NetworkLabel {
  text: string;
  position: [number, number];
  side: LabelSide;
  sizePx: number;
  gapPx: number;
  /** `node` for the network's places, `city` for Natural Earth places. */
  source: 'node' | 'city';
}

/** The labels of one zoom: the network's places and the cities that still fit beside them. */
export interface LabelSet {
  nodes: NetworkLabel[];
  cities: NetworkLabel[];
}
/** Label sets by integer zoom, each placed the first time it is asked for (nothing is placed below zoom 6). */
export interface LabelSets {
  get(zoom: number): LabelSet | undefined;
}

const norm = (s: string) => s.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');

/**
 * The labels to draw at each zoom from 6 to 10, each zoom placed once per data set, when first needed.
 * @example networkLabelSets(data.nodes, data.routes, data.sightings, cities).get(7)!.nodes.map((l) => l.text)
 */
export function networkLabelSets(
  nodes: readonly NodeFeature[],
  routes: readonly RouteFeature[],
  sightings: readonly SightingFeature[],
  cities: readonly PlaceLabel[],
): LabelSets {
  const nodeNames = new Set(nodes.map((n) => norm(nodeLabelText(n.properties.name))));
  const candidates: LabelCandidate<'node' | 'city'>[] = [];
  for (const n of nodes) {
    const station = n.properties.kind === 'rail-hub';
    const importance = nodeImportance(n, routes, sightings);
    candidates.push({
      text: nodeLabelText(n.properties.name),
      position: n.geometry.coordinates as [number, number],
      priority: -importance,
      sizePx: importance >= 10 ? 12 : 11,
      gapPx: station ? 6 : 9,
      sides: SIDES,
      // A place that carries routes or reports is named even where symbols crowd (never over a label).
      mayCoverSymbols: importance >= 10,
      symbolRadiusPx: station ? 4 : 7,
      item: 'node',
    });
  }
  for (const c of cities) {
    // A city the network already names (Ussuriysk, Kursk, Khabarovsk…) is labelled once, as the node.
    if (nodeNames.has(norm(c.name))) continue;
    candidates.push({
      text: c.name,
      position: c.position,
      priority: 1000 + c.rank,
      sizePx: c.capital ? 13 : c.rank <= 2 ? 12 : 11,
      gapPx: 5,
      sides: ['right'],
      mayCoverSymbols: false,
      symbolRadiusPx: 0,
      item: 'city',
    });
  }
  const cache = new Map<number, LabelSet>();
  const place = (z: number): LabelSet => {
    const placed = placeLabels(candidates, z);
    const as = (p: PlacedLabel<'node' | 'city'>): NetworkLabel => ({
      text: p.candidate.text,
      position: [p.candidate.position[0], p.candidate.position[1]],
      side: p.side,
      sizePx: p.candidate.sizePx,
      gapPx: p.candidate.gapPx,
      source: p.candidate.item,
    });
    return { nodes: placed.filter((p) => p.candidate.item === 'node').map(as), cities: placed.filter((p) => p.candidate.item === 'city').map(as) };
  };
  return {
    get(z) {
      if (!(ZOOMS as readonly number[]).includes(z)) return undefined;
      let set = cache.get(z);
      if (!set) cache.set(z, (set = place(z)));
      return set;
    },
  };
}

/** The label set for a zoom, or null below zoom 6. */
export function labelSetAt(sets: LabelSets, zoom: number): LabelSet | null {
  if (zoom < NETWORK_LABELS_MIN_ZOOM) return null;
  const z = Math.min(ZOOMS[ZOOMS.length - 1]!, Math.floor(zoom));
  return sets.get(z) ?? null;
}

const ANCHOR: Record<LabelSide, 'start' | 'end' | 'middle'> = { right: 'start', left: 'end', above: 'middle', below: 'middle' };
const BASELINE: Record<LabelSide, 'center' | 'bottom' | 'top'> = { right: 'center', left: 'center', above: 'bottom', below: 'top' };
const offset = (l: NetworkLabel): [number, number] =>
  l.side === 'right' ? [l.gapPx, 0] : l.side === 'left' ? [-l.gapPx, 0] : l.side === 'above' ? [0, -l.gapPx] : [0, l.gapPx];

/**
 * A layer of placed labels: node names dark and heavier, city names grey (as the far view draws them).
 * The font setting is the shared one (`TEXT_FONT`), so city names add glyphs to the atlas every text
 * layer uses; the heavier node names need an atlas of their own weight, built only from zoom 6.
 * @example networkLabelsLayer('node-labels', set.nodes)
 */
export function networkLabelsLayer(id: 'node-labels' | 'city-labels', data: NetworkLabel[]) {
  const node = id === 'node-labels';
  return new TextLayer<NetworkLabel>({
    id,
    data,
    getPosition: (d) => d.position,
    getText: (d) => d.text,
    getSize: (d) => d.sizePx,
    getColor: perItem(node ? [31, 35, 40, 255] : [60, 60, 60, 220]),
    getTextAnchor: (d) => ANCHOR[d.side],
    getAlignmentBaseline: (d) => BASELINE[d.side],
    getPixelOffset: offset,
    ...TEXT_FONT,
    fontWeight: node ? 600 : TEXT_FONT.fontWeight,
    characterSet: 'auto',
    outlineWidth: 2,
    outlineColor: [255, 255, 255, 235],
    ...NOT_PICKED,
  });
}
