/**
 * First pass of loading: shape checks. Each file is parsed feature by feature against its zod schema;
 * a malformed feature is skipped and reported (file, feature id, dotted field, message), never thrown.
 */
import type { z } from './zod';
import { Source } from './schemas';
import type { GeodataError } from './types';

/** File names as they appear in error reports (one map for the whole app: domain/files.ts). */
export { GEODATA_FILES as FILES } from './files';
import { GEODATA_FILES as FILES } from './files';

/** The feature label used in errors: the feature's own id when it has a usable one, else `#<index>`. */
export function featureLabel(raw: unknown, index: number): string {
  if (isRecord(raw)) {
    const props = raw.properties;
    if (isRecord(props) && typeof props.id === 'string' && props.id !== '') return props.id;
    if (typeof raw.id === 'string' && raw.id !== '') return raw.id;
    if (typeof raw.id === 'number') return String(raw.id);
  }
  return `#${index}`;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Dotted path of a zod issue, e.g. `properties.sources.1`; empty path means the whole item. */
export function issuePath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}

function zodErrors(file: string, feature: string, error: z.ZodError, prefix = ''): GeodataError[] {
  return error.issues.map((issue) => {
    const path = issuePath(issue.path);
    return { file, feature, field: prefix && path ? `${prefix}.${path}` : prefix || path, message: issue.message };
  });
}

/**
 * Parse a GeoJSON FeatureCollection feature by feature. Returns the features that pass `schema` and an
 * error for every issue of every feature that does not.
 */
export function parseCollection<S extends z.ZodTypeAny>(
  file: string,
  raw: unknown,
  schema: S,
): { features: z.infer<S>[]; errors: GeodataError[] } {
  const errors: GeodataError[] = [];
  if (!isRecord(raw) || raw.type !== 'FeatureCollection') {
    errors.push({ file, feature: '(file)', field: 'type', message: 'expected a GeoJSON FeatureCollection' });
    return { features: [], errors };
  }
  if (!Array.isArray(raw.features)) {
    errors.push({ file, feature: '(file)', field: 'features', message: 'expected an array of features' });
    return { features: [], errors };
  }
  const features: z.infer<S>[] = [];
  raw.features.forEach((f: unknown, i: number) => {
    const result = schema.safeParse(f);
    if (result.success) features.push(result.data);
    else errors.push(...zodErrors(file, featureLabel(f, i), result.error));
  });
  return { features, errors };
}

/** Parse `sources.json`: an array of sources, or `{ "sources": [...] }`. */
export function parseSources(raw: unknown): { sources: Source[]; errors: GeodataError[] } {
  const file = FILES.sources;
  const list = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw.sources) ? raw.sources : null;
  if (!list) {
    return {
      sources: [],
      errors: [{ file, feature: '(file)', field: '', message: 'expected an array of sources' }],
    };
  }
  const sources: Source[] = [];
  const errors: GeodataError[] = [];
  const seen = new Set<string>();
  list.forEach((s: unknown, i: number) => {
    const label = isRecord(s) && typeof s.id === 'string' && s.id !== '' ? s.id : `#${i}`;
    const result = Source.safeParse(s);
    if (!result.success) {
      errors.push(...zodErrors(file, label, result.error));
    } else if (seen.has(result.data.id)) {
      errors.push({ file, feature: label, field: 'id', message: `duplicate source id "${label}"` });
    } else {
      seen.add(result.data.id);
      sources.push(result.data);
    }
  });
  return { sources, errors };
}
