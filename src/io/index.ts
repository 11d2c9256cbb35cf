/**
 * File formats, one per file: GeoJSON/CSV/KML export and GeoJSON/CSV import. Pure; imports only
 * `src/domain` (and npm packages). Heavy imports run in a worker (`src/state/importSetWorker.ts`).
 */
export { exportGeoJSON, type ExportHeader } from './geojsonExport';
export { exportFileName, type ExportMeta, type JsonValue } from './exportMeta';
export { toCSV, csvCell, type CsvCell, type CsvColumn } from './csvExport';
export { toKML } from './kmlExport';
export { parseCSVImport } from './csvImport';
export { parseGeoJSONImport } from './geojsonImport';
export { FIELD_ALIASES } from './importFields';
export type { ImportOptions, ImportResult } from './importRecord';
export { summariseProblems, type ImportProblem } from './problems';
export { detectFormat, runImport, type ImportMessage, type ImportRequest } from './runImport';
export { readStoredBatch, type StoredBatch } from './storedBatch';
