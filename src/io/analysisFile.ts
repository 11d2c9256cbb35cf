/**
 * The analysis file: the analyst's workspace in one RFC 7946 FeatureCollection — every own and
 * imported report with its citations as flat `source_N_*` fields (what any import, ours included,
 * reads back) — and in the `corridorWatch` foreign member the view's permalink, its filters in full and
 * the data version, so opening the file brings the reports in and can open the view exactly. Our other
 * GeoJSON exports carry the same member, so they open the same way. Pure: features and metadata in, text
 * out; a foreign member in, a checked saved view (or null) out.
 */
import { z } from '../domain/zod';
import type { Feature, Geometry } from 'geojson';
import { exportGeoJSON } from './geojsonExport';
import type { ExportMeta } from './exportMeta';

/** The `format` member of an analysis file's header. */
export const ANALYSIS_FORMAT = 'corridor-watch-analysis/1';

/**
 * The file name an analysis is saved under: the day it was saved (UTC).
 * @example analysisFileName('2026-12-01T14:03:00Z') // 'corridor-analysis-2026-12-01.geojson'
 */
export function analysisFileName(savedAt: string): string {
  const day = /^\d{4}-\d{2}-\d{2}/.exec(savedAt)?.[0] ?? 'undated';
  return `corridor-analysis-${day}.geojson`;
}

/**
 * An analysis file's text. `features` are the reports as exports write them (with citation fields).
 * @example exportAnalysis(reports, { ...meta, file: 'corridor-analysis-2026-12-01.geojson', own: 2, imported: 40 })
 */
export function exportAnalysis(
  features: readonly Feature<Geometry | null, Record<string, unknown> | null>[],
  meta: ExportMeta & { file: string; own: number; imported: number },
): string {
  const { file, own, imported, ...rest } = meta;
  return exportGeoJSON(features, { ...rest, layer: 'analysis', extra: { format: ANALYSIS_FORMAT, file, own, imported } });
}

/** The view a file was saved with, as the import reads it from the foreign member. */
export interface SavedView {
  /** An analysis file (every own and imported report), or another of our GeoJSON exports. */
  kind: 'analysis' | 'export';
  permalink: string;
  /** The permalink's hash (`#v=1&…`). */
  hash: string;
  dataVersion: string | null;
  savedAt: string | null;
  /** The filters in full (a permalink may leave a long publisher filter or search out). */
  publishers: string[] | null;
  query: string | null;
  /** The name the file was saved under (analysis files). */
  file: string | null;
}

const Member = z.object({
  permalink: z.string().max(20_000),
  dataVersion: z.string().regex(/^[0-9a-f]{8}$/).nullable().optional(),
  exportedAt: z.string().max(40).optional(),
  format: z.string().max(60).optional(),
  layer: z.string().max(60).optional(),
  file: z.string().max(200).optional(),
  filters: z.object({ publishers: z.array(z.string().max(300)).max(200).optional(), query: z.string().max(200).optional() }).passthrough().optional(),
});

/**
 * The saved view of a file's `corridorWatch` member, or null when there is none (another tool's file)
 * or it is not one of ours. Only what is checked here is read; the hash itself is read by the link codec.
 * @example readSavedView(JSON.parse(text).corridorWatch)?.hash // '#v=1&map=…'
 */
export function readSavedView(member: unknown): SavedView | null {
  const r = Member.safeParse(member);
  if (!r.success) return null;
  const m = r.data;
  const at = m.permalink.indexOf('#');
  if (at < 0) return null;
  return {
    kind: m.format === ANALYSIS_FORMAT ? 'analysis' : 'export',
    permalink: m.permalink,
    hash: m.permalink.slice(at),
    dataVersion: m.dataVersion ?? null,
    savedAt: m.exportedAt ?? null,
    publishers: m.filters?.publishers ?? null,
    query: m.filters?.query ?? null,
    file: m.file ?? null,
  };
}
