/**
 * The map adapter: the only React component that touches MapLibre. The map and its deck.gl overlay are
 * created once; afterwards the store drives them (layers through `overlay.setProps`, camera through
 * `jumpTo` only when the store's camera differs from the map's, so the two can't chase each other).
 */
import { useEffect, useRef, useState } from 'react';
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import type { Layer, PickingInfo } from '@deck.gl/core';
import { actions, useStore } from '../state/store';
import type { Camera } from '../state/types';
import type { ViewBounds } from '../state/viewportCount';
import { roundCamera } from '../state/urlSync';
import { basemapStyle, buildBasemap, plainStyle } from './basemap';
import { styleHolds, syncVectorOverlays, vectorFeatureAt, vectorOverlays, type VectorInputs } from './vectorOverlays';
import { useDeckLayers } from './useDeckLayers';
import { exposeTestHandle, recordDeckFrame } from './testHandle';
import { drawnPoints, noteBasemapMissing, noteDrawn } from './drawn';
import { pickedId, stackTooltip, tooltipText } from './picking';
import { clickMapFeature, currentPositions } from '../state/stackActions';
import { mapClicked, useReportForm } from '../state/own/form';
import { basemapTopology } from './basemapFile';

setWorkerUrl(workerUrl);

/** Kursk (west) to Rajin and the Primorye ports (east), the Trans-Siberian (north) to the DPRK (south). */
const THEATRE_BOUNDS: [[number, number], [number, number]] = [[33, 38.5], [134, 57]];

/** The map's camera at link precision, so the store (and the link) hold exactly what a link restores. */
function cameraOf(map: MlMap): Camera {
  const c = map.getCenter();
  return roundCamera({ zoom: map.getZoom(), lat: c.lat, lon: c.lng, bearing: map.getBearing(), pitch: map.getPitch() });
}

const NONE: readonly never[] = [];
/** What MapLibre's routes and areas draw, as the store has it now. */
function vectorInputs(): VectorInputs {
  const s = useStore.getState();
  return { areas: s.data?.areas ?? NONE, routes: s.data?.routes ?? NONE, on: s.layers, highlightId: s.selection.featureId };
}

const isSightings = (l: Layer) => l.props.visible && (l.id.startsWith('sightings-') || l.id === 'imported');

