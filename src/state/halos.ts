/**
 * Halo data for the precision layer: one per position and precision among the visible reports that
 * place themselves only roughly (settlement, region), with the ground radius the precision stands for.
 * Pure, memoised on the positions.
 */
import type { Geodata } from '../domain/types';
import { REGION_RADIUS_KM } from '../metrics/precision-rule';
import { PRECISIONS } from '../metrics/columns';
import { sightingAt } from './derived';
import type { ReportPosition } from './stacks';

/** What a settlement-precise report may mean on the ground: a town or facility, km. */
export const SETTLEMENT_RADIUS_KM = 5;

export interface HaloDatum {
  position: [number, number];
  radiusKm: number;
  precision: 'settlement' | 'region';
}

/**
 * The radius of the circle with the same area as a polygon ring (lon/lat, km), in a local
 * equirectangular frame: the size an area-named region is drawn at.
 * @example equalAreaRadiusKm([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]) // ≈ 62.7 (111.2 km square)
 */
export function equalAreaRadiusKm(ring: readonly (readonly number[])[]): number {
  const lat0 = ring.reduce((a, p) => a + p[1]!, 0) / Math.max(1, ring.length);
  const kx = 111.195 * Math.cos((lat0 * Math.PI) / 180), ky = 111.195;
  let a2 = 0;
  for (let i = 0; i + 1 < ring.length; i++) a2 += ring[i]![0]! * kx * ring[i + 1]![1]! * ky - ring[i + 1]![0]! * kx * ring[i]![1]! * ky;
  return Math.sqrt(Math.abs(a2) / 2 / Math.PI);
}

/**
 * Halos for the positions' roughly placed reports; a region report naming an area gets that area's
 * equal-area radius, any other region report the rule's disc.
 */
export function halosOf(positions: readonly ReportPosition[], data: Geodata | null): HaloDatum[] {
  const out: HaloDatum[] = [];
  for (const p of positions) {
    const seen = new Set<string>();
    for (const m of p.members) {
      const prec = PRECISIONS[m.set.columns.precision[m.index]!];
      if (prec !== 'settlement' && prec !== 'region') continue;
      let radiusKm = SETTLEMENT_RADIUS_KM;
      if (prec === 'region') {
        const place = m.set.features ? sightingAt(m.set, m.index).properties.place : undefined;
        const area = place ? data?.areas.find((a) => a.properties.id === place) : undefined;
        radiusKm = area ? equalAreaRadiusKm(area.geometry.coordinates[0]!) : REGION_RADIUS_KM;
      }
      const key = `${prec}:${radiusKm}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ position: [p.lon, p.lat], radiusKm, precision: prec });
    }
  }
  return out;
}
