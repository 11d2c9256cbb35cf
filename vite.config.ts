import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { GEODATA_FILES } from './src/domain/files';

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

/**
 * The data the first picture needs (the basemap and the bundled geodata) is fetched by the app once its
 * script has run; preload links in index.html start those requests beside the script's own, so the
 * responses are in before the page's first busy stretch (React's first render, the map's WebGL context,
 * the first frames) instead of queueing behind it.
 */
const FIRST_PICTURE_DATA = [...Object.values(GEODATA_FILES).map((f) => `/geodata/${f}`), '/world-atlas/countries-50m.json'];

function preloadFirstPictureData(): Plugin {
  return {
    name: 'preload-first-picture-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const files = Object.values(ctx.bundle ?? {}).filter(
          (f) => f.type === 'asset' && f.originalFileNames.some((name) => FIRST_PICTURE_DATA.some((end) => `/${name}`.endsWith(end))),
        );
        // `crossorigin` matches fetch()'s default (CORS mode, same-origin credentials), so fetch() takes the preloaded response.
        return files.map((f) => ({ tag: 'link', attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: `./${f.fileName}` }, injectTo: 'head' as const }));
      },
    },
  };
}

// Relative base: the build is plain static files that work from any host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), devWithoutCsp(), preloadFirstPictureData()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
