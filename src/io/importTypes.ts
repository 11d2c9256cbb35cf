/** The shapes every import format shares: its options, its result, and the state of one run. */
import type { Category, Confidence, SightingFeature, Source, SourceKind } from '../domain/schemas';
import type { DecimalMark } from './coordinates';
import type { DateForm, DateOrder } from './dates';
import type { LandMask } from './landMask';
import type { ImportProblem } from './problems';
import type { SourceRegistry } from './importSources';
import type { SavedView } from './analysisFile';

/** A named place reports may be near (the bundled nodes): for `place` names and the position check. */
export interface Place {
  id: string;
  name: string;
  lon: number;
  lat: number;
}

/** Options of every import format. File-wide choices the review offers are `confidence` and `dateOrder`. */
export interface ImportOptions {
  /** File name, used in the default batch tag. */
  name?: string;
  /** Tag in every id (`imp-<batch>-<row>`), `[a-z0-9]{1,12}`; default: a hash of the file name and text. */
  batch?: string;
  /** Used when a row's category is missing or unknown; without it such a row is a problem. */
  defaultCategory?: Category;
  /** Used when a row's confidence is missing or unknown; without it such a row is a problem. */
  defaultConfidence?: Confidence;
  /** Confidence for every report of a file that has none (ACLED); default `moderate`, said in the review. */
  confidence?: Confidence;
  /** How `05/11/2024` is read when the file itself does not decide it; default day first. */
  dateOrder?: DateOrder;
  /** Used as the source text when a row gives none; without it such a row is a problem. */
  defaultSource?: string;
  /** Location precision when a row gives none (default `settlement`: imported points are rarely surveyed). */
  location?: 'exact' | 'settlement' | 'region';
  /** Kind of the sources an import creates when the file does not say (default `media`). */
  sourceKind?: SourceKind;
  /** Today (`YYYY-MM-DD`), for the "more than a year ahead" remark; default: the clock's UTC day. */
  today?: string;
  /** Named places (the bundled nodes) for `place` names and the swapped-coordinates check. */
  places?: readonly Place[];
  /** Sources already loaded (bundled and imported): an older export cites them by id only. */
  knownSources?: readonly Source[];
  /** Land cells (`buildLandMask`) for the "lands in the sea" check; without it that check is skipped. */
  land?: LandMask;
  /** Called every `progressEvery` records with (records done, total or estimate). */
  onProgress?: (done: number, total: number) => void;
  /** Default 10,000. */
  progressEvery?: number;
}

/** How a file was read, as the review says it: "Read as an ACLED export: 40 rows". */
export interface ReadAs {
  format: 'acled' | 'table' | 'geojson';
  /** "an ACLED export", "a kepler.gl table", "a table of reports", "a QGIS layer", "GeoJSON". */
  label: string;
  /** Lines on the dialect and readings: separator, decimal commas, date forms, crs, Z values. */
  notes: string[];
  /** File-wide choices in force, for the review to offer: the value used and whether it was the default. */
  choices: { confidence?: { value: Confidence; stated: boolean }; dateOrder?: { value: DateOrder; decided: boolean } };
}

/** What an import returns. `total` counts the records read (blank CSV lines excluded). */
export interface ImportResult {
  features: SightingFeature[];
  sources: Source[];
  /** Records left out, with why (row 0: the file as a whole). */
  problems: ImportProblem[];
  /** Oddities of imported records: implausible dates, likely swapped coordinates, repeated ids. */
  remarks: ImportProblem[];
  total: number;
  readAs?: ReadAs;
  /** For each feature, the id the file gave it (`s-001` from our own export), or null: for matching loaded reports. */
  fileIds?: (string | null)[];
  /** The view the file was saved with (our analysis files and GeoJSON exports), to offer to open it. */
  saved?: SavedView;
}

/** Shared state of one import run. */
export interface RecordContext {
  batch: string;
  opts: ImportOptions;
  sources: SourceRegistry;
  /** `opts.knownSources` by id. */
  known: ReadonlyMap<string, Source>;
  decimal: DecimalMark;
  dateOrder: DateOrder;
  /** How many dates were read in each form. */
  forms: Map<DateForm, number>;
  problems: ImportProblem[];
  remarks: ImportProblem[];
  /** Today as `YYYY-MM-DD`. */
  today: string;
  /** The place id for a place name (a node's name, any case), or undefined. */
  placeIdOf: (name: string | undefined) => string | undefined;
  /** A remark when a position looks wrong (in the sea, far from its place, swapped), or null. */
  checkPosition: (lon: number, lat: number, placeId: string | undefined) => string | null;
}
