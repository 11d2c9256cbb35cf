import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base: the build is plain static files that work from any host and any sub-path.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2500,
  },
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  server: { port: 5173 },
});
