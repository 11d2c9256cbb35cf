/**
 * The span the bundled reports cover, declared here (source and rule: geodata/README.md, "Coverage").
 * A geodata file may also declare its own (`coverage` member of sightings.geojson, read by the loader);
 * that declaration wins. Keep this in step with the data: a unit test fails when a bundled report falls
 * outside it.
 */
import type { DataCoverage } from './schemas';

export const BUNDLED_COVERAGE: DataCoverage = Object.freeze({
  from: '2023-07',
  to: '2025-12',
  note: 'The collection starts with July 2023 (Shoigu in Pyongyang, s-001) and runs to December 2025; earlier reports were not collected.',
});
