/**
 * Builds the bare reference page of `npm run bench:browser` from the app's own node_modules. Output goes
 * to test-results/bench/bare (git-ignored), never into the app's dist/.
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../../test-results/bench/bare', import.meta.url)), emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 5000 },
  worker: { format: 'es' },
});
