/**
 * Link migrations, one file per version step. To add v2: write `v1-to-v2.ts`, append it to `MIGRATIONS`,
 * bump `URL_VERSION` in `../state.ts`, and add `tests/fixtures/url/links-v1.txt` with links that must
 * keep loading.
 */
import { URL_VERSION } from '../state';
import { quote, type RawParam } from '../params';
import type { UrlMigration } from './types';
import { V0_CAMERA, v0ToV1 } from './v0-to-v1';

export type { UrlMigration } from './types';

/** Steps in order; `MIGRATIONS[i].from === i`. */
export const MIGRATIONS: readonly UrlMigration[] = [v0ToV1];

/**
 * The version a link was written in: its `v=` (first one), else 0 when it has the pre-release bare
 * camera, else the current version (a hand-written link without `v`). `null` when `v` is unreadable.
 */
export function detectVersion(params: readonly RawParam[]): number | null {
  const v = params.find((p) => p.key === 'v');
  if (v) return v.value !== null && /^\d{1,4}$/.test(v.value) ? Number(v.value) : null;
  return params.some((p) => p.value === null && V0_CAMERA.test(p.key)) ? 0 : URL_VERSION;
}

/**
 * Bring raw pairs from `version` up to the current version. `v` pairs are dropped (the result is current).
 * Links from a newer version are read as they are, with a notice.
 */
export function migrateParams(
  params: readonly RawParam[],
  version: number | null,
): { params: RawParam[]; notices: string[] } {
  const notices: string[] = [];
  let current = params.filter((p) => p.key !== 'v');
  if (version === null) {
    const raw = params.find((p) => p.key === 'v');
    notices.push(`Ignored ${quote(`v=${raw?.value ?? ''}`)}: not a version number; read as v=${URL_VERSION}`);
    return { params: current, notices };
  }
  if (version > URL_VERSION) {
    notices.push(`Link is from a newer version (v=${version}); some settings may be ignored`);
    return { params: current, notices };
  }
  for (let from = version; from < URL_VERSION; from++) {
    const step = MIGRATIONS[from];
    if (!step) break;
    const res = step.migrate(current);
    current = res.params;
    notices.push(...res.notices);
  }
  return { params: current, notices };
}
