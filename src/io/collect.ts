/**
 * Collecting a run's features: repeated ids inside one file are said, not silently merged — the same
 * report twice is counted once, another report under a used id is kept under its row's own id.
 */
import type { SightingFeature } from '../domain/schemas';
import type { RecordContext } from './importTypes';
import { reportKey } from './reportKey';
import { cleanText } from './text';

/**
 * A function that adds one built feature (with the id its file gave, and its row) to `features`,
 * keeping `fileIds` index-aligned.
 */
export function collect(ctx: RecordContext, features: SightingFeature[], fileIds: (string | null)[]) {
  const byId = new Map<string, { row: number; key: string | null; index: number }>();
  const lookup = (id: string) => ctx.sources.get(id);
  return (feature: SightingFeature, fileId: unknown, row: number): void => {
    const given = cleanText(fileId, 80) ?? null;
    const first = byId.get(feature.id as string);
    if (first) {
      first.key ??= reportKey(features[first.index]!, lookup);
      const key = reportKey(feature, lookup);
      if (key === first.key) {
        ctx.remarks.push({ row, message: `repeats row ${first.row} (same id ${given ?? feature.id} and content): counted once` });
        return;
      }
      const id = `imp-${ctx.batch}-${row}`;
      ctx.remarks.push({ row, message: `has the id ${given ?? feature.id} of row ${first.row} with other content: imported as a separate report` });
      feature = { ...feature, id, properties: { ...feature.properties, id } };
    }
    byId.set(feature.id as string, { row, key: null, index: features.length });
    features.push(feature);
    fileIds.push(given);
  };
}
