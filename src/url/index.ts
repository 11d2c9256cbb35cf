/**
 * Permalink codec: the view ↔ a versioned, human-readable URL hash. Pure; imports only `src/domain`.
 * @example
 *   const { state, notices } = decodeHash(location.hash);
 *   history.replaceState(null, '', encodeHash(state));
 */
export { decodeHash, MAX_NOTICES, type DecodeResult } from './decode';
export { encodeHash, KEY_ORDER } from './encode';
export { contentHash, dataVersionNotice } from './dataVersion';
export { MAX_HASH_CHARS } from './params';
export { MIGRATIONS, detectVersion, migrateParams, type UrlMigration } from './migrations';
export {
  CONFIDENCES,
  DEFAULT_URL_STATE,
  LAYER_IDS,
  LIMITS,
  PRECISION,
  PRECISIONS,
  SCENARIO_IDS,
  URL_VERSION,
  UrlStateSchema,
  cloneUrlState,
  type LayerId,
  type ScenarioId,
  type UrlCamera,
  type UrlState,
} from './state';
