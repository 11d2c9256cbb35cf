/**
 * The import pipeline, in one place: a file is read (`job.ts`), parsed in the import worker
 * (`worker.ts`, `delivery.ts` on its side, `client.ts` on the page's), reviewed, matched against what
 * is loaded (`matching.ts`), appended to the imported set (`importedSet.ts`) and saved in IndexedDB
 * (`persistence.ts`); saved files come back at start-up (`restore.ts`). The formats themselves are
 * pure modules in `src/io`.
 */
export * from './job';
