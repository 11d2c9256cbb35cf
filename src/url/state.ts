/**
 * The view as a permalink carries it: `UrlState`, its allow-lists, limits, defaults and zod schema.
 *
 * Only what is listed here goes into a link (kepler.gl-style allow-list). A valid `UrlState` is
 * canonical: list members are unique and in allow-list order (publishers sorted), so that
 * `decodeHash(encodeHash(s)).state` deep-equals `s`.
 *
 * The defaults are part of link format v1: keys equal to a default are left out of links, so changing a
 * default changes what old links mean and needs a new version with a migration.
 */
import { z } from '../domain/zod';
import { CATEGORIES, Category, Confidence, Id, LocationPrecision, SOURCE_KINDS, SourceKind } from '../domain/schemas';

/** Current link format version (`v=` in the hash). */
export const URL_VERSION = 1;

/** Map layers a link may switch on, in their canonical order. */
export const LAYER_IDS = [
  'rail',
  'sea',
  'nodes',
  'areas',
  'sightings',
  'labels',
  'corridors',
  'imported',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Location precisions in canonical order. */
export const PRECISIONS = ['exact', 'settlement', 'region'] as const;

/** Confidence words in canonical order (ICD 203). */
export const CONFIDENCES = ['high', 'moderate', 'low'] as const;

/** Tabs of the right-hand panel a link may open on, in canonical order (`details` is the default). */
export const PANEL_TABS = ['details', 'corridors', 'scenarios'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/**
 * Parts of a view a link may leave out because they do not fit in `MAX_HASH_CHARS` (see `fit.ts`):
 * the publisher filter and the search text, the only settings that can be long.
 */
export const CUT_PARTS = ['pub', 'q'] as const;
export type CutPart = (typeof CUT_PARTS)[number];

/** Scenario ids from `scenarios.json`. */
export const SCENARIO_IDS = ['S1', 'S2', 'S3', 'S4'] as const;
export type ScenarioId = (typeof SCENARIO_IDS)[number];

/** Limits a decoded link is held to. */
export const LIMITS = {
  /** Any real calendar day in this range is a valid window edge: links stay valid for decades. */
  dateMin: '1990-01-01',
  dateMax: '2100-12-31',
  widthKmMin: 5,
  widthKmMax: 100,
  queryMaxChars: 200,
  idMaxChars: 64,
  /** An analysis file's name, as a link names it (`af`). */
  fileNameMaxChars: 120,
  /** As long as an imported publisher may be (the import caps text at 300 characters). */
  publisherMaxChars: 300,
  /** Far more than any filter an analyst ticks; the 8 KB link cap is what really bounds the list. */
  publishersMax: 200,
  zoomMin: 0,
  zoomMax: 24,
  latMax: 85.0511,
  pitchMax: 85,
} as const;

/** Decimal places kept in links: zoom 2, lat/lon 4 (≈ 11 m), bearing/pitch 1. */
export const PRECISION = { zoom: 2, latLon: 4, bearingPitch: 1 } as const;

/** Map camera. Degrees, MapLibre conventions: bearing −180…180 clockwise from north, pitch 0…85. */
export interface UrlCamera {
  zoom: number;
  lat: number;
  lon: number;
  bearing: number;
  pitch: number;
}

/** Everything a permalink carries. Lists are sets in canonical order; `null` means "nothing selected". */
export interface UrlState {
  camera: UrlCamera;
  /** Visible layers. */
  layers: LayerId[];
  /** Time window, inclusive, `YYYY-MM-DD`, `from ≤ to`. */
  from: string;
  to: string;
  /** Categories shown (empty = none). */
  cat: Category[];
  /** Confidence levels shown (empty = none). */
  conf: Confidence[];
  /** Source kinds shown (empty = none). */
  src: SourceKind[];
  /** Location precisions shown (empty = none). */
  prec: LocationPrecision[];
  /** Publisher filter, sorted; empty = no publisher filter. */
  pub: string[];
  /** Free-text search, ≤ 200 characters. */
  q: string;
  /** Corridor half-width in km, integer 5…100. */
  w: number;
  /** Selected feature id. */
  sel: string | null;
  /** Selected corridor (route id). */
  cor: string | null;
  /** Selected scenario. */
  sc: ScenarioId | null;
  /** Selected indicator id. */
  ind: string | null;
  /** Data version the link was made with: `contentHash` of the geodata, 8 hex digits. */
  d: string | null;
  /** The view included imported data, which a link cannot carry. */
  imp: boolean;
  /** The analysis file that holds the view's own reports (a file name), or null. */
  af: string | null;
  /** The right-hand panel's tab. */
  tab: PanelTab;
  /** Settings of the view this link was made from that it leaves out (too long for a link). */
  cut: CutPart[];
}

/**
 * The window a v1 link means when it names no `from`/`to` and no other defaults are given. It is the
 * calendar v1 shipped with, kept as it was so that such links keep their meaning; it is not a limit.
 */
export const V1_DEFAULT_WINDOW = Object.freeze({ from: '2023-01-01', to: '2026-12-31' });

/** Defaults for link format v1: the whole region, every layer and filter on, the v1 window, Details tab. */
export const DEFAULT_URL_STATE: Readonly<UrlState> = Object.freeze({
  camera: Object.freeze({ zoom: 3, lat: 50, lon: 100, bearing: 0, pitch: 0 }),
  layers: [...LAYER_IDS],
  from: V1_DEFAULT_WINDOW.from,
  to: V1_DEFAULT_WINDOW.to,
  cat: [...CATEGORIES],
  conf: [...CONFIDENCES],
  src: [...SOURCE_KINDS],
  prec: [...PRECISIONS],
  pub: [],
  q: '',
  w: 25,
  sel: null,
  cor: null,
  sc: null,
  ind: null,
  d: null,
  imp: false,
  af: null,
  tab: 'details',
  cut: [],
}) as Readonly<UrlState>;

/** A fresh, mutable copy of a state (lists and camera copied). */
export function cloneUrlState(s: Readonly<UrlState>): UrlState {
  return {
    ...s,
    camera: { ...s.camera },
    layers: [...s.layers],
    cat: [...s.cat],
    conf: [...s.conf],
    src: [...s.src],
    prec: [...s.prec],
    pub: [...s.pub],
    cut: [...s.cut],
  };
}

/** Sort `values` into the order of `order`, dropping duplicates. */
export function canonicalOrder<T extends string>(values: Iterable<T>, order: readonly T[]): T[] {
  const set = new Set(values);
  return order.filter((v) => set.has(v));
}

/** True when `s` contains control characters or unpaired UTF-16 surrogates (unsafe in a link). */
export function hasUnsafeChars(s: string): boolean {
  return /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(
    s,
  );
}

const isCanonical = <T extends string>(order: readonly T[]) => (list: readonly T[]) =>
  canonicalOrder(list, order).join(',') === list.join(',');

const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date')
  .refine((s) => s >= LIMITS.dateMin && s <= LIMITS.dateMax, `outside ${LIMITS.dateMin}…${LIMITS.dateMax}`);

const LinkId = Id.max(LIMITS.idMaxChars);

/**
 * A file name a link may carry: 1–120 plain characters, no path separators, not starting with a dot.
 * @example isLinkFileName('corridor-analysis-2026-12-01.geojson') // true
 */
export function isLinkFileName(s: string): boolean {
  return s.length > 0 && s.length <= LIMITS.fileNameMaxChars && s.trim() === s && !/^\./.test(s) && !/[/\\]/.test(s) && !hasUnsafeChars(s);
}
const FileName = z.string().refine(isLinkFileName, 'not a plain file name');
const SafeText = (max: number) => z.string().max(max).refine((s) => !hasUnsafeChars(s), 'unsafe characters');

/** zod schema of a valid (canonical) `UrlState`. */
export const UrlStateSchema = z
  .object({
    camera: z.object({
      zoom: z.number().min(LIMITS.zoomMin).max(LIMITS.zoomMax),
      lat: z.number().min(-LIMITS.latMax).max(LIMITS.latMax),
      lon: z.number().min(-180).max(180),
      bearing: z.number().min(-180).max(180),
      pitch: z.number().min(0).max(LIMITS.pitchMax),
    }),
    layers: z.array(z.enum(LAYER_IDS)).refine(isCanonical(LAYER_IDS), 'layers not canonical'),
    from: IsoDay,
    to: IsoDay,
    cat: z.array(Category).refine(isCanonical(CATEGORIES), 'categories not canonical'),
    conf: z.array(Confidence).refine(isCanonical(CONFIDENCES), 'confidence not canonical'),
    src: z.array(SourceKind).refine(isCanonical(SOURCE_KINDS), 'source kinds not canonical'),
    prec: z.array(LocationPrecision).refine(isCanonical(PRECISIONS), 'precisions not canonical'),
    pub: z
      .array(SafeText(LIMITS.publisherMaxChars).refine((s) => s.trim() === s && s.length > 0))
      .max(LIMITS.publishersMax)
      .refine((l) => l.every((p, i) => i === 0 || (l[i - 1] as string) < p), 'publishers not sorted'),
    q: SafeText(LIMITS.queryMaxChars),
    w: z.number().int().min(LIMITS.widthKmMin).max(LIMITS.widthKmMax),
    sel: LinkId.nullable(),
    cor: LinkId.nullable(),
    sc: z.enum(SCENARIO_IDS).nullable(),
    ind: LinkId.nullable(),
    d: z.string().regex(/^[0-9a-f]{8}$/).nullable(),
    imp: z.boolean(),
    af: FileName.nullable(),
    tab: z.enum(PANEL_TABS),
    cut: z.array(z.enum(CUT_PARTS)).refine(isCanonical(CUT_PARTS), 'cut parts not canonical'),
  })
  .strict()
  .refine((s) => s.from <= s.to, 'from is after to');
