import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// A static site: relative base so dist/ works from any folder of any static host. The page lives in src/
// (src/index.html); public/ (the ingested data) is copied beside it into dist/.
export default defineConfig({
  root: 'src',
  publicDir: '../public',
  base: './',
  plugins: [svelte({ compilerOptions: { runes: true } })],
  // The CSV writer (src/lib/tables/csv.ts) is shared with ingest; in the browser csv-stringify needs its
  // browser build (its Node build uses Buffer).
  resolve: { alias: [{ find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' }] },
  // duckdb-wasm ships its own worker and wasm; pre-bundling would break their ?url imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200, outDir: '../dist', emptyOutDir: true },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
