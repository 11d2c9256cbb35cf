/**
 * Deterministic synthetic sightings for benchmarks and the equivalence test. Pure: the same options
 * give the same data. Points cluster along the routes (so corridors get members and many fall near
 * corridor edges), around nodes, plus a uniform background. The app runs it only on the explicit
 * benchmark URL `?synthetic=N`, in a worker (syntheticWorker.ts); `npm run gen:synthetic` and the
 * benchmarks import it too. No synthetic data ships.
 */
import { CATEGORIES, SOURCE_KINDS, type NodeFeature, type RouteFeature, type SightingFeature, type Source } from '../domain/schemas';
import { dateToDay, dayToIso } from '../domain/dates';
import { allocColumns, CONFIDENCES, QUANTITY_UNITS, NO_UNIT, type Columns } from '../metrics/columns';
import { cumulativeKm } from '../metrics/corridors';
import { sequentialIds, type SequentialIds } from '../metrics/idList';

/** mulberry32: a small, fast, seeded 32-bit PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticOptions {
  n: number;
  seed: number;
  routes: readonly RouteFeature[];
  nodes?: readonly NodeFeature[];
  /** Share of points along routes, around nodes; the rest is background. */
  routeShare?: number;
  nodeShare?: number;
  /** Standard deviation of the offset from a route, km. */
  sigmaKm?: number;
}

export const SYNTHETIC_FROM = '2023-07-01';
export const SYNTHETIC_TO = '2025-12-31';
const LOCATIONS = ['exact', 'settlement', 'region'] as const;

/** One source per source kind, so synthetic sightings cite valid ids. */
export const SYNTHETIC_SOURCES: Source[] = SOURCE_KINDS.map((kind) => ({
  id: `syn-src-${kind}`,
  publisher: 'Synthetic',
  title: `Synthetic ${kind} source`,
  kind,
}));

/** Synthetic ids: `syn-000001`, 1-based, zero-padded to six digits. */
export const syntheticIdList = (count: number): SequentialIds => ({ prefix: 'syn-', pad: 6, count });

/**
 * Generate `n` synthetic sightings as columns (ids `syn-000001`…, made on read: no string per point).
 * @example generateSynthetic({ n: 10_000, seed: 1, routes }).lon.length // 10000
 */
export function generateSynthetic(opts: SyntheticOptions): Columns & { location: Uint8Array } {
  const { n, seed, routes } = opts;
  const nodes = opts.nodes ?? [];
  const routeShare = opts.routeShare ?? 0.65;
  const nodeShare = nodes.length ? (opts.nodeShare ?? 0.1) : 0;
  const sigmaKm = opts.sigmaKm ?? 20;
  const rnd = mulberry32(seed);
  const gauss = () => {
    const u = 1 - rnd();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  const cols = { ...allocColumns(n, []), ids: sequentialIds(syntheticIdList(n)) };
  const location = new Uint8Array(n);
  // Routes weighted by length; positions uniform along each route's length.
  const lines = routes.map((r) => r.geometry.coordinates);
  const kms = lines.map((l) => cumulativeKm(l));
  const lens = kms.map((k) => k[k.length - 1]!);
  const total = lens.reduce((a, b) => a + b, 0);
  let minX = 180, minY = 90, maxX = -180, maxY = -90;
  for (const l of lines) for (const p of l) {
    minX = Math.min(minX, p[0]!); maxX = Math.max(maxX, p[0]!);
    minY = Math.min(minY, p[1]!); maxY = Math.max(maxY, p[1]!);
  }
  minX -= 3; minY -= 3; maxX += 3; maxY += 3;
  const d0 = dateToDay(SYNTHETIC_FROM);
  const days = dateToDay(SYNTHETIC_TO) - d0 + 1;
  for (let i = 0; i < n; i++) {
    const u = rnd();
    let x: number, y: number;
    if (u < routeShare && total > 0) {
      let t = rnd() * total;
      let r = 0;
      while (r < lens.length - 1 && t > lens[r]!) t -= lens[r++]!;
      const km = kms[r]!, line = lines[r]!;
      let s = 1;
      while (s < km.length - 1 && km[s]! < t) s++;
      const a = line[s - 1]!, b = line[s]!;
      const f = km[s]! > km[s - 1]! ? (t - km[s - 1]!) / (km[s]! - km[s - 1]!) : 0;
      const cx = a[0]! + (b[0]! - a[0]!) * f;
      const cy = a[1]! + (b[1]! - a[1]!) * f;
      const cos = Math.cos((cy * Math.PI) / 180);
      // Unit normal in a local km frame.
      const ex = (b[0]! - a[0]!) * cos, ey = b[1]! - a[1]!;
      const el = Math.hypot(ex, ey) || 1;
      const off = gauss() * sigmaKm;
      x = cx + ((-ey / el) * off) / (111.195 * cos);
      y = cy + ((ex / el) * off) / 111.195;
    } else if (u < routeShare + nodeShare) {
      const c = nodes[Math.floor(rnd() * nodes.length)]!.geometry.coordinates;
      const cos = Math.cos((c[1]! * Math.PI) / 180);
      x = c[0]! + (gauss() * 15) / (111.195 * cos);
      y = c[1]! + (gauss() * 15) / 111.195;
    } else {
      x = minX + rnd() * (maxX - minX);
      y = minY + rnd() * (maxY - minY);
    }
    cols.lon[i] = round6(Math.max(-180, Math.min(180, x)));
    cols.lat[i] = round6(Math.max(-90, Math.min(90, y)));
    cols.day[i] = d0 + Math.floor(rnd() * days);
    cols.category[i] = Math.floor(rnd() * CATEGORIES.length);
    const c = rnd();
    cols.confidence[i] = c < 0.3 ? 0 : c < 0.75 ? 1 : 2;
    location[i] = Math.floor(rnd() * LOCATIONS.length);
    let mask = 1 << Math.floor(rnd() * SOURCE_KINDS.length);
    if (rnd() < 0.25) mask |= 1 << Math.floor(rnd() * SOURCE_KINDS.length);
    cols.sourceMask[i] = mask;
    cols.sourceCount[i] = popcount(mask);
    if (rnd() < 0.1) {
      cols.qtyUnit[i] = Math.floor(rnd() * QUANTITY_UNITS.length);
      cols.qtyValue[i] = 1 + Math.floor(rnd() * 100);
    }
  }
  return { ...cols, location };
}

function popcount(m: number): number {
  let c = 0;
  for (; m; m &= m - 1) c++;
  return c;
}

/** The i-th synthetic sighting as a GeoJSON feature valid per `SightingFeature`. */
export function syntheticFeature(cols: Columns & { location: Uint8Array }, i: number): SightingFeature {
  const sources: string[] = [];
  SOURCE_KINDS.forEach((k, b) => { if (cols.sourceMask[i]! & (1 << b)) sources.push(`syn-src-${k}`); });
  const category = CATEGORIES[cols.category[i]!]!;
  const unit = cols.qtyUnit[i]!;
  return {
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [cols.lon[i]!, cols.lat[i]!] },
    properties: {
      id: cols.ids[i]!,
      name: `Synthetic ${category} ${i + 1}`,
      date: dayToIso(cols.day[i]!),
      category,
      summary: 'Synthetic sighting for benchmarking.',
      confidence: CONFIDENCES[cols.confidence[i]!]!,
      location: LOCATIONS[cols.location[i]!]!,
      sources,
      synthetic: true,
      ...(unit !== NO_UNIT ? { quantity: { value: cols.qtyValue[i]!, unit: QUANTITY_UNITS[unit]! } } : {}),
    },
  };
}

function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
