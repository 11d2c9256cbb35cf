/**
 * File formats: GeoJSON/CSV/KML export, and import of tables (ours, kepler.gl's, spreadsheets',
 * ACLED's) and GeoJSON (ours, QGIS's, GDAL's), one module per format in `formats/`. Pure; imports
 * only `src/domain` (and npm packages). Heavy imports run in a worker (`src/state/import/worker.ts`).
 */
export { exportGeoJSON, type ExportHeader } from './geojsonExport';
export { exportFileName, type ExportMeta, type JsonValue } from './exportMeta';
export { toCSV, csvCell, type CsvCell, type CsvColumn } from './csvExport';
export { toKML } from './kmlExport';
export { parseCSVImport } from './csvImport';
export { parseGeoJSONImport } from './formats/geojson';
export { FIELD_ALIASES } from './importFields';
export type { ImportOptions, ImportResult, Place, ReadAs } from './importTypes';
export { summariseProblems, type ImportProblem } from './problems';
export { checkResult, detectFormat, runImport, type ImportMessage, type ImportRequest } from './runImport';
export { readStoredBatch, type StoredBatch } from './storedBatch';
export { reportKey } from './reportKey';
export { ACLED_CATEGORIES, ACLED_GENERAL, ACLED_DEFAULT_CONFIDENCE } from './formats/acled';
