/**
 * The size and SHA-256 of every file an ingest writes, for manifest.json's `files` (the site checks each
 * file it loads against them: src/lib/db/integrity.ts). Node's native hash, read in 1 MB pieces so a
 * 256 MB table is never held whole.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { FileDigest, FileDigests } from '../../src/lib/db/integrity';
import { TABLE_NAMES } from '../../src/lib/tables';

export const digestBytes = (bytes: Uint8Array): FileDigest => ({
  bytes: bytes.length,
  sha256: createHash('sha256').update(bytes).digest('hex'),
});

export function digestFile(path: string): FileDigest {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; bytes += n) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** What the ingest writes in its output folder: the whole tables and the partitions (not the site's JSON). */
const INGEST_OUTPUT = new RegExp(`^(parts/.+|peers\\.json|(${TABLE_NAMES.join('|')})\\.(arrow|parquet|csv))$`);

/** Every file of the ingest's output under `dir`, keyed by its path relative to `dir` (with `/`). */
export function digestOutputs(dir: string): FileDigests {
  const out: FileDigests = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(d, e.name);
      const rel = relative(dir, path).split(sep).join('/');
      if (e.isDirectory()) walk(path);
      else if (e.isFile() && INGEST_OUTPUT.test(rel)) out[rel] = digestFile(path);
    }
  };
  walk(dir);
  return out;
}
