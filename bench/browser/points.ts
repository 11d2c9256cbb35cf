/**
 * The bare page's points as GPU-ready arrays: the bundled sightings first, then `n` synthetic points from
 * the app's generator (same seed, same distribution), coloured by category, filtered by day.
 */
import { generateSynthetic } from '../../src/state/syntheticData';
import type { NodeFeature, RouteFeature } from '../../src/domain/schemas';

export interface PointsRequest {
  n: number;
  seed: number;
  sightingsUrl: string;
  routeUrls: string[];
  nodesUrl: string;
}

export interface PointArrays {
  length: number;
  positions: Float32Array;
  colours: Uint8Array;
  days: Float32Array;
  minDay: number;
  maxDay: number;
}

/** Thirteen category colours (any qualitative palette: the bare page only has to draw them). */
const PALETTE = [
  [214, 96, 0], [178, 24, 43], [27, 120, 55], [118, 42, 131], [33, 102, 172], [140, 81, 10], [1, 133, 113],
  [197, 27, 125], [84, 39, 136], [77, 146, 33], [90, 90, 90], [230, 171, 2], [102, 166, 30],
];

type Fc<T> = { features: T[] };
const get = <T>(url: string) => fetch(url).then((r) => r.json() as Promise<Fc<T>>);
const dayOf = (iso: string) => Date.parse(`${iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`) / 86_400_000;

export async function pointsOf(req: PointsRequest): Promise<PointArrays> {
  type S = { geometry: { coordinates: number[] }; properties: { date: string } };
  const sightings = (await get<S>(req.sightingsUrl)).features;
  const syn =
    req.n > 0
      ? generateSynthetic({
          n: req.n,
          seed: req.seed,
          routes: (await Promise.all(req.routeUrls.map((u) => get<RouteFeature>(u)))).flatMap((fc) => fc.features),
          nodes: (await get<NodeFeature>(req.nodesUrl)).features,
        })
      : null;
  const m = sightings.length;
  const length = m + req.n;
  const positions = new Float32Array(length * 2);
  const colours = new Uint8Array(length * 4);
  const days = new Float32Array(length);
  let minDay = Infinity;
  let maxDay = -Infinity;
  const put = (i: number, lon: number, lat: number, day: number, cat: number) => {
    positions[2 * i] = lon;
    positions[2 * i + 1] = lat;
    const c = PALETTE[cat % PALETTE.length]!;
    colours[4 * i] = c[0]!;
    colours[4 * i + 1] = c[1]!;
    colours[4 * i + 2] = c[2]!;
    colours[4 * i + 3] = 255;
    days[i] = day;
    if (day < minDay) minDay = day;
    if (day > maxDay) maxDay = day;
  };
  sightings.forEach((s, i) => put(i, s.geometry.coordinates[0]!, s.geometry.coordinates[1]!, dayOf(s.properties.date), i));
  if (syn) for (let i = 0; i < req.n; i++) put(m + i, syn.lon[i]!, syn.lat[i]!, syn.day[i]!, syn.category[i]!);
  return { length, positions, colours, days, minDay, maxDay };
}
