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
 * crypto.subtle (native, off the main thread) exists only in a secure context (https, localhost). On a
 * plain-http intranet host the pure-JS hash stands in: about 6× slower, so files.ts feeds it the
 * download piece by piece as it arrives (`sha256Stream`) instead of all at once at the end.
 */
export const nativeHash = () => globalThis.crypto?.subtle != null;

/** SHA-256 in hex, natively where the browser allows it. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (subtle) return bytesToHex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
  return bytesToHex(sha256(bytes));
}

/** The pure-JS hash, fed piece by piece. */
export function sha256Stream(): { update(piece: Uint8Array): void; hex(): string } {
  const h = sha256.create();
  return { update: (piece) => void h.update(piece), hex: () => bytesToHex(h.digest()) };
}

/**
 * The first way the bytes differ from the digest, or null. Cheapest first: a cut file is told by its
 * size; `countRows` (an Arrow reader) is given only for table files; `hashed`: their SHA-256, if known.
 */
export async function mismatch(bytes: Uint8Array, want: FileDigest, countRows?: (b: Uint8Array) => number, hashed?: string): Promise<Mismatch | null> {
  if (bytes.length !== want.bytes) return { what: 'size', expected: String(want.bytes), found: String(bytes.length) };
  const hash = hashed ?? (await sha256Hex(bytes));
  if (hash !== want.sha256) return { what: 'hash', expected: want.sha256, found: hash };
  if (want.rows != null && countRows) {
    const rows = countRows(bytes);
    if (rows !== want.rows) return { what: 'rows', expected: String(want.rows), found: String(rows) };
  }
  return null;
}
