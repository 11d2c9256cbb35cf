/**
 * The deck.gl layer list for a view of the store: a layer exists only when it is switched on and has
 * something to draw (an empty or hidden layer would still be initialised, compiled and drawn by deck.gl).
 * Pure: plain inputs in, layer descriptions out; `useDeckLayers` memoises the inputs.
 */
import type { Layer } from '@deck.gl/core';
import type { NodeFeature } from '../domain/schemas';
import type { LayerId } from '../state/types';
import { corridorLayer, evidenceLayer, EVIDENCE_RING, type CorridorPolygon, type EvidencePoint } from '../layers/corridors';
import { labelsLayer, type PlaceLabel } from '../layers/labels';
import { precisionLayer, type PrecisionHalo } from '../layers/precision';
import { countBadgeLayer, type CountBadge } from '../layers/stacks';
import { networkLabelsLayer, type LabelSet } from '../layers/networkLabels';
import { nodesLayer } from '../layers/nodes';
import { selectionLayer, type Marker } from '../layers/selection';
import { sightingsLayer, type SightingBuffers, type SightingFilterUniforms } from '../layers/sightings';

export interface LayerInputs {
  layers: Readonly<Record<LayerId, boolean>>;
  highlightId: string | null;
  /** The selected corridor's polygon, when one is selected and joined. */
  corridor: CorridorPolygon | null;
  /** The far view's city labels (drawn when `network` is null). */
  labels: PlaceLabel[];
  /** From zoom 6: the placed names of the network's places and the cities that fit beside them. */
  network: LabelSet | null;
  majorNodes: readonly NodeFeature[];
  /** Minor stations; empty when zoomed too far out to show them. */
  stations: readonly NodeFeature[];
  /** One entry per sighting set, in draw order; `imported` sets follow the `imported` toggle. */
  sightings: readonly { key: string; buffers: SightingBuffers }[];
  window: SightingFilterUniforms;
  /** Halos around the visible reports that place themselves only roughly, drawn under the dots. */
  halos: readonly PrecisionHalo[];
  /** Map zoom (sizes the halos). */
  zoom: number;
  /** Count badges where several visible reports share a position. */
  stacks: readonly CountBadge[];
  evidence: readonly EvidencePoint[];
  /** Count badges on evidence rings holding several reports. */
  evidenceCounts: readonly CountBadge[];
  markers: Marker[];
}

/** What the sightings layers need (with their halos and stack counts). */
export type SightingInputs = Pick<LayerInputs, 'layers' | 'sightings' | 'window' | 'halos' | 'zoom' | 'stacks'>;
/** What the layers under the sightings need (none of it changes on a slider step). */
export type BaseInputs = Omit<LayerInputs, keyof SightingInputs | 'evidence' | 'evidenceCounts' | 'markers'> & Pick<LayerInputs, 'layers'>;
/** What the layers above everything need. */
export type MarkerInputs = Pick<LayerInputs, 'evidence' | 'evidenceCounts' | 'markers'>;

/**
 * The selected corridor, city labels, nodes and their names, bottom to top (routes and areas are drawn
 * by MapLibre under all of them: src/map/vectorOverlays.ts).
 */
export function baseLayers(x: BaseInputs): Layer[] {
  const on = x.layers;
  const h = { highlightId: x.highlightId };
  const cities = x.network
    ? on.labels && x.network.cities.length ? networkLabelsLayer('city-labels', x.network.cities) : null
    : on.labels && x.labels.length ? labelsLayer(x.labels) : null;
  const out: (Layer | null)[] = [
    on.corridors && x.corridor ? corridorLayer(x.corridor) : null,
    cities,
    on.nodes && x.stations.length ? nodesLayer(x.stations, { ...h, id: 'stations' }) : null,
    on.nodes && x.majorNodes.length ? nodesLayer(x.majorNodes, h) : null,
    on.labels && on.nodes && x.network?.nodes.length ? networkLabelsLayer('node-labels', x.network.nodes) : null,
  ];
  return out.filter((l): l is Layer => l !== null);
}

/**
 * The precision halos, one layer per sighting set with points (filtered by the window on the GPU), and
 * the stack counts above them. Halos and counts are of the visible reports, so they follow either toggle.
 */
export function sightingLayers(x: SightingInputs): Layer[] {
  const anyOn = x.layers.sightings || x.layers.imported;
  const out: Layer[] = anyOn && x.halos.length ? [precisionLayer(x.halos, x.zoom)] : [];
  for (const { key, buffers } of x.sightings) {
    const imported = key === 'imported';
    if ((imported ? x.layers.imported : x.layers.sightings) && buffers.length) out.push(sightingsLayer(imported ? 'imported' : `sightings-${key}`, buffers, x.window));
  }
  if (anyOn && x.stacks.length) out.push(countBadgeLayer(x.stacks));
  return out;
}

/** Evidence rings (with counts where a ring holds several reports) and the selection ring, above everything. */
export function markerLayers(x: MarkerInputs): Layer[] {
  const out: Layer[] = [];
  if (x.evidence.length) out.push(evidenceLayer(x.evidence));
  if (x.evidenceCounts.length) out.push(countBadgeLayer(x.evidenceCounts, { id: 'evidence-counts', fill: EVIDENCE_RING, offset: [-12, -12] }));
  if (x.markers.length) out.push(selectionLayer(x.markers));
  return out;
}

/**
 * The layers to draw, bottom to top. (`useDeckLayers` builds the three groups separately, so a slider
 * step hands deck.gl the very same layer objects for everything but the sightings.)
 * @example deckLayers(inputs).map((l) => l.id) // ['labels', 'nodes', 'sightings-bundled']
 */
export function deckLayers(x: LayerInputs): Layer[] {
  return [...baseLayers(x), ...sightingLayers(x), ...markerLayers(x)];
}
