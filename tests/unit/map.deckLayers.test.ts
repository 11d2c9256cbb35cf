import { describe, expect, test } from 'vitest';
import type { Layer } from '@deck.gl/core';
import type { NodeFeature } from '../../src/domain/schemas';
import { deckLayers, type LayerInputs } from '../../src/map/deckLayers';
import { POINT_FILTER } from '../../src/layers/sightings';
import { ringLayer } from '../../src/layers/rings';
import { TEXT_FONT } from '../../src/layers/style';
import { buildSightingBuffers } from '../../src/layers/sightingBuffers';
import type { CorridorPolygon } from '../../src/layers/corridors';
import { DEFAULT_LAYERS } from '../../src/state/types';
import type { NetworkLabel } from '../../src/layers/networkLabels';
import { nodes as allNodes } from '../e2e/support/geodata';

const one = (lon: number) => buildSightingBuffers({ length: 1, lon: [lon], lat: [50], day: [19_700], category: [0], confidence: [0] });
const polygon: CorridorPolygon = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } };

const inputs = (patch: Partial<LayerInputs> = {}): LayerInputs => ({
  layers: DEFAULT_LAYERS,
  highlightId: null,
  corridor: null,
  labels: [{ name: 'Kursk', position: [36.2, 51.7], rank: 2, capital: false }],
  network: null,
  majorNodes: allNodes.slice(0, 5) as NodeFeature[],
  stations: [],
  sightings: [{ key: 'bundled', buffers: one(40) }],
  window: { fromDay: 0, toDay: 99_999, classes: [0] },
  halos: [],
  zoom: 5,
  stacks: [],
  evidence: [],
  evidenceCounts: [],
  markers: [],
  ...patch,
});
const ids = (ls: Layer[]) => ls.map((l) => l.id);
const label = (text: string, source: NetworkLabel['source']): NetworkLabel => ({ text, position: [130.3, 42.2], side: 'right', sizePx: 12, gapPx: 6, source });
const near = { nodes: [label('Rajin (Najin) port', 'node')], cities: [label('Vladivostok', 'city')] };

