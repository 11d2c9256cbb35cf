import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy lives in index.html and ships with the build. The dev server injects an
 * inline script (React fast refresh), which that policy forbids, so it is dropped in `vite dev` only.
 */
function devWithoutCsp(): Plugin {
  return {
    name: 'dev-without-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/s, ''),
  };
}

// Relative base: the build is plain static files that work from any host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), devWithoutCsp()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
