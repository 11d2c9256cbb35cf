/**
 * Zod schemas for everything in `geodata/`. Validated once at load; the rest of the app trusts the
 * inferred types. Dates keep the precision of the report: `YYYY-MM-DD`, or `YYYY-MM` where only the
 * month is known.
 */
import { z } from './zod';

/** `YYYY-MM-DD` or `YYYY-MM`, a real calendar date. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$/, 'expected YYYY-MM-DD or YYYY-MM')
  .refine((s) => {
    if (s.length === 7) return true;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

export const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case kebab-case');
export const Accuracy = z.enum(['surveyed', 'approximate', 'schematic']);
export const Confidence = z.enum(['high', 'moderate', 'low']);
export const LocationPrecision = z.enum(['exact', 'settlement', 'region']);

export const NODE_KINDS = [
  'port',
  'rail-hub',
  'border-crossing',
  'airfield',
  'depot',
  'training-ground',
  'capital',
  'city',
  'combat-area',
  'industry',
] as const;
export const NodeKind = z.enum(NODE_KINDS);

export const CATEGORIES = [
  'munitions-shipment',
  'troop-movement',
  'training',
  'combat',
  'casualties',
  'captured',
  'ceremony',
  'labour',
  'equipment',
  'tech-transfer',
  'presence',
  'diplomacy',
  'sanctions',
] as const;
export const Category = z.enum(CATEGORIES);

export const SOURCE_KINDS = [
  'government',
  'think-tank',
  'media',
  'state-media',
  'imagery',
  'intergovernmental',
  'reference',
] as const;
export const SourceKind = z.enum(SOURCE_KINDS);

const Lon = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
export const Position = z.tuple([Lon, Lat]).rest(z.number());

const Common = {
  id: Id,
  name: z.string().min(1),
  sources: z.array(Id).min(1),
  accuracy: Accuracy,
  note: z.string().optional(),
};

export const Period = z.object({ from: IsoDate, to: IsoDate.optional() });

export const NodeProps = z.object({
  ...Common,
  kind: NodeKind,
  country: z.string().regex(/^[A-Z]{3}$/, 'ISO 3166 alpha-3'),
  /** Catchment radius for node metrics, km (default applied by metrics when absent). */
  catchmentKm: z.number().positive().max(200).optional(),
  /**
   * The node whose site this one is part of (a station beside its port, the stations of one border
   * crossing): reports here count in that node's catchment, and this node gets none of its own.
   */
  partOf: Id.optional(),
  /** A stated baseline for quantities observed at this node, e.g. ≤ 20 railcars a day before 2023. */
  baseline: z
    .object({ value: z.number(), unit: z.string(), note: z.string(), sources: z.array(Id).min(1) })
    .optional(),
});

export const RouteProps = z.object({
  ...Common,
  mode: z.enum(['rail', 'sea', 'air', 'road']),
  from: Id,
  to: Id,
  via: z.array(Id),
  role: z.array(z.enum(['troop-transit', 'munitions', 'labour', 'equipment', 'general'])).min(1),
  period: Period.optional(),
});

export const AreaProps = z.object({
  ...Common,
  kind: z.enum(['training-area', 'deployment-zone']),
  period: Period,
});

/**
 * What a quantity counts. The order is the column code (`qtyUnit` in src/metrics/columns.ts): append, never
 * reorder. `port-calls` counts visits, not ships (one ship calling three times is three).
 */
export const QUANTITY_UNITS = [
  'railcars', 'containers', 'ships', 'personnel', 'tonnes', 'shells', 'missiles', 'flights', 'trains',
  'vehicles', 'systems', 'port-calls',
] as const;

export const Quantity = z.object({
  value: z.number().nonnegative(),
  unit: z.enum(QUANTITY_UNITS),
  approx: z.boolean().optional(),
});

export const SightingProps = z.object({
  id: Id,
  name: z.string().min(1),
  date: IsoDate,
  dateEnd: IsoDate.optional(),
  category: Category,
  summary: z.string().min(1),
  confidence: Confidence,
  location: LocationPrecision,
  sources: z.array(Id).min(1),
  accuracy: Accuracy.optional(),
  quantity: Quantity.optional(),
  /** Node or area id the report is about, where there is one. */
  place: Id.optional(),
  /** Caveats: how a figure was counted, why the point is where it is, whether a claim is disputed. */
  note: z.string().optional(),
  /** Set only on generated benchmark data. */
  synthetic: z.literal(true).optional(),
  /** Set on analyst-imported reports. */
  imported: z.literal(true).optional(),
  /** Set on the analyst's own reports, written in the app (always also `imported`: not in the bundled data). */
  own: z.literal(true).optional(),
});

/**
 * The span a data set covers (a foreign member `coverage` of its FeatureCollection): reports were
 * collected from `from` to `to`, except in `gaps`. A day outside it is unknown, not a day with nothing.
 */
export const Coverage = z.object({
  from: IsoDate,
  to: IsoDate.optional(),
  gaps: z.array(z.object({ from: IsoDate, to: IsoDate })).optional(),
  /** Where the span comes from (e.g. the collection's stated start). */
  note: z.string().optional(),
});

export const Source = z.object({
  id: Id,
  publisher: z.string().min(1),
  title: z.string().min(1),
  date: IsoDate.optional(),
  url: z.string().url().optional(),
  kind: SourceKind,
  /** A government's own text of its own act (a treaty, a designation, a resolution), not its claims about others. */
  official: z.literal(true).optional(),
  /** Why this source reports events well before its own date (e.g. a later analysis of earlier imagery). */
  retrospective: z.string().min(1).optional(),
  note: z.string().optional(),
});

const PointGeom = z.object({ type: z.literal('Point'), coordinates: Position });
const LineGeom = z.object({ type: z.literal('LineString'), coordinates: z.array(Position).min(2) });
const PolygonGeom = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(Position).min(4)).min(1),
});

const feature = <G extends z.ZodTypeAny, P extends z.ZodTypeAny>(geometry: G, properties: P) =>
  z.object({ type: z.literal('Feature'), id: z.union([z.string(), z.number()]).optional(), geometry, properties });

export const NodeFeature = feature(PointGeom, NodeProps);
export const RouteFeature = feature(LineGeom, RouteProps);
export const AreaFeature = feature(PolygonGeom, AreaProps);
export const SightingFeature = feature(PointGeom, SightingProps);

export type IsoDate = z.infer<typeof IsoDate>;
export type Accuracy = z.infer<typeof Accuracy>;
export type Confidence = z.infer<typeof Confidence>;
export type LocationPrecision = z.infer<typeof LocationPrecision>;
export type DataCoverage = z.infer<typeof Coverage>;
export type Category = z.infer<typeof Category>;
export type SourceKind = z.infer<typeof SourceKind>;
export type NodeKind = z.infer<typeof NodeKind>;
export type NodeProps = z.infer<typeof NodeProps>;
export type RouteProps = z.infer<typeof RouteProps>;
export type AreaProps = z.infer<typeof AreaProps>;
export type SightingProps = z.infer<typeof SightingProps>;
export type Quantity = z.infer<typeof Quantity>;
export type Source = z.infer<typeof Source>;
export type NodeFeature = z.infer<typeof NodeFeature>;
export type RouteFeature = z.infer<typeof RouteFeature>;
export type AreaFeature = z.infer<typeof AreaFeature>;
export type SightingFeature = z.infer<typeof SightingFeature>;
