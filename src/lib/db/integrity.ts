/**
 * What a data file must be for the site to draw from it: its size, its SHA-256 and, for an Arrow table, its
 * row count, as the build recorded them. A file cut short by a failed copy, an old file beside a new
 * manifest or a proxy's error page is refused by name, never drawn from. Runs in Node and the browser.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

export interface FileDigest {
  bytes: number;
  /** Lower-case hex. */
  sha256: string;
  /** An Arrow table's rows. */
  rows?: number;
}

/** Path relative to the data folder → what the file must be. */
export type FileDigests = Record<string, FileDigest>;

export interface Mismatch {
  what: 'size' | 'hash' | 'rows';
  expected: string;
  found: string;
}

/**
 * SHA-256 in hex. crypto.subtle is native but exists only in a secure context (https, localhost): on a
 * plain-http intranet host the pure-JS hash does it (≈ 10× slower, still a fraction of the download).
 */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  return bytesToHex(sha256(bytes));
}

/**
 * The first way the bytes differ from the digest, or null. Cheapest first: a cut file is told by its
 * size; `countRows` (an Arrow reader) is given only for table files.
 */
export async function mismatch(bytes: Uint8Array, want: FileDigest, countRows?: (b: Uint8Array) => number): Promise<Mismatch | null> {
  if (bytes.length !== want.bytes) return { what: 'size', expected: String(want.bytes), found: String(bytes.length) };
  const hash = await sha256Hex(bytes);
  if (hash !== want.sha256) return { what: 'hash', expected: want.sha256, found: hash };
  if (want.rows != null && countRows) {
    const rows = countRows(bytes);
    if (rows !== want.rows) return { what: 'rows', expected: String(want.rows), found: String(rows) };
  }
  return null;
}
