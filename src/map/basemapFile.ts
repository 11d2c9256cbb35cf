/**
 * The basemap file (Natural Earth 1:50m from `world-atlas`, a static asset of the build on the app's own
 * origin), fetched once. The page asks for it before anything else, so it is in — and handed to MapLibre,
 * whose worker cuts it into tiles — before deck.gl's first frame, which under software WebGL holds the
 * main thread for up to a second.
 */
import type { Topology } from 'topojson-specification';
import countriesUrl from 'world-atlas/countries-50m.json?url';

let pending: Promise<Topology> | null = null;

/** The basemap topology; the same promise for every caller. */
export function basemapTopology(): Promise<Topology> {
  pending ??= fetch(countriesUrl).then((r) => {
    if (!r.ok) throw new Error(`HTTP ${r.status}`);
    return r.json() as Promise<Topology>;
  });
  return pending;
}
