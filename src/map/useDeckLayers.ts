/**
 * Builds the deck.gl layer list from the store. Layers are cheap descriptions rebuilt on change; their
 * `data` objects are memoised so deck.gl does not re-upload buffers unless the data really changed.
 */
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useStore } from '../state/store';
import { labelsLayer, type PlaceLabel } from '../layers/labels';
import places from './data/places.json';

/** Natural Earth places worth labelling at theatre scale (scale rank ≤ 4, or a capital). */
function placeLabels(maxRank = 4): PlaceLabel[] {
  return places.places
    .filter((p) => p.rank <= maxRank || p.capital)
    .map((p) => ({ name: p.name, position: [p.lon, p.lat], rank: p.rank, capital: p.capital }));
}

export function useDeckLayers(): Layer[] {
  const showLabels = useStore((s) => s.layers.labels);
  const labels = useMemo(() => placeLabels(), []);
  return useMemo(() => [labelsLayer(labels, { visible: showLabels })], [labels, showLabels]);
}
