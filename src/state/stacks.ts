/**
 * Positions of the visible reports: many reports sit on one point (17 on the Kursk point, 14 at Rajin),
 * where one dot would hide all but one. Each position lists every report on it, so the map can show a
 * count, open the list on hover and click, step through positions from the keyboard, and the brief can
 * list the stacks. Pure and memoised on the visible sets.
 *
 *   visible sets ─ group by exact (lon, lat) ─▶ ReportPosition[] (west → east, then south → north)
 *                                                └ stacks: positions with ≥ 2 reports
 */
import type { Geodata } from '../domain/types';
import { sightingAt, type VisibleSet } from './derived';
import type { SightingSet } from './sightingSets';

/** Above this many visible reports, positions are not grouped (synthetic or huge imports: dots overlap anyway). */
export const STACKS_MAX_POINTS = 200_000;

/** One report at a position. */
export interface StackMember {
  set: SightingSet;
  index: number;
  id: string;
  day: number;
}

export interface ReportPosition {
  /** `lon,lat` as written: the key a stack is selected by. */
  key: string;
  lon: number;
  lat: number;
  /** Reports here, by date then id. */
  members: StackMember[];
}

/** The key of a position. @example positionKey(35.27, 51.19) // "35.27,51.19" */
export const positionKey = (lon: number, lat: number) => `${lon},${lat}`;

/**
 * Every position with a visible report, west to east (then south to north), its reports by date. Synthetic
 * sets are left out (not reports); above `STACKS_MAX_POINTS` visible reports the list is empty.
 * @example reportPositions(selectVisible(sets, filters, layers)).filter((p) => p.members.length > 1)
 */
export function reportPositions(visible: readonly VisibleSet[]): ReportPosition[] {
  const real = visible.filter((v) => v.set.key !== 'synthetic');
  if (real.reduce((n, v) => n + v.indices.length, 0) > STACKS_MAX_POINTS) return [];
  const byLon = new Map<number, Map<number, ReportPosition>>();
  const out: ReportPosition[] = [];
  for (const { set, indices } of real) {
    const { lon, lat, day, ids } = set.columns;
    for (const i of indices) {
      const x = lon[i]!, y = lat[i]!;
      let row = byLon.get(x);
      if (!row) byLon.set(x, (row = new Map()));
      let p = row.get(y);
      if (!p) {
        row.set(y, (p = { key: positionKey(x, y), lon: x, lat: y, members: [] }));
        out.push(p);
      }
      p.members.push({ set, index: i, id: ids[i]!, day: day[i]! });
    }
  }
  for (const p of out) p.members.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.sort((a, b) => a.lon - b.lon || a.lat - b.lat);
}

let memoIn: readonly VisibleSet[] | null = null;
let memoOut: ReportPosition[] = [];
/** `reportPositions`, memoised on the visible sets (selectVisible returns the same array while nothing changes). */
export function selectPositions(visible: readonly VisibleSet[]): ReportPosition[] {
  if (visible !== memoIn) {
    memoIn = visible;
    memoOut = reportPositions(visible);
  }
  return memoOut;
}

/** Positions holding more than one report. */
export const stacksOf = (positions: readonly ReportPosition[]) => positions.filter((p) => p.members.length > 1);

/**
 * A name for a position: the node or area most of its reports name as their `place`, else its
 * coordinates. @example positionName(p, data) // "Sudzha (Kursk combat area)" or "51.19° N, 35.27° E"
 */
export function positionName(p: ReportPosition, data: Geodata | null): string {
  const votes = new Map<string, number>();
  for (const m of p.members) {
    const place = sightingAt(m.set, m.index).properties.place;
    if (place) votes.set(place, (votes.get(place) ?? 0) + 1);
  }
  const best = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0];
  const name = best ? data?.byId.get(best)?.properties.name : undefined;
  if (name) return name;
  const ns = p.lat >= 0 ? 'N' : 'S', ew = p.lon >= 0 ? 'E' : 'W';
  return `${Math.abs(p.lat).toFixed(2)}° ${ns}, ${Math.abs(p.lon).toFixed(2)}° ${ew}`;
}

/** The position holding a report id, among `positions`. */
export function positionOf(positions: readonly ReportPosition[], id: string): ReportPosition | undefined {
  return positions.find((p) => p.members.some((m) => m.id === id));
}
