/** Setting up one import run: the batch tag and the source registry shared by its records. */
import type { ImportOptions, RecordContext } from './importRecord';
import { shortHash } from './importFields';
import { SourceRegistry } from './importSources';

/**
 * The batch tag: `opts.batch` when valid, else a hash of the file name, length and first 64 KB, so two
 * different files imported in one session get different ids.
 */
export function importBatch(text: string, opts: ImportOptions): string {
  if (opts.batch && /^[a-z0-9]{1,12}$/.test(opts.batch)) return opts.batch;
  return shortHash(`${opts.name ?? ''}\u0000${text.length}\u0000${text.slice(0, 65536)}`);
}

/** A fresh context for one run. */
export function createContext(text: string, opts: ImportOptions): RecordContext {
  const batch = importBatch(text, opts);
  return { batch, opts, sources: new SourceRegistry(batch, opts.sourceKind ?? 'media') };
}
