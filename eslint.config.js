// Lint: TypeScript rules plus the import direction from the architecture (README):
// domain ← metrics, io ← state, url ← layers ← map, ui. Enforced here, not by memory.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ours = (dirs) => dirs.flatMap((d) => [`../${d}`, `../${d}/*`, `../../${d}`, `../../${d}/*`]);
const MAPLIBRE_ONLY_IN_MAP = { name: 'maplibre-gl', message: 'Only src/map talks to MapLibre.' };
const ZOD_THROUGH_DOMAIN = { name: 'zod', message: "Import z from src/domain/zod.ts: it tells zod that the page allows no eval." };
const NOT_DOMAIN = ['metrics', 'io', 'state', 'url', 'layers', 'map', 'ui'];
const forbid = (files, dirs, why, paths = [MAPLIBRE_ONLY_IN_MAP, ZOD_THROUGH_DOMAIN]) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { paths, patterns: dirs.length ? [{ group: ours(dirs), message: why }] : [] },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', '.synthetic/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Stripping control characters from untrusted input is deliberate here.
      'no-control-regex': 'off',
    },
  },
  forbid(['src/domain/**'], NOT_DOMAIN, 'src/domain imports nothing of ours.'),
  forbid(['src/metrics/**'], ['io', 'state', 'url', 'layers', 'map', 'ui'], 'metrics import only domain.'),
  forbid(['src/io/**'], ['metrics', 'state', 'url', 'layers', 'map', 'ui'], 'io imports only domain.'),
  forbid(['src/state/**', 'src/url/**'], ['layers', 'map', 'ui'], 'state and url import only domain, metrics and io.'),
  forbid(['src/layers/**'], ['metrics', 'io', 'state', 'url', 'map', 'ui'], 'layers import only domain; results come in as arguments.'),
  forbid(['src/ui/**'], [], ''),
  forbid(['src/map/**', 'src/*.tsx'], [], '', [ZOD_THROUGH_DOMAIN]),
  // The one module that imports zod itself.
  forbid(['src/domain/zod.ts'], NOT_DOMAIN, 'src/domain imports nothing of ours.', [MAPLIBRE_ONLY_IN_MAP]),
);
