/**
 * The import pipeline, in one place: a file is read and reviewed (`job.ts`, `review.ts`), parsed in
 * the import worker (`worker.ts`, with `delivery.ts` on its side and `client.ts` on the page's),
 * matched against what is loaded (`matching.ts`), appended to the imported set (`importedSet.ts`,
 * `commit.ts`) and saved in IndexedDB (`persistence.ts`); saved files come back at start-up
 * (`restore.ts`). The formats themselves are pure modules in `src/io`.
 */
export * from './job';
export { removeImports, restoreImports, linkHadImports } from './restore';
export { commitImport, type Prepared } from './commit';
export { countsLine, outsideWindow, windowLine } from './review';
export { STORAGE_KEY, parseStored } from './persistence';
export { mergeImported } from './importedSet';
export type { Matching, Clash } from './matching';
