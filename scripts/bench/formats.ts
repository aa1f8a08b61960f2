/**
 * Read throughput per format, in this process, on one thread: the seeds (text) and their LibreOffice
 * documents (tests/fixtures/formats), plus the other provinces' forms (tests/fixtures/templates), each
 * read with readFiling — format detection, the format's reader, the recognizers — `rounds` times after
 * a warm-up round. Medians of the rounds: MB/s, files/s, and pages/s for PDF.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { median } from 'd3-array';
import { readFiling } from '../../src/lib/parse';
import { sniff } from '../../src/lib/parse/sources/sniff';
import { pdfAssets } from '../../src/lib/parse/sources/pdf-node';

export interface FormatRead {
  format: string;
  files: number;
  mb: number;
  pages: number | null;
  mb_per_s: number;
  files_per_s: number;
  pages_per_s: number | null;
}

const ROOT = join(import.meta.dirname, '..', '..');
const DIRS = ['data/raw', 'tests/fixtures/formats', 'tests/fixtures/templates'];

/** Pages of a PDF: its page objects (`/Type /Page`, not `/Pages`). */
const pagesOf = (b: Uint8Array) => (new TextDecoder('latin1').decode(b).match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;

export async function readFormats(rounds = 5): Promise<FormatRead[]> {
  const byFormat = new Map<string, { name: string; bytes: Uint8Array }[]>();
  for (const dir of DIRS) {
    for (const name of readdirSync(join(ROOT, dir)).sort()) {
      if (/\.(json|md)$/.test(name)) continue;
      const bytes = new Uint8Array(readFileSync(join(ROOT, dir, name)));
      const kind = sniff(bytes);
      const format = kind === 'ole' ? (name.endsWith('.xls') ? 'xls' : 'doc') : kind;
      byFormat.set(format, [...(byFormat.get(format) ?? []), { name, bytes }]);
    }
  }
  const pdf = pdfAssets();
  const out: FormatRead[] = [];
  for (const [format, files] of [...byFormat].sort()) {
    const mb = files.reduce((a, f) => a + f.bytes.length, 0) / 1e6;
    const pages = format === 'pdf' ? files.reduce((a, f) => a + pagesOf(f.bytes), 0) : null;
    const secs: number[] = [];
    for (let r = 0; r <= rounds; r++) {
      const t0 = performance.now();
      for (const f of files) {
        const res = await readFiling(f.bytes, f.name, { pdf });
        if (!res.ok) throw new Error(`${f.name} was refused: ${res.rejection.found}`);
      }
      if (r > 0) secs.push((performance.now() - t0) / 1000); // round 0 warms the readers up
    }
    const s = median(secs)!;
    out.push({ format, files: files.length, mb, pages, mb_per_s: mb / s, files_per_s: files.length / s, pages_per_s: pages == null ? null : pages / s });
  }
  return out;
}

export function printFormats(rows: FormatRead[]): void {
  console.log(`\nread throughput per format (one thread, warm, median of the rounds)`);
  console.log(`  ${'format'.padEnd(8)}${'files'.padStart(6)}${'MB'.padStart(8)}${'MB/s'.padStart(9)}${'files/s'.padStart(10)}${'pages/s'.padStart(10)}`);
  for (const r of rows) {
    console.log(`  ${r.format.padEnd(8)}${String(r.files).padStart(6)}${r.mb.toFixed(2).padStart(8)}${r.mb_per_s.toFixed(2).padStart(9)}${r.files_per_s.toFixed(1).padStart(10)}${(r.pages_per_s == null ? '—' : r.pages_per_s.toFixed(1)).padStart(10)}`);
  }
}
