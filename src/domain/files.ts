/**
 * Which file in geodata/ feeds which part of the data, and a JSON parse that reports instead of
 * throwing. Kept apart from the bundled loader so code that fetches the files does not also embed them.
 */
import type { GeodataFiles } from './load';
import type { GeodataError } from './types';

/** Which file in geodata/ feeds which part of `GeodataFiles`. */
export const GEODATA_FILES: Record<keyof GeodataFiles, string> = {
  nodes: 'nodes.geojson',
  rail: 'rail-routes.geojson',
  sea: 'sea-routes.geojson',
  areas: 'areas.geojson',
  sightings: 'sightings.geojson',
  sources: 'sources.json',
};

/** JSON.parse that reports instead of throwing. */
export function parseJsonText(file: string, text: string | undefined, errors: GeodataError[]): unknown {
  if (text === undefined) {
    errors.push({ file, feature: '(file)', field: '', message: 'file not found in geodata/' });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    errors.push({ file, feature: '(file)', field: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
    return undefined;
  }
}
