/**
 * Node-only: where pdf.js's CMaps and standard fonts are on disk, for `readPdf` in tests and ingest.
 * (In the browser the app serves the same folders and passes their URLs.) pdf.js reads these with
 * `fs` in Node, so they are file paths, with the trailing slash pdf.js requires.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

export function pdfAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: join(root, 'cmaps') + sep, standardFontDataUrl: join(root, 'standard_fonts') + sep };
}
