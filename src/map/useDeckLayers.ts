/**
 * Builds the deck.gl layer list from the store. Layers are cheap descriptions rebuilt on change; their
 * `data` is memoised so deck.gl re-uploads buffers only when the data really changed. Filters reach the
 * sightings layer as GPU uniforms. The map re-renders only for the store fields read here (a corridor
 * width change, say, does not touch it); a slider step changes two numbers.
 */
import { useMemo } from 'react';
import type { Layer } from '@deck.gl/core';
import { useShallow } from 'zustand/react/shallow';
import { CATEGORIES } from '../domain/schemas';
import { CONFIDENCES } from '../metrics/columns';
import { useStore } from '../state/store';
import { dateToDay } from '../domain/dates';
import { findSighting, type SightingSet } from '../state/sightingSets';
import { passOf, selectVisibleReports } from '../state/derived';
import { halosOf } from '../state/halos';
import { selectPositions, stacksOf } from '../state/stacks';
import type { CountBadge } from '../layers/stacks';
import type { PlaceLabel } from '../layers/labels';
import { splitStations, STATIONS_MIN_ZOOM } from '../layers/nodes';
import type { SightingBuffers } from '../layers/sightings';
import { buildSightingBuffers, filterClasses, withPass } from '../layers/sightingBuffers';
import type { Marker } from '../layers/selection';
import type { EvidencePoint } from '../layers/corridors';
import { baseLayers, markerLayers, sightingLayers } from './deckLayers';
import { labelSetAt, networkLabelSets, NETWORK_LABELS_MIN_ZOOM } from '../layers/networkLabels';
import places from './data/places.json';
import { useAnalystLayers } from './useAnalystLayers';

/** Natural Earth places worth labelling at theatre scale (scale rank ≤ 3, or a capital). */
function placeLabels(maxRank = 3): PlaceLabel[] {
  return places.places
    .filter((p) => p.rank <= maxRank || p.capital)
    .map((p) => ({ name: p.name, position: [p.lon, p.lat], rank: p.rank, capital: p.capital }));
}
/** Fewer labels when zoomed far out (e.g. a phone framing the whole theatre), more when zoomed in. */
const LABELS_BY_DETAIL = [placeLabels(1), placeLabels(3), placeLabels(6)];
const labelDetail = (zoom: number) => (zoom < 2 ? 0 : zoom < 4.5 ? 1 : 2);

/** GPU buffers per sighting set, built once per set (sets are immutable; a new set is a new object). */
const buffersOf = new WeakMap<SightingSet, SightingBuffers>();
function baseBuffers(set: SightingSet): SightingBuffers {
  let b = buffersOf.get(set);
  if (!b) buffersOf.set(set, (b = buildSightingBuffers(set.columns)));
  return b;
}
/** The buffers with a pass mask applied, remembered for the last mask of each set. */
const passed = new WeakMap<SightingBuffers, { pass: Uint8Array; out: SightingBuffers }>();
function buffersWithPass(b: SightingBuffers, pass: Uint8Array | null): SightingBuffers {
  if (!pass) return b;
  const last = passed.get(b);
  if (last?.pass === pass) return last.out;
  const out = withPass(b, pass);
  passed.set(b, { pass, out });
  return out;
}

