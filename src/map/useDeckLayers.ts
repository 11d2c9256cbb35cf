/**
 * Builds the deck.gl layer list from the store. Layers are cheap descriptions rebuilt on change; their
 * `data` is memoised so deck.gl re-uploads buffers only when the data really changed. Filters reach the
 * sightings layer as GPU uniforms.
 */
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORIES } from '../domain/schemas';
import { CONFIDENCES } from '../metrics/columns';
import { useStore } from '../state/store';
import { filterBounds, findSighting } from '../state/sightingSets';
import { passOf, selectVisible } from '../state/derived';
import { halosOf } from '../state/halos';
import { selectPositions, stacksOf } from '../state/stacks';
import { countBadgeLayer, type CountBadge } from '../layers/stacks';
import { precisionLayer } from '../layers/precision';
import { labelsLayer, type PlaceLabel } from '../layers/labels';
import { routesLayer } from '../layers/routes';
import { nodesLayer, splitStations, STATIONS_MIN_ZOOM } from '../layers/nodes';
import { areasLayer } from '../layers/areas';
import { sightingsLayer } from '../layers/sightings';
import { buildSightingBuffers, withPass } from '../layers/sightingBuffers';
import { selectionLayer, type Marker } from '../layers/selection';
import { corridorLayer, evidenceLayer, EVIDENCE_RING, type EvidencePoint } from '../layers/corridors';
import { labelSetAt, networkLabelSets, networkLabelsLayer, NETWORK_LABELS_MIN_ZOOM } from '../layers/networkLabels';
import places from './data/places.json';

export const FONT_FAMILY = 'system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif';

/** Natural Earth places worth labelling at theatre scale (scale rank ≤ 3, or a capital). */
function placeLabels(maxRank = 3): PlaceLabel[] {
  return places.places
    .filter((p) => p.rank <= maxRank || p.capital)
    .map((p) => ({ name: p.name, position: [p.lon, p.lat], rank: p.rank, capital: p.capital }));
}
/** Fewer labels when zoomed far out (e.g. a phone framing the whole theatre), more when zoomed in. */
const LABELS_BY_DETAIL = [placeLabels(1), placeLabels(3), placeLabels(6)];
const labelDetail = (zoom: number) => (zoom < 2 ? 0 : zoom < 4.5 ? 1 : 2);

