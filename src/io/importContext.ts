/** Setting up one import run: the batch tag, the source registry and the checks shared by its records. */
import type { Source } from '../domain/schemas';
import type { DecimalMark } from './coordinates';
import type { DateOrder } from './dates';
import type { ImportOptions, ImportResult, ReadAs, RecordContext } from './importTypes';
import { checkPosition } from './plausible';
import { SourceRegistry } from './importSources';
import { shortHash } from './text';

/**
 * The batch tag: `opts.batch` when valid, else a hash of the text's length and first 64 KB — the same
 * file gives the same ids under any name (so importing it again is recognised), two files differ.
 */
export function importBatch(text: string, opts: ImportOptions): string {
  if (opts.batch && /^[a-z0-9]{1,12}$/.test(opts.batch)) return opts.batch;
  return shortHash(`${text.length}\u0000${text.slice(0, 65536)}`);
}

/** The sources the caller knows (bundled and imported), by id: older exports cite them by id only. */
export function knownSources(opts: ImportOptions): ReadonlyMap<string, Source> {
  return new Map((opts.knownSources ?? []).map((s) => [s.id, s]));
}

/** Today's UTC day. */
const utcToday = () => new Date().toISOString().slice(0, 10);

/** A fresh context for one run. */
export function createContext(text: string, opts: ImportOptions, read: { decimal?: DecimalMark; dateOrder?: DateOrder } = {}): RecordContext {
  const batch = importBatch(text, opts);
  const byName = new Map<string, string>();
  const add = (name: string, id: string) => {
    const key = name.trim().toLowerCase();
    if (key && !byName.has(key)) byName.set(key, id);
  };
  // Full names first; then the name before a bracket ("Plekhovo (Plyokhovo)" → "Plekhovo") and the
  // bracketed alias ("Plyokhovo"), so a file's plain place name finds the node — only where one node
  // has that short name ("Moscow" names two stations: it finds neither).
  const places = opts.places ?? [];
  for (const p of places) add(p.name, p.id);
  const short = new Map<string, string[]>();
  for (const p of places) {
    const m = /^([^(]+)\(([^)]+)\)/.exec(p.name.slice(0, 200));
    for (const name of m ? [m[1]!, m[2]!] : []) {
      const key = name.trim().toLowerCase();
      short.set(key, [...(short.get(key) ?? []), p.id]);
    }
  }
  for (const [name, ids] of short) if (ids.length === 1) add(name, ids[0]!);
  const today = opts.today && /^\d{4}-\d{2}-\d{2}$/.test(opts.today) ? opts.today : utcToday();
  return {
    batch,
    opts,
    sources: new SourceRegistry(batch, opts.sourceKind ?? 'media'),
    known: knownSources(opts),
    decimal: read.decimal ?? 'point',
    dateOrder: read.dateOrder ?? opts.dateOrder ?? 'dmy',
    forms: new Map(),
    problems: [],
    remarks: [],
    today,
    placeIdOf: (name) => (name === undefined ? undefined : byName.get(name.slice(0, 200).toLowerCase())),
    checkPosition: (lon, lat, placeId) => checkPosition(lon, lat, placeId, opts),
  };
}

/**
 * The result of a run: features, the sources they cite, problems and remarks, and how it was read.
 * Remarks about one row are kept in row order, after any file-wide remark.
 */
export function finish(ctx: RecordContext, features: ImportResult['features'], total: number, readAs: ReadAs, fileIds: (string | null)[]): ImportResult {
  return { features, sources: ctx.sources.list(), problems: ctx.problems, remarks: ctx.remarks, total, readAs, fileIds };
}
