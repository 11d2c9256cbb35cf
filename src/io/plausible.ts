/**
 * Plausibility checks for imported reports, said row by row in the review (the report is still
 * imported; the analyst decides): dates far outside the period anyone reports on, and positions that
 * look like swapped latitude/longitude — in the sea where the other reading is on land, far from the
 * named place where the other reading is near it, or far from every known place where the other
 * reading is next to one. Pure: today, the places and the land mask come in as arguments.
 */
import { dateToDay } from '../domain/dates';
import { landNear, type LandMask } from './landMask';
import type { Place } from './importTypes';

/** Earliest plausible report date. */
export const EARLIEST_PLAUSIBLE = '2000-01-01';

/**
 * A remark for a date before 2000 or more than a year after today, or null.
 * @example plausibleDate('1800-01-01', '2026-12-01') // 'date 1800-01-01 is before 2000: check it'
 */
export function plausibleDate(date: string, today: string): string | null {
  const day = dateToDay(date.length === 7 ? `${date}-01` : date);
  if (day < dateToDay(EARLIEST_PLAUSIBLE)) return `date ${date} is before 2000: check it`;
  if (day > dateToDay(today) + 366) return `date ${date} is more than a year after today (${today}): check it`;
  return null;
}

/** Great-circle distance, km (haversine on a 6,371 km sphere). */
export function distanceKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lon2 - lon1) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** A report this far from its named place is odd. */
export const FAR_FROM_PLACE_KM = 150;
/** The swapped reading counts as "at" a place within this distance. */
const NEAR_KM = 60;
/** A report this far from every known place, whose swapped reading is at one, is likely swapped. */
const FAR_FROM_ALL_KM = 600;

const nearest = (places: readonly Place[], lon: number, lat: number) => {
  let best = Infinity;
  for (const p of places) best = Math.min(best, distanceKm(lon, lat, p.lon, p.lat));
  return best;
};
/** Whether any place lies within `km` (stops at the first: most reports are near one). */
const anyWithin = (places: readonly Place[], lon: number, lat: number, km: number) => places.some((p) => distanceKm(lon, lat, p.lon, p.lat) <= km);
const fmtKm = (km: number) => `${Math.round(km).toLocaleString('en-GB')} km`;
const swappedNote = (lon: number, lat: number) => `latitude and longitude may be swapped (the other way round: latitude ${lat}, longitude ${lon})`;

/**
 * A remark when a position looks wrong, or null. Only a swapped reading that fits better is called
 * "swapped"; a place far off without that is said as distance.
 * @example checkPosition(55.75, 37.62, undefined, { places: [moscow] }) // '… may be swapped …'
 */
export function checkPosition(
  lon: number,
  lat: number,
  placeId: string | undefined,
  ctx: { places?: readonly Place[]; land?: LandMask },
): string | null {
  const places = ctx.places ?? [];
  const swappable = Math.abs(lon) <= 90;
  const [sLon, sLat] = [lat, lon];
  const place = placeId === undefined ? undefined : places.find((p) => p.id === placeId);
  if (place) {
    const km = distanceKm(lon, lat, place.lon, place.lat);
    if (km <= FAR_FROM_PLACE_KM) return null;
    if (swappable && distanceKm(sLon, sLat, place.lon, place.lat) <= NEAR_KM) return `${fmtKm(km)} from its place ${place.name}: ${swappedNote(sLon, sLat)}`;
    return `${fmtKm(km)} from its place ${place.name}: check the position`;
  }
  if (ctx.land && !landNear(ctx.land, lon, lat) && swappable && landNear(ctx.land, sLon, sLat, 0)) return `lands in the sea: ${swappedNote(sLon, sLat)}`;
  if (swappable && places.length && !anyWithin(places, lon, lat, FAR_FROM_ALL_KM) && anyWithin(places, sLon, sLat, NEAR_KM)) {
    return `${fmtKm(nearest(places, lon, lat))} from every known place: ${swappedNote(sLon, sLat)}`;
  }
  return null;
}
