import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Paths are resolved from this file so `vite build` works from any working directory.
const webRoot = fileURLToPath(new URL('./web', import.meta.url));
const outDir = fileURLToPath(new URL('./dist/web', import.meta.url));

/**
 * The server serves `dist/web` under a strict CSP (script-src/style-src 'self'), so the build must
 * never emit inline scripts or styles: no inline asset data for fonts, CSS only through imports.
 * `PALERMO_API_URL` points the dev server's /api proxy at a running Palermo server.
 */
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    // data: URIs are allowed for images only; keep every other asset a real file.
    assetsInlineLimit: 0,
    // The statistics page's ECharts chunk (~540 kB, loaded only there) is expected; smaller limits only add noise.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': process.env.PALERMO_API_URL ?? 'http://127.0.0.1:8080',
    },
  },
});