/** What the map shows now, for the "in view" count. */
function boundsOf(map: MlMap): ViewBounds {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MlMap | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const layers = useDeckLayers();
  // True once deck.gl has had its two start-up size notices (see onLoad below).
  const [deckSized, setDeckSized] = useState(false);
  // Sighting points in the layers last handed to deck.gl (for the frame log of tests and benchmarks).
  const pointsRef = useRef(0);

  useEffect(() => {
    let cancelled = false;
    const el = container.current;
    if (!el) return;
    const cam = useStore.getState().camera;
    const initial = vectorInputs();
    const map = new MlMap({
      container: el,
      // The routes and areas are in from the start: they are drawn even if the basemap never comes.
      style: plainStyle(vectorOverlays(initial)),
      center: [cam.lon, cam.lat],
      zoom: cam.zoom,
      bearing: cam.bearing,
      pitch: cam.pitch,
      attributionControl: false,
      canvasContextAttributes: { preserveDrawingBuffer: true },
      maxPitch: 60,
      // A link cannot name a zoom below 0; the map does not go there either, at any window size.
      minZoom: 0,
    });
    styleHolds(map, initial);
    map.getCanvas().setAttribute('aria-label', 'Map of the DPRK–Russia logistics corridors');
    // What is under the pointer: deck.gl's layers first, then MapLibre's routes and areas.
    const pickAt = (info: PickingInfo) =>
      pickedId(info, useStore.getState().sightingSets) ?? (info.x >= 0 && info.y >= 0 ? (vectorFeatureAt(map, info.x, info.y)?.id ?? null) : null);
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      // While the report form is placing a report, the click is its position, not a selection; a report
      // on a stacked position opens the list of every report there.
      onClick: (info) => {
        if (info.coordinate && mapClicked(info.coordinate[0]!, info.coordinate[1]!)) return;
        clickMapFeature(pickAt(info));
      },
      onHover: (info) => actions.hover(pickAt(info)),
      getTooltip: (info) => {
        const s = useStore.getState();
        const id = pickAt(info);
        const text = id ? (stackTooltip(id, currentPositions(), s.data) ?? tooltipText(id, s.data, s.sightingSets)) : null;
        return text ? { text, className: 'map-tooltip' } : null;
      },
      getCursor: ({ isHovering }) => (useReportForm.getState().placing ? 'crosshair' : isHovering || useStore.getState().hoverId ? 'pointer' : 'grab'),
      // Its device is ready, and with it two size notices that each make deck.gl redraw: the canvas's
      // first resize observation, and a pixel-ratio check queued as a zero-delay timer. Layers come only
      // after both (see below): a resize observer of ours, made after deck.gl's, reports in the same round
      // as its first one, and a timer of ours, queued after deck.gl's, fires after it.
      onLoad: () => {
        const canvas = overlay.getCanvas();
        const observed = new Promise<void>((done) => {
          if (!canvas) return done();
          const sized = new ResizeObserver(() => {
            sized.disconnect();
            done();
          });
          sized.observe(canvas);
        });
        const timer = new Promise<void>((done) => setTimeout(done, 0));
        void Promise.all([observed, timer]).then(() => {
          if (!cancelled) setDeckSized(true);
        });
      },
      onAfterRender: ({ gl }) => {
        recordDeckFrame(pointsRef.current, gl as WebGL2RenderingContext);
        noteDrawn(map, pointsRef.current);
      },
    });
    // The overlay joins the map at once, with no layers: its canvas learns its size (the first resize
    // observation, which makes deck.gl redraw) while there is nothing to draw, so the first frame with
    // layers is not drawn twice. Layers are handed over once the canvas is sized and there are some.
    map.addControl(overlay);
    mapRef.current = map;
    overlayRef.current = overlay;
    exposeTestHandle(map, overlay);

    basemapTopology()
      .then((topology) => {
        if (cancelled) return;
        const x = vectorInputs();
        map.setStyle(basemapStyle(buildBasemap(topology), vectorOverlays(x)));
        styleHolds(map, x);
      })
      .catch((e: unknown) => {
        if (cancelled) return;
        noteBasemapMissing(map);
        // A frame more, so the map reports itself idle without the basemap.
        map.triggerRepaint();
        actions.notify('error', `The basemap could not be loaded (${String(e)}); layers are drawn on a plain background.`);
      });
    // Without a camera from a link, frame the theatre (Kursk to Rajin) for whatever screen this is.
    if (useStore.getState().cameraFromLink === false) map.fitBounds(THEATRE_BOUNDS, { padding: 24, animate: false });
    actions.setCamera(cameraOf(map));
    actions.setViewBounds(boundsOf(map));
    map.on('moveend', () => {
      actions.setCamera(cameraOf(map));
      actions.setViewBounds(boundsOf(map));
    });
    // A resize (a notice, the table, the window) changes what is in view without moving the camera.
    map.on('resize', () => actions.setViewBounds(boundsOf(map)));
    map.on('idle', () => noteDrawn(map, drawnPoints()));
    // Data, a toggle or a selection that changed while a style was still loading reaches it once it is in.
    map.on('styledata', () => syncVectorOverlays(map, vectorInputs()));

    const unsubscribe = useStore.subscribe((s, prev) => {
      if (s.flyTo && s.flyTo !== prev.flyTo) {
        const f = s.flyTo;
        if (f.bounds) map.fitBounds(f.bounds, { padding: 48, maxZoom: f.zoom ?? 9, duration: 800 });
        else map.flyTo({ center: [f.lon, f.lat], zoom: f.zoom ?? Math.max(map.getZoom(), 5), duration: 800 });
        return;
      }
      if (s.camera === prev.camera) return;
      const now = cameraOf(map);
      const c = s.camera;
      if (Math.abs(now.zoom - c.zoom) < 1e-3 && Math.abs(now.lat - c.lat) < 1e-5 && Math.abs(now.lon - c.lon) < 1e-5 && Math.abs(now.bearing - c.bearing) < 1e-3 && Math.abs(now.pitch - c.pitch) < 1e-3) return;
      map.jumpTo({ center: [c.lon, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
    });
    return () => {
      cancelled = true;
      unsubscribe();
      map.remove();
      mapRef.current = null;
      overlayRef.current = null;
    };
  }, []);

  const data = useStore((s) => s.data);
  const layersOn = useStore((s) => s.layers);
  const featureId = useStore((s) => s.selection.featureId);
  useEffect(() => {
    if (mapRef.current) syncVectorOverlays(mapRef.current, vectorInputs());
  }, [data, layersOn, featureId]);

  const handed = useRef<Layer[]>([]);
  useEffect(() => {
    const overlay = overlayRef.current;
    // An empty list after an empty list changes nothing on screen: not worth a frame.
    if (!overlay || !deckSized || (layers.length === 0 && handed.current.length === 0)) return;
    handed.current = layers;
    pointsRef.current = layers.reduce((n, l) => n + (isSightings(l) ? (l.props.data as { length: number }).length : 0), 0);
    overlay.setProps({ layers });
  }, [layers, deckSized]);

  return <div ref={container} className="map" role="region" aria-label="Map" data-testid="map" />;
}
