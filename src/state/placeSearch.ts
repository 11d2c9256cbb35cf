/**
 * Finding places by name: the network's nodes, the training and deployment areas, and the Natural
 * Earth cities the basemap labels. Matching ignores case and accents and reads every word of a name
 * (so "najin" finds "Rajin (Najin) port"). Pure: names in, ranked hits out.
 */
import type { AreaFeature, NodeFeature } from '../domain/schemas';
import { bboxOf } from './bbox';

export type PlaceKind = 'node' | 'area' | 'city';

export interface PlaceHit {
  /** Stable key for lists: the feature id, or `city:<name>:<lon>,<lat>`. */
  key: string;
  name: string;
  /** What it is, for the list ("Border crossing · RUS", "Training area", "City · Russia"). */
  detail: string;
  kind: PlaceKind;
  /** The feature to select (nodes and areas); null for cities. */
  featureId: string | null;
  /** [west, south, east, north] degrees to frame (a point gives a zero-size box). */
  box: [number, number, number, number];
}

/** A Natural Earth place as the basemap's label list has it. */
export interface CityPlace {
  name: string;
  country: string;
  lon: number;
  lat: number;
  pop: number;
}

interface Entry {
  hit: PlaceHit;
  folded: string;
  words: string[];
  /** Tie-break weight: nodes, then areas, then cities by population. */
  weight: number;
}

/** Lower-case, accents removed, non-letters as spaces. @example fold('Zarubino  Port') // 'zarubino port' */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The index to search: built once per data set. */
export interface PlaceIndex {
  entries: readonly Entry[];
}

/**
 * Build the search index.
 * @param nodeKindLabel how a node kind reads in the list (e.g. 'Border crossing')
 */
export function buildPlaceIndex(
  nodes: readonly NodeFeature[],
  areas: readonly AreaFeature[],
  cities: readonly CityPlace[],
  nodeKindLabel: (kind: NodeFeature['properties']['kind']) => string,
): PlaceIndex {
  const entries: Entry[] = [];
  const add = (hit: PlaceHit, weight: number) => {
    const folded = fold(hit.name);
    entries.push({ hit, folded, words: folded.split(' '), weight });
  };
  for (const n of nodes) {
    const [lon, lat] = n.geometry.coordinates as [number, number];
    const p = n.properties;
    add({ key: p.id, name: p.name, detail: `${nodeKindLabel(p.kind)} · ${p.country}`, kind: 'node', featureId: p.id, box: [lon, lat, lon, lat] }, 3e9);
  }
  for (const a of areas) {
    const p = a.properties;
    add({ key: p.id, name: p.name, detail: p.kind === 'training-area' ? 'Training area' : 'Deployment zone', kind: 'area', featureId: p.id, box: bboxOf(a.geometry.coordinates) }, 2e9);
  }
  for (const c of cities) {
    add({ key: `city:${c.name}:${c.lon},${c.lat}`, name: c.name, detail: `City · ${c.country}`, kind: 'city', featureId: null, box: [c.lon, c.lat, c.lon, c.lat] }, c.pop);
  }
  return { entries };
}

/**
 * Places matching `query`, best first: whole name, then name start, then a word start, then anywhere;
 * within a rank nodes before areas before cities (larger first). Every word of the query must match.
 * @example searchPlaces(index, 'khasan').map((h) => h.name) // ['Khasan station', …]
 */
export function searchPlaces(index: PlaceIndex, query: string, limit = 8): PlaceHit[] {
  const q = fold(query);
  if (!q) return [];
  const terms = q.split(' ');
  const scored: { e: Entry; rank: number }[] = [];
  for (const e of index.entries) {
    if (!terms.every((t) => e.folded.includes(t))) continue;
    const rank = e.folded === q ? 0 : e.folded.startsWith(q) ? 1 : terms.every((t) => e.words.some((w) => w.startsWith(t))) ? 2 : 3;
    scored.push({ e, rank });
  }
  scored.sort((a, b) => a.rank - b.rank || b.e.weight - a.e.weight || (a.e.hit.name < b.e.hit.name ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.e.hit);
}
