/**
 * Permalink codec: the view ↔ a versioned, human-readable URL hash. Pure; imports only `src/domain`.
 * @example
 *   const { state, notices } = decodeHash(location.hash);
 *   history.replaceState(null, '', encodeHash(state));
 */
export { cutNotice, cutWords, decodeHash, MAX_NOTICES, type DecodeResult } from './decode';
export { encodeHash, fitLink, KEY_ORDER, type FittedLink } from './encode';
export { contentHash, dataVersionNotice } from './dataVersion';
export { MAX_HASH_CHARS } from './params';
export { MIGRATIONS, detectVersion, migrateParams, type UrlMigration } from './migrations';
export {
  CONFIDENCES,
  CUT_PARTS,
  DEFAULT_URL_STATE,
  LAYER_IDS,
  LIMITS,
  PANEL_TABS,
  PRECISION,
  PRECISIONS,
  SCENARIO_IDS,
  URL_VERSION,
  UrlStateSchema,
  V1_DEFAULT_WINDOW,
  cloneUrlState,
  isLinkFileName,
  type CutPart,
  type LayerId,
  type PanelTab,
  type ScenarioId,
  type UrlCamera,
  type UrlState,
} from './state';