describe('deckLayers', () => {
  test('the default view: one layer per switched-on layer with data, nothing empty', () => {
    expect(ids(deckLayers(inputs()))).toEqual(['labels', 'nodes', 'sightings-bundled']);
  });
  test('a switched-off layer is not there at all (not merely invisible)', () => {
    const off = { ...DEFAULT_LAYERS, labels: false, sightings: false };
    expect(ids(deckLayers(inputs({ layers: off })))).toEqual(['nodes']);
    // Routes and areas are MapLibre's (src/map/vectorOverlays.ts): no toggle of theirs makes a deck.gl layer.
    expect(ids(deckLayers(inputs({ layers: { ...DEFAULT_LAYERS, rail: false, sea: false, areas: false } })))).toEqual(ids(deckLayers(inputs())));
  });
  test('layers with nothing to draw are left out: no corridor, stations, imports, evidence or selection yet', () => {
    const empty = inputs({ labels: [], majorNodes: [], sightings: [{ key: 'imported', buffers: one(40) }, { key: 'synthetic', buffers: buildSightingBuffers({ length: 0, lon: [], lat: [], day: [], category: [], confidence: [] }) }] });
    expect(ids(deckLayers(empty))).toEqual(['imported']);
    expect(ids(deckLayers({ ...empty, layers: { ...DEFAULT_LAYERS, imported: false } }))).toEqual([]);
  });
  test('corridor, stations, evidence and selection appear when they have data, in draw order', () => {
    const ls = deckLayers(
      inputs({
        corridor: polygon,
        stations: allNodes.slice(5, 7) as NodeFeature[],
        evidence: [{ id: 's-001', position: [40, 50] }],
        markers: [{ position: [40, 50], kind: 'selected' }],
      }),
    );
    expect(ids(ls)).toEqual(['corridor', 'labels', 'stations', 'nodes', 'sightings-bundled', 'evidence', 'selection']);
  });
  test('precision halos sit under the dots, stack counts over them, evidence counts between the rings; all follow the sightings toggles', () => {
    const halo = { position: [40, 50] as [number, number], radiusKm: 100, precision: 'region' as const };
    const badge = { position: [40, 50] as [number, number], count: 3, id: 's-001' };
    const full = inputs({
      halos: [halo],
      stacks: [badge],
      evidence: [{ id: 's-001', position: [40, 50] }],
      evidenceCounts: [badge],
      markers: [{ position: [40, 50], kind: 'selected' }],
    });
    expect(ids(deckLayers(full))).toEqual(['labels', 'nodes', 'precision', 'sightings-bundled', 'stacks', 'evidence', 'evidence-counts', 'selection']);
    const off = { ...DEFAULT_LAYERS, sightings: false, imported: false };
    expect(ids(deckLayers({ ...full, layers: off }))).toEqual(['labels', 'nodes', 'evidence', 'evidence-counts', 'selection']);
  });
  test('from zoom 6 the placed city names replace the far labels and the node names sit above the nodes', () => {
    expect(ids(deckLayers(inputs({ network: near })))).toEqual(['city-labels', 'nodes', 'node-labels', 'sightings-bundled']);
    // Node names follow both toggles; with no node placed there is no layer.
    expect(ids(deckLayers(inputs({ network: near, layers: { ...DEFAULT_LAYERS, nodes: false } })))).not.toContain('node-labels');
    expect(ids(deckLayers(inputs({ network: near, layers: { ...DEFAULT_LAYERS, labels: false } })))).toEqual(['nodes', 'sightings-bundled']);
    expect(ids(deckLayers(inputs({ network: { nodes: [], cities: [] } })))).toEqual(['nodes', 'sightings-bundled']);
  });
  test('the corridor keeps the same data array for the same polygon (no re-tessellation on a slider step)', () => {
    const a = deckLayers(inputs({ corridor: polygon }))[0]!;
    const b = deckLayers(inputs({ corridor: polygon, window: { fromDay: 5, toDay: 6, classes: [1] } }))[0]!;
    expect(a.props.data).toBe(b.props.data);
  });
  test('text layers share one font setting (one text program)', () => {
    const ls = deckLayers(inputs({ corridor: polygon, stations: allNodes.slice(5, 7) as NodeFeature[] }));
    const near_ = deckLayers(inputs({ network: near }));
    const props = (id: string) => [...ls, ...near_].find((l) => l.id === id)!.props as unknown as Record<string, unknown>;
    for (const id of ['labels', 'stations', 'nodes', 'city-labels']) {
      const p = props(id);
      expect([p.fontFamily, p.fontWeight, p.fontSettings]).toEqual([TEXT_FONT.fontFamily, TEXT_FONT.fontWeight, TEXT_FONT.fontSettings]);
    }
    // The heavier node names differ only in weight (their own atlas, from zoom 6).
    const p = props('node-labels');
    expect([p.fontFamily, p.fontWeight, p.fontSettings]).toEqual([TEXT_FONT.fontFamily, 600, TEXT_FONT.fontSettings]);
  });
  test('within a program every layer binds one vertex layout: text gives colour, size and offset per item, and every layer keeps picking colours', () => {
    const halo = { position: [40, 50] as [number, number], radiusKm: 100, precision: 'region' as const };
    const badge = { position: [40, 50] as [number, number], count: 3, id: 's-001' };
    const all = [
      ...deckLayers(inputs({ halos: [halo], stacks: [badge], stations: allNodes.slice(5, 7) as NodeFeature[], markers: [{ position: [40, 50], kind: 'selected' }] })),
      ...deckLayers(inputs({ network: near })),
      ringLayer('r', [{ position: [1, 2] }], { radius: 3, width: 1, colour: [0, 0, 0, 255] }),
    ];
    // The count badge's disc and count are text layers of its own (see src/layers/stacks.ts).
    const badges = all.filter((l) => l.id === 'stacks').flatMap((l) => (l as unknown as { renderLayers(): Layer[] }).renderLayers());
    expect(badges).toHaveLength(2);
    const text = [...all.filter((l) => l.constructor.name === 'TextLayer'), ...badges];
    expect([...new Set(text.map((l) => l.id))].sort()).toEqual(['city-labels', 'labels', 'node-labels', 'nodes', 'stacks-count', 'stacks-disc', 'stations']);
    for (const l of text) {
      const p = l.props as unknown as Record<string, unknown>;
      expect([typeof p.getColor, typeof p.getSize, typeof p.getPixelOffset], l.id).toEqual(['function', 'function', 'function']);
    }
    for (const l of [...all, ...badges]) {
      // deck.gl keeps a picking buffer for a pickable layer and for one that names a highlighted object.
      expect(l.props.pickable || Number.isInteger(l.props.highlightedObjectIndex), l.id).toBe(true);
    }
  });
  test('every point layer (dots, halos, rings) carries the dots\' one filter extension, and halos and rings pass the filter', () => {
    const halo = { position: [40, 50] as [number, number], radiusKm: 100, precision: 'region' as const };
    const ls = deckLayers(inputs({ halos: [halo] }));
    const points = [...ls.filter((l) => l.id === 'precision' || l.id.startsWith('sightings-')), ringLayer('r', [{ position: [1, 2] }], { radius: 3, width: 1, colour: [0, 0, 0, 255] })];
    expect(points).toHaveLength(3);
    for (const l of points) expect(l.props.extensions).toBe(POINT_FILTER);
    for (const l of [points[0]!, points[2]!]) {
      const p = l.props as unknown as { filterRange: number[]; filterCategories: number[] };
      // Class 0 on day 0 is what a halo or a ring holds (the default filter value and category).
      expect([p.filterRange, p.filterCategories]).toEqual([[0, 0], [0]]);
    }
  });
  test('a region halo at theatre zoom keeps its minimum size; its data is the same object until the zoom changes', () => {
    const halos = [{ position: [40, 50] as [number, number], radiusKm: 5, precision: 'settlement' as const }];
    const at = (zoom: number) => deckLayers(inputs({ halos, zoom })).find((l) => l.id === 'precision')!.props.data as unknown as { attributes: { getRadius: { value: Float32Array } } };
    // 5 km at zoom 3 is under a pixel: the settlement minimum (9 px) holds.
    expect(at(3).attributes.getRadius.value[0]).toBe(9);
    expect(at(3)).toBe(at(3.1));
    // At zoom 12, 5 km is 5000 / (40075016.686 · cos 50° / 2^21) ≈ 407 px.
    expect(at(12).attributes.getRadius.value[0]).toBeCloseTo(5000 / ((40_075_016.686 * Math.cos((50 * Math.PI) / 180)) / 512 / 2 ** 12), 1);
  });
});
