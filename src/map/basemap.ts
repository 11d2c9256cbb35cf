/**
 * The embedded basemap: Natural Earth 1:50m countries from the `world-atlas` package, turned into
 * GeoJSON and a MapLibre style that needs no tile, glyph or sprite server.
 *
 * world-atlas rings cross the antimeridian (Russia's Chukotka, Fiji): a ring that jumps from +180 to
 * −180 is drawn by MapLibre as a stripe across the whole map. `unwrapRing` shifts longitudes by ±360 so
 * consecutive vertices never differ by more than 180°; MapLibre draws coordinates past 180 on the next
 * world copy, which is where they belong.
 */
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';

/** ISO 3166 numeric codes (world-atlas feature ids) of the countries the map picks out. */
export const COUNTRY_IDS = { PRK: '408', RUS: '643', UKR: '804', KOR: '410', CHN: '156', BLR: '112' } as const;
const ANTARCTICA = '010';

export const BASEMAP_COLOURS = {
  sea: '#c9d6e0',
  land: '#efede7',
  prk: '#e8c9c3',
  rus: '#e7e2d4',
  ukr: '#d3e2cc',
  border: '#6f6a63',
  coast: '#93a9ba',
} as const;

/** Shift longitudes so no two consecutive vertices are more than 180° apart. Returns a new ring. */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let offset = 0;
  let prev: number | undefined;
  for (const p of ring) {
    const lon = p[0]!;
    if (prev !== undefined) {
      const d = lon + offset - prev;
      if (d > 180) offset -= 360;
      else if (d < -180) offset += 360;
    }
    const shifted = lon + offset;
    out.push([shifted, p[1]!]);
    prev = shifted;
  }
  return out;
}

/** Largest longitude jump between consecutive vertices of any ring or line (for tests). */
export function maxLonJump(lines: readonly (readonly Position[])[]): number {
  let max = 0;
  for (const line of lines)
    for (let i = 1; i < line.length; i++) max = Math.max(max, Math.abs(line[i]![0]! - line[i - 1]![0]!));
  return max;
}

function unwrapPolygon(rings: Position[][]): Position[][] {
  return rings.map(unwrapRing);
}

export interface Basemap {
  countries: FeatureCollection<Polygon | MultiPolygon, { id: string; name: string }>;
  borders: Feature<MultiLineString>;
}

/** Build the basemap GeoJSON from a world-atlas `countries-*` topology. Antarctica is left out. */
export function buildBasemap(topology: Topology): Basemap {
  const obj = topology.objects.countries as GeometryCollection<{ name: string }>;
  const fc = feature(topology, obj) as FeatureCollection<Polygon | MultiPolygon | null, { name: string }>;
  const countries: Basemap['countries'] = { type: 'FeatureCollection', features: [] };
  for (const f of fc.features) {
    const id = String(f.id ?? '');
    if (!f.geometry || id === ANTARCTICA) continue;
    const geometry: Polygon | MultiPolygon =
      f.geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: unwrapPolygon(f.geometry.coordinates) }
        : { type: 'MultiPolygon', coordinates: f.geometry.coordinates.map(unwrapPolygon) };
    countries.features.push({ type: 'Feature', geometry, properties: { id, name: f.properties?.name ?? '' } });
  }
  const borderMesh = mesh(topology, obj, (a, b) => a !== b);
  const borders: Feature<MultiLineString> = {
    type: 'Feature',
    properties: {},
    geometry: { type: 'MultiLineString', coordinates: borderMesh.coordinates.map(unwrapRing) },
  };
  return { countries, borders };
}

/** A source and the layers drawing it over the basemap (e.g. the routes and areas). */
export interface StyleOverlay {
  id: string;
  source: SourceSpecification;
  layers: LayerSpecification[];
}

/** A MapLibre style drawing the basemap from inline GeoJSON (no sources outside the page), with overlays above it. */
export function basemapStyle(basemap: Basemap, overlays: readonly StyleOverlay[] = []): StyleSpecification {
  const c = BASEMAP_COLOURS;
  const style: StyleSpecification = {
    version: 8,
    name: 'Corridor Watch basemap',
    sources: {
      countries: { type: 'geojson', data: basemap.countries, tolerance: 0.3 },
      borders: { type: 'geojson', data: basemap.borders, tolerance: 0.3 },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': c.sea } },
      {
        id: 'land',
        type: 'fill',
        source: 'countries',
        paint: {
          'fill-color': [
            'match',
            ['get', 'id'],
            COUNTRY_IDS.PRK,
            c.prk,
            COUNTRY_IDS.RUS,
            c.rus,
            COUNTRY_IDS.UKR,
            c.ukr,
            c.land,
          ],
        },
      },
      { id: 'coast', type: 'line', source: 'countries', paint: { 'line-color': c.coast, 'line-width': 0.6 } },
      {
        id: 'borders',
        type: 'line',
        source: 'borders',
        paint: { 'line-color': c.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 1.2, 6, 2] },
      },
    ],
  };
  return withOverlays(style, overlays);
}

/** The sea colour alone with the overlays: the style before the basemap is in, or without it. */
export function plainStyle(overlays: readonly StyleOverlay[] = []): StyleSpecification {
  return withOverlays({ version: 8, sources: {}, layers: [{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.sea } }] }, overlays);
}

function withOverlays(style: StyleSpecification, overlays: readonly StyleOverlay[]): StyleSpecification {
  for (const o of overlays) {
    style.sources[o.id] = o.source;
    style.layers.push(...o.layers);
  }
  return style;
}
