/**
 * Accepting a reviewed file: the new reports (and the file's version of any clash the analyst chose,
 * under an id of its own) join the imported set, are saved, and a notice says what happened.
 */
import type { SightingFeature } from '../../domain/schemas';
import type { ImportResult } from '../../io/importTypes';
import { appendParts, buildSetParts, subsetParts, type SetParts } from '../setParts';
import { actions, useStore } from '../store';
import { appendImported, importedSet } from './importedSet';
import { dropBatch, listBatch, saveHere } from './persistence';
import { separateId, type Matching } from './matching';
import { saveOwnReports } from '../own/reports';

/** What the worker built for a file beside its features: set parts, and whether it saved the reports. */
export interface Prepared {
  parts: SetParts;
  saved: Promise<boolean>;
  /** The IndexedDB key the worker saved under. */
  key: string;
}

const fmt = (n: number) => n.toLocaleString('en-GB');
const unsaved = () => actions.notify('warning', 'Imported reports could not be saved in this browser; they will be gone after a reload.');

/** The ids of every loaded report (bundled and imported). */
function loadedIds(): Set<string> {
  const ids = new Set<string>();
  for (const set of useStore.getState().sightingSets) for (const id of set.columns.ids) ids.add(id);
  return ids;
}

/**
 * Accept a parsed file: append its new reports (and the chosen clashes' versions), persist, and say
 * what happened. Returns how many reports were added.
 */
export async function commitImport(
  result: ImportResult,
  fileName: string,
  matching: Matching,
  takeClashes: readonly number[],
  prepared?: Prepared,
  about: { label?: string; batch?: string } = {},
): Promise<number> {
  const { label } = about;
  const taken = loadedIds();
  const chosen = new Set(takeClashes);
  const extra: SightingFeature[] = [];
  for (const c of matching.clashes) {
    if (!chosen.has(c.index)) continue;
    const id = separateId(c.incoming.properties.id, (x) => taken.has(x), about.batch ?? 'b');
    taken.add(id);
    extra.push({ ...c.incoming, id, properties: { ...c.incoming.properties, id } });
  }
  const fresh = matching.fresh.map((i) => result.features[i]!);
  const sources = new Map([...useStore.getState().importedSources, ...result.sources.map((s) => [s.id, s] as const)]);
  let parts: SetParts | undefined;
  if (prepared) {
    parts = fresh.length === result.features.length ? prepared.parts : subsetParts(prepared.parts, Uint32Array.from(matching.fresh));
    if (extra.length) parts = appendParts(parts, buildSetParts(extra, sources));
  }
  const kept = [...fresh, ...extra];
  const before = importedSet()?.columns.length ?? 0;
  if (kept.length) await appendImported({ ...result, features: kept }, parts);
  const added = (importedSet()?.columns.length ?? 0) - before;

  const left = new Set(result.problems.filter((p) => p.row > 0).map((p) => p.row)).size;
  const said = [`Imported ${fmt(added)} report${added === 1 ? '' : 's'} from ${fileName}${label ? ` (read as ${label})` : ''}`];
  if (matching.same) said.push(`${fmt(matching.same)} already loaded`);
  const declined = matching.clashes.length - extra.length;
  if (declined) said.push(`${fmt(declined)} kept as loaded`);
  if (extra.length) said.push(`${fmt(extra.length)} added beside the loaded one${extra.length === 1 ? '' : 's'}`);
  if (left) said.push(`${fmt(left)} left out`);
  actions.notify('info', `${said.join('; ')}.`);

  // An analyst's own reports (from an analysis file) are saved with the other own reports, so that
  // editing or removing one later changes the only saved copy.
  const own = kept.filter((f) => f.properties.own === true);
  const all = added === result.features.length && extra.length === 0 && own.length === 0;
  if (added === 0) {
    if (prepared) void prepared.saved.then((ok) => (ok ? dropBatch(prepared.key) : undefined));
    return 0;
  }
  try {
    if (prepared && all && (await prepared.saved)) await listBatch(prepared.key);
    else {
      if (prepared) void prepared.saved.then((ok) => (ok ? dropBatch(prepared.key) : undefined));
      const rest = own.length ? kept.filter((f) => f.properties.own !== true) : kept;
      if (rest.length) await saveHere(rest, result.sources, about.batch ?? 'page');
    }
  } catch {
    unsaved();
  }
  if (own.length) await saveOwnReports();
  return added;
}