export function useDeckLayers(): Layer[] {
  const { data, sets, layers, filters, featureId, hoverId, showStations, labelLevel, labelZoom, zones, corridorId, evidenceIds, zoom } = useStore(
    useShallow((s) => ({
      zoom: Math.round(s.camera.zoom * 4) / 4,
      showStations: s.camera.zoom >= STATIONS_MIN_ZOOM,
      labelLevel: labelDetail(s.camera.zoom),
      // Placed label sets exist per integer zoom from 6; below, the far view's city labels.
      labelZoom: s.camera.zoom >= NETWORK_LABELS_MIN_ZOOM ? Math.floor(s.camera.zoom) : 0,
      data: s.data,
      sets: s.sightingSets,
      layers: s.layers,
      filters: s.filters,
      featureId: s.selection.featureId,
      hoverId: s.hoverId,
      // Corridor metrics: the zones the worker joined and the selected indicator's evidence ids.
      zones: s.results.zones,
      corridorId: s.selection.corridorId,
      evidenceIds: s.results.scenarios?.indicators.find(
        (r) => r.id === s.selection.indicatorId && (!s.selection.scenarioId || r.owner === s.selection.scenarioId),
      )?.evidence,
    })),
  );

  const corridorPolygon = useMemo(() => zones.find((z) => z.id === corridorId && z.kind === 'corridor')?.polygon ?? null, [zones, corridorId]);
  const evidence = useMemo((): EvidencePoint[] => {
    const out: EvidencePoint[] = [];
    for (const id of evidenceIds ?? []) {
      const hit = findSighting(sets, id);
      if (hit) out.push({ id, position: [hit.set.columns.lon[hit.index]!, hit.set.columns.lat[hit.index]!] });
    }
    return out;
  }, [sets, evidenceIds]);

  // Positions of the visible reports: stacked ones get a count, roughly placed ones a halo.
  const positions = selectPositions(selectVisible(sets, filters, layers));
  const stackBadges = useMemo((): CountBadge[] => stacksOf(positions).map((p) => ({ position: [p.lon, p.lat], count: p.members.length, id: p.members[0]!.id })), [positions]);
  const halos = useMemo(() => halosOf(positions, data), [positions, data]);
  const evidenceBadges = useMemo((): CountBadge[] => {
    const at = new Map<string, CountBadge>();
    for (const e of evidence) {
      const k = e.position.join();
      const b = at.get(k);
      if (b) b.count++;
      else at.set(k, { position: e.position, count: 1, id: e.id });
    }
    return [...at.values()].filter((b) => b.count > 1);
  }, [evidence]);

  const routes = useMemo(() => {
    const all = data?.routes ?? [];
    return { rail: all.filter((r) => r.properties.mode !== 'sea'), sea: all.filter((r) => r.properties.mode === 'sea') };
  }, [data]);

  const nodes = useMemo(() => {
    const major = new Set<string>();
    for (const r of data?.routes ?? []) major.add(r.properties.from).add(r.properties.to);
    for (const s of data?.sightings ?? []) if (s.properties.place) major.add(s.properties.place);
    return splitStations(data?.nodes ?? [], major);
  }, [data]);

  const labelSets = useMemo(
    () => networkLabelSets(data?.nodes ?? [], data?.routes ?? [], data?.sightings ?? [], LABELS_BY_DETAIL[2]!),
    [data],
  );
  const near = labelSetAt(labelSets, labelZoom);

  // One GPU buffer set per sighting set, rebuilt only when the set changes.
  const baseBuffers = useMemo(() => new Map(sets.map((s) => [s, buildSightingBuffers(s.columns)])), [sets]);
  const passes = sets.map((s) => passOf(s, filters));
  const buffers = useMemo(
    () => sets.map((s, i) => ({ set: s, buffers: withPass(baseBuffers.get(s)!, passes[i]!) })),
    [baseBuffers, ...passes],
  );

  const bounds = filterBounds(filters);
  const catIdx = filters.categories.length ? filters.categories.map((c) => CATEGORIES.indexOf(c)) : CATEGORIES.map((_, i) => i);
  const confIdx = filters.confidences.length ? filters.confidences.map((c) => CONFIDENCES.indexOf(c)) : CONFIDENCES.map((_, i) => i);

  const markers = useMemo((): Marker[] => {
    const out: Marker[] = [];
    const add = (id: string | null, kind: Marker['kind']) => {
      if (!id || !data) return;
      const f = data.byId.get(id);
      if (f) {
        if (f.geometry.type === 'Point') out.push({ position: f.geometry.coordinates as [number, number], kind });
        return;
      }
      const hit = findSighting(sets, id);
      if (hit) out.push({ position: [hit.set.columns.lon[hit.index]!, hit.set.columns.lat[hit.index]!], kind });
    };
    add(featureId, 'selected');
    if (hoverId !== featureId) add(hoverId, 'hover');
    return out;
  }, [data, sets, featureId, hoverId]);

  return useMemo(() => {
    const out: Layer[] = [
      corridorLayer(corridorPolygon, { visible: layers.corridors }),
      areasLayer(data?.areas ?? [], { visible: layers.areas, highlightId: featureId }),
      routesLayer('rail', routes.rail, { visible: layers.rail, highlightId: featureId }),
      routesLayer('sea', routes.sea, { visible: layers.sea, highlightId: featureId }),
      near
        ? networkLabelsLayer('city-labels', near.cities, { visible: layers.labels, fontFamily: FONT_FAMILY })
        : labelsLayer(LABELS_BY_DETAIL[labelLevel]!, { visible: layers.labels }),
      nodesLayer(nodes.stations, { id: 'stations', visible: layers.nodes && showStations, highlightId: featureId, fontFamily: FONT_FAMILY }),
      nodesLayer(nodes.major, { visible: layers.nodes, highlightId: featureId, fontFamily: FONT_FAMILY }),
      networkLabelsLayer('node-labels', near?.nodes ?? [], { visible: layers.labels && layers.nodes && near !== null, fontFamily: FONT_FAMILY }),
      precisionLayer(halos, zoom, { visible: layers.sightings || layers.imported }),
    ];
    for (const { set, buffers: b } of buffers) {
      const visible = set.key === 'imported' ? layers.imported : layers.sightings;
      out.push(
        sightingsLayer(set.key === 'imported' ? 'imported' : `sightings-${set.key}`, b, {
          fromDay: bounds.fromDay,
          toDay: bounds.toDay,
          categoryIdx: catIdx,
          confidenceIdx: confIdx,
        }, { visible }),
      );
    }
    out.push(
      countBadgeLayer(stackBadges, { visible: layers.sightings || layers.imported }),
      evidenceLayer(evidence),
      countBadgeLayer(evidenceBadges, { id: 'evidence-counts', fill: EVIDENCE_RING, offset: [-12, -12] }),
      selectionLayer(markers),
    );
    return out;
  }, [data, routes, nodes, showStations, labelLevel, near, layers, featureId, buffers, bounds.fromDay, bounds.toDay, catIdx.join(), confIdx.join(), markers, corridorPolygon, evidence, stackBadges, halos, zoom, evidenceBadges]);
}
