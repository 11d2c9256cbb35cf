/**
 * The coverage of what is loaded: the union of each sighting set's span. The bundled set takes the
 * coverage its file declares (geodata/sightings.geojson `coverage`); a set that declares none (an
 * imported file, synthetic data) covers the days from its first report to its last.
 */
import type { DataCoverage } from '../domain/schemas';
import { declaredSpans, spanOfDays, unionCoverage, type CoverageSpan } from '../metrics/coverage';
import type { SightingSet } from './sightingSets';

/**
 * @param bundled the bundled data's declared coverage (`Geodata.coverage`), if any
 * @example coverageOfSets([bundledSet], { from: '2023-07', to: '2025-12' }) // one span, 2023-07-01 … 2025-12-31
 */
export function coverageOfSets(sets: readonly SightingSet[], bundled?: DataCoverage): CoverageSpan[] {
  return unionCoverage(
    sets.map((set) => {
      const declared = set.coverage ?? (set.key === 'bundled' ? bundled : undefined);
      return declared ? declaredSpans(declared) : spanOfDays(set.columns.day);
    }),
  );
}
