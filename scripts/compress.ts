/**
 * Precompresses the built site for hosts that serve `.br` / `.gz` files beside the originals (nginx
 * `brotli_static` / `gzip_static`, Caddy `precompressed`, scripts/serve.ts). The 34 MB duckdb wasm
 * becomes about 6 MB (brotli 9) or 5.2 MB with --best (brotli 11, about a minute). Arrow partitions get
 * brotli 5: a province has a gigabyte of them, and 5 is within 10 % of 9 at a tenth of the time.
 * Usage: tsx scripts/compress.ts [DIR=dist] [--best]
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSIBLE = /\.(wasm|js|css|html|json|arrow|svg|csv)$/;
const args = process.argv.slice(2);
const best = args.includes('--best');
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';

function* files(d: string): Generator<string> {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.test(name)) yield path;
  }
}

let before = 0;
let after = 0;
for (const path of files(dir)) {
  const data = readFileSync(path);
  if (data.length < 1024) continue;
  const quality = path.endsWith('.arrow') ? 5 : best || data.length < 4e6 ? 11 : 9;
  const br = brotliCompressSync(data, {
    params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
  });
  writeFileSync(`${path}.br`, br);
  writeFileSync(`${path}.gz`, gzipSync(data, { level: path.endsWith('.arrow') ? 6 : 9 }));
  before += data.length;
  after += br.length;
}
console.log(`compressed ${dir}: ${(before / 1e6).toFixed(1)} MB → ${(after / 1e6).toFixed(1)} MB brotli`);
