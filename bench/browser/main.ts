/**
 * The bare reference page of `npm run bench:browser`: what MapLibre + deck.gl cost on their own for the
 * same picture. MapLibre with the same Natural Earth basemap, one deck.gl MapboxOverlay with two layers —
 * the bundled routes as one PathLayer, the bundled sightings plus `?n=` synthetic points as one
 * ScatterplotLayer of binary attributes filtered by day on the GPU (DataFilterExtension). The synthetic
 * points come from the app's own generator, in a worker that hands over ready GPU arrays.
 *
 * URL: `?n=100000&seed=1&w=<map width>&h=<map height>` (the benchmark passes the app's map size, so both
 * pages fill the same number of pixels and fit the same camera).
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { PathLayer, ScatterplotLayer } from '@deck.gl/layers';
import { DataFilterExtension } from '@deck.gl/extensions';
import type { Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';
import sightingsUrl from '../../geodata/sightings.geojson?url';
import railUrl from '../../geodata/rail-routes.geojson?url';
import seaUrl from '../../geodata/sea-routes.geojson?url';
import nodesUrl from '../../geodata/nodes.geojson?url';
import { basemapStyle, buildBasemap } from '../../src/map/basemap';
import { pointsOf, type PointArrays, type PointsRequest } from './points';

setWorkerUrl(workerUrl);

const q = new URLSearchParams(location.search);
const n = Math.max(0, Math.floor(Number(q.get('n') ?? 0)));
const seed = Math.floor(Number(q.get('seed') ?? 1));
const el = document.getElementById('map')!;
el.style.width = `${Number(q.get('w') ?? innerWidth)}px`;
el.style.height = `${Number(q.get('h') ?? innerHeight)}px`;

/** The app's theatre framing (Kursk to Rajin), fitted the same way. */
const THEATRE_BOUNDS: [[number, number], [number, number]] = [[33, 38.5], [134, 57]];

const map = new MlMap({
  container: el,
  style: { version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': '#c9d6e0' } }] },
  center: [84, 51],
  zoom: 2.6,
  attributionControl: false,
  canvasContextAttributes: { preserveDrawingBuffer: true },
});
map.fitBounds(THEATRE_BOUNDS, { padding: 24, animate: false });

type Feature = { geometry: { coordinates: unknown }; properties: Record<string, unknown> };
const getJson = (url: string) => fetch(url).then((r) => r.json() as Promise<{ features: Feature[] }>);

let points = 0;
let paths: PathLayer<Feature> | null = null;
let dots: PointArrays | null = null;
let window_: [number, number] = [0, 0];
const filter = new DataFilterExtension({ filterSize: 1 });

const overlay = new MapboxOverlay({
  interleaved: false,
  layers: [],
  onAfterRender: ({ gl }) => window.__deckFrameProbe?.(points, gl as WebGL2RenderingContext),
});
map.addControl(overlay);

function draw(): void {
  const layers = [];
  if (paths) layers.push(paths);
  if (dots) {
    const dense = dots.length > 20_000;
    layers.push(
      new ScatterplotLayer({
        id: 'points',
        data: {
          length: dots.length,
          attributes: {
            getPosition: { value: dots.positions, size: 2 },
            getFillColor: { value: dots.colours, size: 4, normalized: true },
            getFilterValue: { value: dots.days, size: 1 },
          },
        } as unknown as never,
        getRadius: 5,
        radiusUnits: 'pixels',
        radiusScale: dense ? 0.35 : 1,
        radiusMinPixels: dense ? 1 : 0,
        opacity: 0.85,
        filterRange: window_,
        extensions: [filter],
      }),
    );
  }
  points = dots?.length ?? 0;
  overlay.setProps({ layers });
}

void fetch(countriesUrl)
  .then((r) => r.json() as Promise<Topology>)
  .then((t) => map.setStyle(basemapStyle(buildBasemap(t))));

void Promise.all([getJson(railUrl), getJson(seaUrl)]).then(([rail, sea]) => {
  paths = new PathLayer<Feature>({
    id: 'routes',
    data: [...rail.features, ...sea.features],
    getPath: (f) => f.geometry.coordinates as [number, number][],
    getColor: (f) => (f.properties.mode === 'sea' ? [0, 105, 170, 255] : [96, 40, 20, 200]),
    getWidth: 2.5,
    widthUnits: 'pixels',
  });
  draw();
});

const request: PointsRequest = { n, seed, sightingsUrl: new URL(sightingsUrl, location.href).href, routeUrls: [railUrl, seaUrl].map((u) => new URL(u, location.href).href), nodesUrl: new URL(nodesUrl, location.href).href };
const arrays: Promise<PointArrays> =
  n === 0
    ? pointsOf(request)
    : new Promise((resolve) => {
        const w = new Worker(new URL('./points.worker.ts', import.meta.url), { type: 'module' });
        w.onmessage = (e: MessageEvent<PointArrays>) => resolve(e.data);
        w.postMessage(request);
      });
void arrays.then((a) => {
  dots = a;
  window_ = [a.minDay, a.maxDay];
  const input = document.getElementById('end') as HTMLInputElement;
  input.min = String(a.minDay);
  input.max = String(a.maxDay);
  input.value = String(a.maxDay);
  // The filter update the app's slider is compared with: new uniforms, same data.
  input.addEventListener('input', () => {
    window_ = [a.minDay, Number(input.value)];
    draw();
  });
  draw();
});

window.__bare = {
  isIdle: () => map.loaded() && !map.isMoving() && map.areTilesLoaded() && Boolean(map.getLayer('land')),
};

declare global {
  interface Window {
    __bare?: { isIdle(): boolean };
    __deckFrameProbe?: (points: number, gl: WebGL2RenderingContext) => void;
  }
}
