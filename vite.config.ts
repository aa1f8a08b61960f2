import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// A static site: relative base so dist/ works from any folder of any static host.
export default defineConfig({
  base: './',
  plugins: [svelte()],
  // duckdb-wasm ships its own worker and wasm; pre-bundling would break their ?url imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