export function useDeckLayers(): Layer[] {
  const s = useStore(
    useShallow((s) => ({
      zoom: Math.round(s.camera.zoom * 4) / 4,
      // Positions of the visible reports: stacked ones get a count, roughly placed ones a halo.
      positions: selectPositions(selectVisibleReports(s.sightingSets, s.filters, s.layers)),
      showStations: s.camera.zoom >= STATIONS_MIN_ZOOM,
      labelLevel: labelDetail(s.camera.zoom),
      // Placed label sets exist per integer zoom from 6; below, the far view's city labels.
      labelZoom: s.camera.zoom >= NETWORK_LABELS_MIN_ZOOM ? Math.floor(s.camera.zoom) : 0,
      data: s.data,
      sets: s.sightingSets,
      layers: s.layers,
      from: s.filters.from,
      to: s.filters.to,
      categories: s.filters.categories,
      confidences: s.filters.confidences,
      query: s.filters.query,
      sourceKinds: s.filters.sourceKinds,
      publishers: s.filters.publishers,
      onlyIds: s.filters.onlyIds,
      precisions: s.filters.precisions,
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
  const { data, sets, featureId, hoverId, zones, corridorId, evidenceIds } = s;

  const corridor = useMemo(() => zones.find((z) => z.id === corridorId && z.kind === 'corridor')?.polygon ?? null, [zones, corridorId]);
  const evidence = useMemo((): EvidencePoint[] => {
    const out: EvidencePoint[] = [];
    for (const id of evidenceIds ?? []) {
      const hit = findSighting(sets, id);
      if (hit) out.push({ id, position: [hit.set.columns.lon[hit.index]!, hit.set.columns.lat[hit.index]!] });
    }
    return out;
  }, [sets, evidenceIds]);
  const evidenceCounts = useMemo((): CountBadge[] => {
    const at = new Map<string, CountBadge>();
    for (const e of evidence) {
      const k = e.position.join();
      const b = at.get(k);
      if (b) b.count++;
      else at.set(k, { position: e.position, count: 1, id: e.id });
    }
    return [...at.values()].filter((b) => b.count > 1);
  }, [evidence]);

  const { positions } = s;
  const stacks = useMemo((): CountBadge[] => stacksOf(positions).map((p) => ({ position: [p.lon, p.lat], count: p.members.length, id: p.members[0]!.id })), [positions]);
  const halos = useMemo(() => halosOf(positions, data), [positions, data]);

  const nodes = useMemo(() => {
    const major = new Set<string>();
    for (const r of data?.routes ?? []) major.add(r.properties.from).add(r.properties.to);
    for (const x of data?.sightings ?? []) if (x.properties.place) major.add(x.properties.place);
    return splitStations(data?.nodes ?? [], major);
  }, [data]);

  const labelSets = useMemo(
    () => networkLabelSets(data?.nodes ?? [], data?.routes ?? [], data?.sightings ?? [], LABELS_BY_DETAIL[2]!),
    [data],
  );
  const near = labelSetAt(labelSets, s.labelZoom);

  // Text, source-kind, publisher, precision and "only what changed" filters change which points pass; the time window does not.
  const { query, sourceKinds, publishers, precisions, onlyIds } = s;
  const sightings = useMemo(
    () => sets.map((set) => ({ key: set.key, buffers: buffersWithPass(baseBuffers(set), passOf(set, { query, sourceKinds, publishers, precisions, onlyIds })) })),
    [sets, query, sourceKinds, publishers, precisions, onlyIds],
  );

  const classes = useMemo(
    () =>
      filterClasses(
        s.categories.length ? s.categories.map((c) => CATEGORIES.indexOf(c)) : CATEGORIES.map((_, i) => i),
        s.confidences.length ? s.confidences.map((c) => CONFIDENCES.indexOf(c)) : CONFIDENCES.map((_, i) => i),
      ),
    [s.categories, s.confidences],
  );
  const fromDay = dateToDay(s.from);
  const toDay = dateToDay(s.to);

  // Own reports, changes since a link, the report form's position: rings over the dots (src/map/useAnalystLayers.ts).
  const analyst = useAnalystLayers();
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

  // Three groups, each memoised on its own inputs: a slider step rebuilds the sightings layers only and
  // hands deck.gl the very same objects for the rest (nothing to diff).
  const base = useMemo(
    () =>
      data
        ? baseLayers({
            layers: s.layers,
            highlightId: featureId,
            corridor,
            labels: LABELS_BY_DETAIL[s.labelLevel]!,
            network: near,
            majorNodes: nodes.major,
            stations: s.showStations ? nodes.stations : [],
          })
        : [],
    [data, nodes, s.showStations, s.labelLevel, near, s.layers, featureId, corridor],
  );
  const dots = useMemo(
    () => (data ? sightingLayers({ layers: s.layers, sightings, window: { fromDay, toDay, classes }, halos, zoom: s.zoom, stacks }) : []),
    [data, s.layers, sightings, fromDay, toDay, classes, halos, s.zoom, stacks],
  );
  const rings = useMemo(() => markerLayers({ evidence, evidenceCounts, markers }), [evidence, evidenceCounts, markers]);
  return useMemo(() => [...base, ...dots, ...analyst, ...rings], [base, dots, analyst, rings]);
}
