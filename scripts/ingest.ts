/**
 * npm run ingest -- [--out DIR] [--csv] [--jobs N] [--settings FILE] [PATH ...]
 *
 * Reads filings (files or folders; default data/raw), scores them, and writes the contract's five tables
 * to DIR (default public/data): <table>.arrow for the site, <table>.parquet for users' tools, optional
 * <table>.csv, manifest.json, and the same tables as Arrow split by county and year under
 * parts/<code>/<year>/ (what a province-scale site fetches on demand). A file it cannot read is reported on stderr as
 * `file: reason` and skipped; every other file is still written, and the exit status is 1.
 *
 * Files are read in batches of 40 by --jobs worker threads (default: one per core), each batch's rows
 * written at once as chunk files; then each partition is finished (its cross-filing findings, its
 * tables joined) and each whole table's Parquet streamed from the partitions, on the same threads. The
 * main thread keeps a line and a filings row per file and where each compared indicator occurs, so
 * memory is bounded by the batch, not the province. A table over 256 MB of Arrow gets no whole
 * `<table>.arrow` (nor CSV): the site reads its partitions, tools its Parquet.
 *
 * The new output is staged beside DIR, read back, and swapped in whole (ingest/staging.ts): a run that
 * fails or is killed leaves the previous output as it was. A failure the user can fix (a full or read-only
 * disk, bad arguments, nothing accepted) is one line on stderr: exit 2, or 1 when no filing was accepted.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatYuan } from '../src/lib/parse/money';
import type { Places } from '../src/lib/quality';
import { peerSpreads } from '../src/lib/quality/rules/peer-target';
import { type Row, SORT_KEYS, TABLE_NAMES, TABLES, type TableName, type TableRow } from '../src/lib/tables';
import { parseArgs, USAGE } from './ingest/args';
import { type FileResult, summaryLine } from './ingest/batch';
import { partitionPath } from '../src/lib/db/layout';
import { osFailure, Stop } from './ingest/failures';
import { listInputs } from './ingest/inputs';
import { digestOutputs } from './ingest/digest';
import { Pool } from './ingest/pool';
import { commit, discard, openStaging, tmpFolder } from './ingest/staging';
import { verifyOutput } from './ingest/verify';

const BATCH = 40;
const WHOLE_MAX_BYTES = 256 * 1024 * 1024;

function compare(a: Row, b: Row, keys: string[]): number {
  for (const k of keys) {
    const [x, y] = [a[k], b[k]];
    if (x === y) continue;
    if (x == null) return 1; // nulls last: 未注明 after the named counties
    if (y == null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args === 'help') {
    console.log(USAGE);
    return 0;
  }
  const t0 = performance.now();
  // The output folder is checked (and earlier runs' leftovers cleaned) before anything is read.
  const staging = openStaging(args.out);
  const tmp = (() => {
    try {
      return tmpFolder();
    } catch (e) {
      discard(staging);
      throw new Stop(`${osFailure(e, `cannot make a folder in ${tmpdir()} for the chunk files`) ?? (e as Error).message}; ${args.out} is left as it was`);
    }
  })();
  const cleanUp = () => {
    discard(staging);
    rmSync(tmp, { recursive: true, force: true });
  };
  // Interrupted (Ctrl-C, kill): nothing of this run is left behind; kill -9 leaves it to the next run.
  const interrupted = (signal: NodeJS.Signals, code: number) => () => {
    cleanUp();
    console.error(`ingest interrupted (${signal}); ${args.out} is left as it was`);
    process.exit(code);
  };
  process.once('SIGINT', interrupted('SIGINT', 130));
  process.once('SIGTERM', interrupted('SIGTERM', 143));
  const { files, skipped } = listInputs(args.paths);
  for (const line of skipped) console.error(line);
  const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, k) => files.slice(k * BATCH, (k + 1) * BATCH));
  const pool = new Pool(Math.min(args.jobs, batches.length));
  try {
    // 1. Read: every batch's rows to chunk files, back only a line per file, its filings row and the places of its keys.
    const places: Places = new Map();
    const results: FileResult[] = [];
    const reads = batches.map((b, k) => pool.run({ kind: 'read', files: b, chunk: `c${String(k).padStart(6, '0')}`, tmp, settings: args.settings }));
    for (const read of reads) {
      const batch = await read;
      results.push(...batch.results);
      for (const [key, list] of batch.places) {
        const set = places.get(key);
        if (set) for (const p of list) set.add(p);
        else places.set(key, new Set(list));
      }
    }
    const tRead = performance.now();
    for (const r of results) if (r.error) console.error(r.error);
    const read = results.filter((r) => r.filing);
    if (read.length === 0) throw new Stop(`no filing accepted: ${nothingRead(args.paths, files.length, skipped.length)}; ${args.out} is left as it was`, 1);
    // The peers' spreads, for the project pages (small: a few numbers per group of indicators).
    const peers = peerSpreads(places);
    writeFileSync(join(staging.dir, 'peers.json'), JSON.stringify(peers));
    const placesFile = join(tmp, 'places.json');
    writeFileSync(placesFile, JSON.stringify([...places].flatMap(([k, v]) => (v.size > 1 ? [[k, [...v]]] : []))));
    places.clear();

    // 2. Each partition: its cross-filing findings, then its tables joined into one Arrow file each, staged.
    const out = staging.dir;
    const filings = read.map((r) => r.filing!).sort((a, b) => compare(a, b, SORT_KEYS.filings));
    const byPartition = new Map<string, TableRow<'filings'>[]>();
    for (const f of filings) {
      const list = byPartition.get(partitionPath(f));
      if (list) list.push(f);
      else byPartition.set(partitionPath(f), [f]);
    }
    for (const p of byPartition.keys()) mkdirSync(join(out, 'parts', p), { recursive: true });
    const finished = await Promise.all(
      [...byPartition].map(([partition, rows]) => pool.run({ kind: 'partition', settings: args.settings, tmp, out, partition, filings: rows, places: placesFile })),
    );
    const corpus = new Map(finished.flatMap((f) => f.corpus));
    for (const f of filings) f.findings_info = (f.findings_info ?? 0) + (corpus.get(f.filing_id ?? '') ?? 0);
    for (const r of read) {
      r.summary!.info += corpus.get(r.filing!.filing_id ?? '') ?? 0;
      console.log(summaryLine(r.summary!));
    }

    // 3. Whole tables from the partitions, largest first (two threads finish together): Parquet always,
    // streamed; Arrow (and CSV) up to WHOLE_MAX_BYTES — past that the site reads the partitions, and a
    // whole table would only be built in memory for nobody.
    const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, finished.reduce((a, p) => a + p.rows[t], 0)])) as Record<TableName, number>;
    const bytes = Object.fromEntries(TABLE_NAMES.map((t) => [t, finished.reduce((a, p) => a + p.bytes[t], 0)])) as Record<TableName, number>;
    const arrow = (t: TableName) => bytes[t] <= WHOLE_MAX_BYTES;
    for (const t of TABLE_NAMES) {
      if (!arrow(t)) console.error(`${t}: ${counts[t]} rows, ${(bytes[t] / 1e6).toFixed(0)} MB of Arrow: ${t}.parquet whole, Arrow per partition only (parts/*/*/${t}.arrow)`);
    }
    await Promise.all(
      [...TABLE_NAMES].sort((a, b) => bytes[b] - bytes[a]).map((t) =>
        pool.run({ kind: 'whole', out, table: t, files: finished.map((p) => join(out, 'parts', p.partition, `${t}.arrow`)), arrow: arrow(t), csv: args.csv }),
      ),
    );

    const rejected = results.filter((r) => r.error).length;
    const manifest = {
      tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, { rows: counts[t], arrow: arrow(t), columns: TABLES[t] }])),
      filings: filings.map((f) => ({ filing_id: f.filing_id, source_file: f.source_file, county: f.county, year: f.year })),
      partitions: finished.map((p) => {
        const f0 = byPartition.get(p.partition)![0];
        return { partition: p.partition, county: f0.county, county_code: f0.county_code, year: f0.year, rows: p.rows, bytes: p.bytes };
      }),
      rejected,
      settings: args.settings, // what the scores and bands were computed with: the site reads its bands from it
      files: digestOutputs(out), // each file's size and SHA-256: the site refuses one that differs
    };
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 1));

    // 4. Read back, then swapped in whole: a run that fails before this line leaves the old output as it was.
    const tVerify = performance.now();
    const problems = await verifyOutput(out, args.csv);
    if (problems.length > 0) throw new Stop(`the new output did not verify, so ${args.out} is left as it was:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    const leftOver = commit(staging);
    if (leftOver) console.error(leftOver);
    const tSwapped = performance.now();
    const budget = filings.reduce((a, f) => a + (f.budget_yuan ?? 0n), 0n);
    const mb = results.reduce((a, r) => a + r.bytes, 0) / 1e6;
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `total: ${filings.length} filings, ${counts.projects} projects, ${counts.indicators} indicators, ${counts.findings} findings, ` +
        `budget ${formatYuan(budget as never)} 元; ${rejected} rejected${skipped.length > 0 ? `, ${skipped.length} skipped` : ''} → ${args.out}`,
    );
    // Throughput on stderr, so stdout stays the per-file report.
    console.error(`read ${mb.toFixed(1)} MB in ${secs.toFixed(1)} s (${(mb / secs).toFixed(1)} MB/s; reading ${((tRead - t0) / 1000).toFixed(1)} s, writing ${((tVerify - tRead) / 1000).toFixed(1)} s, verifying and swapping ${((tSwapped - tVerify) / 1000).toFixed(1)} s; ${pool.threads} jobs), ${byPartition.size} partitions`);
    return rejected + skipped.length > 0 ? 1 : 0;
  } catch (e) {
    // What the system refused (a full disk, a read-only one) said in a line: the old output is untouched.
    const plain = e instanceof Stop ? null : osFailure(e, 'ingest failed');
    throw plain ? new Stop(`${plain}; ${args.out} is left as it was`) : e;
  } finally {
    await pool.close();
    cleanUp();
  }
}

/** Why nothing was read, from what was found under the paths. */
function nothingRead(paths: string[], files: number, skipped: number): string {
  if (files > 0) return `all ${files} file${files === 1 ? ' was' : 's were'} refused${skipped > 0 ? `, ${skipped} skipped` : ''} (the reasons above)`;
  if (skipped > 0) return `no regular file under ${paths.join(', ')}; ${skipped} skipped (the reasons above)`;
  return `no files under ${paths.join(', ')}`;
}

// exitCode, not exit(): a pipe still being drained (the per-file report) must not be cut off.
main().then(
  (code) => (process.exitCode = code),
  (e) => {
    // A failure said plainly is one line; anything else is a bug, with its stack.
    console.error(e instanceof Stop ? e.message : `ingest failed: ${(e as Error).stack ?? e}`);
    process.exitCode = e instanceof Stop ? e.status : 2;
  },
);
