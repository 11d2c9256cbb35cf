/**
 * Start-up: fetch the geodata files (static assets of the build, same origin), validate them once and
 * put them in the store. A broken file or feature never blanks the app: whatever validated is shown,
 * with a notice naming the problems.
 */
import { loadGeodata, type GeodataFiles } from '../domain/load';
import { GEODATA_FILES, parseJsonText } from '../domain/files';
import type { GeodataError } from '../domain/types';
import { dataVersion } from '../domain/release';
import { actions } from './store';
import { makeSet } from './sightingSets';
import { dataWindow } from './timeDomain';

const URLS = import.meta.glob<string>(['../../geodata/*.geojson', '../../geodata/sources.json'], {
  query: '?url',
  import: 'default',
  eager: true,
});
const urlOf = (file: string) => Object.entries(URLS).find(([path]) => path.endsWith(`/${file}`))?.[1];

/** The build's URL of a bundled geodata file (e.g. `nodes.geojson`), relative to the page. */
export function geodataUrl(file: string): string {
  const url = urlOf(file);
  if (!url) throw new Error(`${file} is not a bundled geodata file`);
  return url;
}

async function fetchText(file: string): Promise<string | undefined> {
  const url = urlOf(file);
  if (!url) return undefined;
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${file}: HTTP ${r.status}`);
  return r.text();
}

let loadedFiles: GeodataFiles | null = null;

/** The bundled files as fetched and parsed (not validated): what release manifests hash. Null before loading. */
export const bundledFiles = (): GeodataFiles | null => loadedFiles;

/**
 * Loads the bundled geodata into the store; returns the data version (a short hash of the files).
 * `windowFromData`: no link named the view, so the window opens on the months the reports cover.
 */
export async function loadBundled(opts: { windowFromData: boolean } = { windowFromData: false }): Promise<string> {
  const keys = Object.keys(GEODATA_FILES) as (keyof GeodataFiles)[];
  const errors: GeodataError[] = [];
  const texts = await Promise.all(
    keys.map((k) =>
      fetchText(GEODATA_FILES[k]).catch((e: unknown) => {
        errors.push({ file: GEODATA_FILES[k], feature: '(file)', field: '', message: e instanceof Error ? e.message : String(e) });
        return undefined;
      }),
    ),
  );
  const files = Object.fromEntries(keys.map((k, i) => [k, texts[i] === undefined ? undefined : parseJsonText(GEODATA_FILES[k], texts[i], errors)])) as unknown as GeodataFiles;
  loadedFiles = files;
  const result = loadGeodata(files);
  const problems = [...errors, ...(result.ok ? [] : result.errors)];
  actions.setData(result.data, problems, [makeSet('bundled', result.data.sightings, result.data.sources)]);
  const span = opts.windowFromData ? dataWindow(result.data.sightings.map((f) => f.properties)) : null;
  if (span) actions.setFilters(span);
  if (problems.length) {
    actions.notify(
      'error',
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in the bundled geodata; the features affected are left out.`,
      problems.slice(0, 20).map((e) => `${e.file} · ${e.feature} · ${e.field}: ${e.message}`),
    );
  }
  return dataVersion(Object.fromEntries(keys.map((k, i) => [k, texts[i]])));
}
