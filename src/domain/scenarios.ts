/**
 * Schema of geodata/scenarios.json: the forecast's scenarios (baseline 2025-12-16) with their stated
 * likelihoods, indicators bound to map metrics with watch/warning thresholds and weights, and the
 * early-warning signposts. Each indicator quotes the brief and explains its binding in `rationale`.
 */
import { z } from './zod';
import { Category, Confidence, Id, IsoDate, NodeKind, SourceKind } from './schemas';

export const Likelihood = z.enum(['high', 'medium', 'low-medium', 'low']);

/** Which zones an indicator counts in; `all` means anywhere (no spatial restriction). */
export const ZoneSelector = z.object({
  kind: z.enum(['all', 'corridor', 'node', 'area']),
  ids: z.array(Id).optional(),
  /** Corridors: route modes. */
  modes: z.array(z.enum(['rail', 'sea', 'air', 'road'])).optional(),
  nodeKinds: z.array(NodeKind).optional(),
  areaKinds: z.array(z.enum(['training-area', 'deployment-zone'])).optional(),
});

/** Which sightings count: where, what, how sourced. */
export const Selection = z.object({
  zones: z.array(ZoneSelector).min(1),
  categories: z.array(Category).min(1),
  /** At least one cited source of these kinds. */
  sourceKinds: z.array(SourceKind).optional(),
  /** At least this many distinct sources cited ("multi-source"). */
  minSources: z.number().int().min(1).optional(),
  confidences: z.array(Confidence).optional(),
});

const windowDays = z.number().int().min(1).max(3660);

export const MetricBinding = z.discriminatedUnion('kind', [
  /** Sightings matching `select` in the window (raw or confidence-weighted). */
  z.object({ kind: z.literal('count'), select: Selection, windowDays, measure: z.enum(['raw', 'weighted']).default('raw') }),
  /** % change of the count against the previous equal window (null under the low-baseline rule). */
  z.object({ kind: z.literal('change'), select: Selection, windowDays }),
  /** Zones with at least `minCount` matching sightings in the window. */
  z.object({ kind: z.literal('distinct-zones'), select: Selection, windowDays, minCount: z.number().int().min(1) }),
  /** (numerator count + 1) / (denominator count + 1) in the same window (add-one keeps 0/0 defined). */
  z.object({ kind: z.literal('ratio'), numerator: Selection, denominator: Selection, windowDays }),
  /** Largest reported quantity (same unit) matching the numerator over that matching the denominator. */
  z.object({
    kind: z.literal('quantity-ratio'),
    unit: z.string(),
    numerator: Selection,
    denominator: Selection,
    windowDays,
  }),
]);

export const Indicator = z.object({
  id: Id,
  label: z.string().min(1),
  /** The brief's wording, verbatim. */
  quote: z.string().min(1),
  metric: MetricBinding,
  direction: z.enum(['above', 'below']).default('above'),
  watch: z.number(),
  warning: z.number(),
  /** Log-odds added per status step (none 0, watch 1, warning 2). */
  weight: z.number().min(0).max(2),
  /** Why this binding and these thresholds measure what the quote says. */
  rationale: z.string().min(1),
});

export const Scenario = z.object({
  id: z.string().regex(/^S\d$/),
  name: z.string().min(1),
  likelihood: Likelihood,
  /** The brief's likelihood wording. */
  likelihoodQuote: z.string(),
  /** The brief's "What it looks like", verbatim. */
  summary: z.string(),
  /** The brief's policy stress-test for this scenario, verbatim. */
  policy: z.string(),
  indicators: z.array(Indicator).min(1),
});

export const Signpost = z.object({
  id: Id,
  name: z.string().min(1),
  quote: z.string().min(1),
  indicators: z.array(Indicator).min(1),
});

export const ScenarioModel = z.object({
  version: z.literal(1),
  /** Forecast baseline date. */
  baseline: IsoDate,
  source: z.string(),
  /** Prior probability for each stated likelihood; prior log-odds = ln(p / (1 − p)). */
  likelihoodPrior: z.record(Likelihood, z.number().gt(0).lt(1)),
  scoringNote: z.string(),
  scenarios: z.array(Scenario).min(1),
  signposts: z.array(Signpost),
});

export type Likelihood = z.infer<typeof Likelihood>;
export type ZoneSelector = z.infer<typeof ZoneSelector>;
export type Selection = z.infer<typeof Selection>;
export type MetricBinding = z.infer<typeof MetricBinding>;
export type Indicator = z.infer<typeof Indicator>;
export type Scenario = z.infer<typeof Scenario>;
export type Signpost = z.infer<typeof Signpost>;
export type ScenarioModel = z.infer<typeof ScenarioModel>;
