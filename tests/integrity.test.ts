/**
 * Integrity end to end, on the real commands: the ingest's manifest gives every file it wrote with its
 * size and SHA-256; the build step's files.json gives every file the site reads (with an Arrow file's
 * rows) and summary.json the digest of files.json; the site's check (src/lib/db/integrity.ts, the code
 * the browser runs, both of its hashes) accepts each as written and refuses it cut, changed or
 * miscounted; the build step refuses a partition whose size changed since the ingest. And the words a
 * user reads for each kind of failure, in both languages.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { arrowRows } from '../src/lib/db/arrow-rows';
import { FAILURE_KINDS, LoadFailure } from '../src/lib/db/failure';
import { mismatch, sha256Hex, type FileDigest, type FileDigests } from '../src/lib/db/integrity';
import { failureText } from '../src/lib/ui/i18n';
import { fetchBytes } from '../src/lib/db/files';
import { serve } from '../scripts/serve';


const ROOT = join(import.meta.dirname, '..');
const tsx = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), ...args], { cwd: ROOT, encoding: 'utf8' });

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

const out = mkdtempSync(join(tmpdir(), 'perflens-integrity-'));

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the data files, their manifest and the site’s list', () => {
  let manifest: { files: FileDigests; partitions: { partition: string; rows: Record<string, number> }[] };
  let listed: FileDigests;
  beforeAll(() => {
    expect(tsx('scripts/ingest.ts', '--csv', '--out', out).status).toBe(0);
    manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    // --partitioned: the province layout, so the overview and filing-index files are written too
    const summary = tsx('scripts/site-summary.ts', out, '--partitioned');
    expect(summary.status, summary.stderr).toBe(0);
    listed = JSON.parse(readFileSync(join(out, 'files.json'), 'utf8'));
  }, 120_000); // two child processes: 17 s on this machine under load, past the default 10 s

  it('the manifest gives every file the ingest wrote, with its size and SHA-256', () => {
    const written = files(out).filter((f) => /^(parts\/|[a-z]+\.(arrow|parquet|csv)$|peers\.json$)/.test(f));
    expect(written.length).toBe(5 * 3 + 5 * manifest.partitions.length + 1); // + peers.json, the peer spreads
    expect(Object.keys(manifest.files).sort()).toEqual(written);
    for (const f of written) {
      const b = readFileSync(join(out, f));
      expect(manifest.files[f], f).toEqual({ bytes: b.length, sha256: sha(b) });
    }
  });

  it('files.json gives every file the site reads but summary.json, an Arrow file’s rows as its stream holds them', () => {
    const read = files(out).filter((f) => /^(parts\/.*\.arrow|overview\/.*\.json|filings\/.*\.json|peers\.json)$/.test(f));
    expect(Object.keys(listed).sort()).toEqual(read);
    for (const f of read) {
      const b = readFileSync(join(out, f));
      expect(listed[f].bytes, f).toBe(b.length);
      expect(listed[f].sha256, f).toBe(sha(b));
      if (f.endsWith('.arrow')) expect(listed[f].rows, f).toBe(arrowRows(b));
    }
    const p = manifest.partitions[0];
    expect(listed[`parts/${p.partition}/indicators.arrow`].rows).toBe(p.rows.indicators);
    const list = readFileSync(join(out, 'files.json'));
    expect(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')).files).toEqual({ bytes: list.length, sha256: sha(list) });
  });

  it('the build step refuses a partition whose size changed since the ingest', () => {
    const p = `parts/${manifest.partitions[0].partition}/findings.arrow`;
    truncateSync(join(out, p), 100);
    const r = tsx('scripts/site-summary.ts', out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`${p}: 100 bytes, the manifest says ${manifest.files[p].bytes}: the output is damaged, run npm run ingest again`);
  });
});

describe('the site’s check of a file', () => {
  afterEach(() => vi.unstubAllGlobals());
  let bytes: Uint8Array;
  let want: FileDigest;
  beforeAll(() => {
    bytes = new Uint8Array(readFileSync(join(out, 'indicators.arrow'))); // the seeds' whole table, as ingested above
    want = { bytes: bytes.length, sha256: sha(bytes), rows: arrowRows(bytes) };
  });

  it('hashes as Node does, with crypto.subtle and without it (a plain-http intranet host)', async () => {
    expect(await sha256Hex(bytes)).toBe(want.sha256);
    vi.stubGlobal('crypto', undefined); // not a secure context: no crypto.subtle
    expect(globalThis.crypto).toBeUndefined();
    expect(await sha256Hex(bytes)).toBe(want.sha256);
  });

  it('hashes a download as it arrives when there is no crypto.subtle', async () => {
    const server = await serve(out, 0);
    try {
      const url = new URL(`http://127.0.0.1:${(server.address() as { port: number }).port}/indicators.arrow`);
      vi.stubGlobal('crypto', undefined);
      const got = await fetchBytes(url, 'data/indicators.arrow', undefined, true);
      expect([got.bytes.length, got.sha256]).toEqual([want.bytes, want.sha256]);
      expect(Buffer.from(got.bytes).equals(Buffer.from(bytes))).toBe(true);
      await expect(fetchBytes(new URL('nothing.arrow', url), 'data/nothing.arrow')).rejects.toMatchObject({ kind: 'http', found: '404 Not Found' });
    } finally {
      server.close();
    }
  });

  it('accepts the file as written; refuses it cut, changed, or holding other rows than listed', async () => {
    expect(want.rows).toBeGreaterThan(100);
    expect(await mismatch(bytes, want, arrowRows)).toBeNull();
    expect(await mismatch(bytes.subarray(0, bytes.length >> 1), want, arrowRows)).toEqual({
      what: 'size', expected: String(bytes.length), found: String(bytes.length >> 1),
    });
    const changed = bytes.slice();
    changed[200] ^= 1;
    expect(await mismatch(changed, want, arrowRows)).toMatchObject({ what: 'hash', expected: want.sha256, found: sha(changed) });
    expect(await mismatch(bytes, { ...want, rows: want.rows! + 1 }, arrowRows)).toEqual({
      what: 'rows', expected: String(want.rows! + 1), found: String(want.rows),
    });
  });
});

describe('what the user reads', () => {
  it('says for each kind of failure which file, what was found and what to check, in both languages', () => {
    for (const lang of ['zh', 'en'] as const) {
      for (const kind of FAILURE_KINDS) {
        const { what, check } = failureText(lang, new LoadFailure(kind, 'data/parts/130303/2021/indicators.arrow', '16760', '8380'));
        expect(what, `${lang} ${kind}`).toContain('data/parts/130303/2021/indicators.arrow');
        expect(what + check, `${lang} ${kind}`).not.toMatch(/[{}]/);
        expect(check.length, `${lang} ${kind}: what to check`).toBeGreaterThan(10);
      }
    }
    expect(failureText('zh', new LoadFailure('size', 'data/x.arrow', '16760', '8380')).what).toBe(
      'data/x.arrow 有 8,380 字节，构建时是 16,760 字节：文件不完整，或不是这次构建的。',
    );
    expect(failureText('en', new LoadFailure('http', 'assets/e.wasm', '200 OK', '404 Not Found')).what).toBe('The server answered 404 Not Found for assets/e.wasm.');
  });

  it('shows an internal error as a plain sentence, never its text', () => {
    const raw = new Error('Conversion Error: Type DOUBLE with value 1e+22 can’t be cast to BIGINT');
    for (const lang of ['zh', 'en'] as const) {
      const { what } = failureText(lang, raw);
      expect(what).not.toContain('Conversion');
      expect(what).toMatch(/控制台|console/);
    }
  });
});
