import { join } from 'node:path';
import { build } from 'esbuild';
import { expect, it } from 'vitest';

/**
 * The reader runs in the browser too (the import in the browser stands on it): bundled for the browser,
 * src/lib/parse needs nothing of Node's — every reader, pdf.js included. Only pdf-node.ts (where Node
 * finds pdf.js's character maps) may, and the index does not export it.
 */
it('bundles for the browser with no Node module', async () => {
  const r = await build({
    entryPoints: [join(import.meta.dirname, '..', '..', 'src', 'lib', 'parse', 'index.ts')],
    bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', metafile: true,
  });
  expect(r.errors).toEqual([]);
  const inputs = Object.keys(r.metafile!.inputs);
  expect(inputs.filter((f) => f.startsWith('node:') || f.includes('pdf-node'))).toEqual([]);
  expect(inputs.some((f) => f.includes('sources/pdf.ts'))).toBe(true);
});
