/**
 * The site's data files, fetched and checked. `summary.json` (the first file, read before anything else)
 * carries the digest of `files.json`, which lists every other data file the site reads with its size,
 * SHA-256 and, for Arrow, its rows (scripts/site-summary.ts writes both). A file that does not match is
 * refused with a LoadFailure naming it, so nothing is drawn from a cut or stale file.
 */
import { LoadFailure, messageOf } from './failure';
import { mismatch, nativeHash, sha256Stream, type FileDigest, type FileDigests } from './integrity';
import { ended, report } from './progress';

/**
 * A body read piece by piece, its progress reported as it arrives (progress.ts), and with `hash` fed into
 * the pure-JS hash as it comes; its bytes and, hashed, their SHA-256.
 */
async function readBody(res: Response, file: string, total: number | null, hash: boolean): Promise<{ bytes: Uint8Array; sha256?: string }> {
  const sha = hash ? sha256Stream() : null;
  const pieces: Uint8Array[] = [];
  const reader = res.body!.getReader();
  let spent = 0;
  let loaded = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      if (sha) {
        const t0 = performance.now();
        sha.update(r.value);
        spent += performance.now() - t0;
      }
      pieces.push(r.value);
      report(file, (loaded += r.value.length), total);
    }
  } finally {
    ended(file);
  }
  if (sha) performance.measure('verify', { start: performance.now() - spent, duration: spent }); // the benchmark's figure
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const p of pieces) bytes.set(p, (at += p.length) - p.length);
  return { bytes, sha256: sha?.hex() };
}

/**
 * The bytes of a response, or the failure that names what the server answered. `hash`: also their
 * SHA-256 when it must be computed in JS (no crypto.subtle), during the download rather than after it.
 * `size`: the bytes the build listed, the total its progress is shown against (else the server's length,
 * when the body is not compressed on the way).
 */
export async function fetchBytes(url: URL, file: string, init?: RequestInit, hash = false, size?: number): Promise<{ bytes: Uint8Array; res: Response; sha256?: string }> {
  let res: Response;
  try {
    if (size != null) report(file, 0, size);
    res = await fetch(url, init);
    if (!res.ok) throw new LoadFailure('http', file, '200 OK', `${res.status} ${res.statusText}`.trim());
    if (!res.body || init?.method === 'HEAD') return { bytes: new Uint8Array(await res.arrayBuffer()), res };
    const length = res.headers.get('content-encoding') ? null : Number(res.headers.get('content-length')) || null;
    return { ...(await readBody(res, file, size ?? length, hash && !nativeHash())), res };
  } catch (e) {
    ended(file);
    throw e instanceof LoadFailure ? e : new LoadFailure('network', file, '', messageOf(e));
  }
}

/** JSON text, or a failure saying what came instead (an HTML page, a file cut short). */
export function parseJson<T>(text: string, file: string, res: Response, decode: (text: string) => T): T {
  try {
    return decode(text);
  } catch (e) {
    const start = text.slice(0, 40).replace(/\s+/g, ' ');
    throw new LoadFailure('json', file, 'JSON', `${res.headers.get('content-type') ?? '?'}, ${text.length} bytes: “${start}…” (${messageOf(e)})`);
  }
}

export interface DataFiles {
  /** A listed file's bytes, checked against the list; `countRows` counts an Arrow table's rows. */
  bytes(path: string, countRows?: (b: Uint8Array) => number): Promise<Uint8Array>;
  /** A listed JSON file, checked and decoded. */
  json<T>(path: string): Promise<T>;
}

/** Time spent checking files, for the benchmark (`performance.measure` entries named `verify`). */
const timed = async <T>(work: () => Promise<T>): Promise<T> => {
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    performance.measure('verify', { start: t0, end: performance.now() });
  }
};

/** `dataUrl`: the site's `data/` folder; `list`: the digest of its `files.json` (from summary.json). */
export function dataFiles(dataUrl: URL, list: FileDigest | undefined, decode: <T>(text: string) => T): DataFiles {
  const name = (path: string) => `data/${path}`;
  const checked = async (path: string, want: FileDigest | undefined, countRows?: (b: Uint8Array) => number) => {
    if (!want) throw new LoadFailure('unlisted', name(path));
    const { bytes, res, sha256 } = await fetchBytes(new URL(path, dataUrl), name(path), undefined, true, want.bytes);
    const bad = await timed(() => mismatch(bytes, want, countRows, sha256));
    if (bad) throw new LoadFailure(bad.what, name(path), bad.expected, bad.found);
    return { bytes, res };
  };
  let digests: Promise<FileDigests> | null = null;
  const listed = () => {
    digests ??= checked('files.json', list).then(({ bytes, res }) =>
      parseJson(new TextDecoder().decode(bytes), name('files.json'), res, (t) => JSON.parse(t) as FileDigests),
    );
    digests.catch(() => (digests = null)); // a retry fetches it again
    return digests;
  };
  return {
    async bytes(path, countRows) {
      return (await checked(path, (await listed())[path], countRows)).bytes;
    },
    async json<T>(path: string) {
      const { bytes, res } = await checked(path, (await listed())[path]);
      return parseJson(new TextDecoder().decode(bytes), name(path), res, decode<T>);
    },
  };
}
