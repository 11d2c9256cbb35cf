/**
 * The geodata bundled with the app. Files are imported as raw text (Vite `import.meta.glob` with
 * `?raw`, which vitest supports too), parsed here and validated by `loadGeodata()`.
 */
import { loadGeodata, type GeodataFiles } from './load';
import type { GeodataError, LoadResult } from './types';
import { GEODATA_FILES, parseJsonText } from './files';

export { GEODATA_FILES, parseJsonText };

const RAW = import.meta.glob<string>(['../../geodata/*.geojson', '../../geodata/sources.json'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** Raw file texts by file name (e.g. `nodes.geojson`), for export or display. */
export function bundledGeodataTexts(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, text] of Object.entries(RAW)) out[path.slice(path.lastIndexOf('/') + 1)] = text;
  return out;
}

/**
 * Load and validate the geodata shipped in `geodata/`. Never throws; JSON syntax errors are reported like
 * any other error.
 * @example const { ok, data } = loadBundledGeodata();
 */
export function loadBundledGeodata(): LoadResult {
  const texts = bundledGeodataTexts();
  const jsonErrors: GeodataError[] = [];
  const files = Object.fromEntries(
    (Object.keys(GEODATA_FILES) as (keyof GeodataFiles)[]).map((k) => [
      k,
      parseJsonText(GEODATA_FILES[k], texts[GEODATA_FILES[k]], jsonErrors),
    ]),
  ) as unknown as GeodataFiles;
  const result = loadGeodata(files);
  if (jsonErrors.length === 0) return result;
  const errors = [...jsonErrors, ...(result.ok ? [] : result.errors)];
  return { ok: false, errors, data: result.data, warnings: result.warnings };
}
