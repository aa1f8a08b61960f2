import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const files = (dir: string): string[] =>
  readdirSync(dir).sort().flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : [join(dir, n)]));

/**
 * What a kept import was read with (src/lib/import): a hash of the reader, the rules and the table writer.
 * A build with other code reads the kept files again rather than show rows an older reader made.
 */
function readerVersion(): string {
  const h = createHash('sha256');
  const here = import.meta.dirname;
  for (const f of ['src/lib/parse', 'src/lib/quality', 'src/lib/tables'].flatMap((d) => files(join(here, d)))) h.update(relative(here, f)).update(readFileSync(f));
  return h.digest('hex').slice(0, 12);
}

/**
 * pdf.js's character maps and standard fonts, served by the site itself at `pdfjs/cmaps/` and
 * `pdfjs/standard_fonts/` (the import reads PDFs in the browser; no CDN).
 */
function pdfjsAssets(): Plugin {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const assets = ['cmaps', 'standard_fonts'].flatMap((d) => files(join(root, d)).map((f) => ({ path: `pdfjs/${relative(root, f)}`, file: f })));
  const byPath = new Map(assets.map((a) => [`/${a.path}`, a.file]));
  return {
    name: 'pdfjs-assets',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = byPath.get((req.url ?? '').split('?')[0]);
        if (!file) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const a of assets) this.emitFile({ type: 'asset', fileName: a.path, source: readFileSync(a.file) });
    },
  };
}

// A static site: relative base so dist/ works from any folder of any static host. The page lives in src/
// (src/index.html); public/ (the ingested data) is copied beside it into dist/.
export default defineConfig({
  root: 'src',
  publicDir: '../public',
  base: './',
  plugins: [svelte({ compilerOptions: { runes: true } }), pdfjsAssets()],
  define: {
    __READER_VERSION__: JSON.stringify(readerVersion()),
    // the engine's download is shown against its real size (the server may send it compressed)
    __WASM_BYTES__: String(statSync(createRequire(import.meta.url).resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm')).size),
  },
  // The CSV writer (src/lib/tables/csv.ts) is shared with ingest; in the browser csv-stringify needs its
  // browser build (its Node build uses Buffer).
  resolve: { alias: [{ find: /^csv-stringify\/sync$/, replacement: 'csv-stringify/browser/esm/sync' }] },
  // duckdb-wasm ships its own worker and wasm; pre-bundling would break their ?url imports.
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm'] },
  // The import's worker (src/lib/import/worker.ts) imports the readers on demand: an ES module worker.
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200, outDir: '../dist', emptyOutDir: true },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
