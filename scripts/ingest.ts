/**
 * npm run ingest -- [--out DIR] [--csv] [--jobs N] [PATH ...]
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
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { formatYuan } from '../src/lib/parse/money';
import type { Places } from '../src/lib/quality';
import { type Row, SORT_KEYS, TABLE_NAMES, TABLES, type TableName } from '../src/lib/tables';
import { type FileResult, partitionOf, summaryLine } from './ingest/batch';
import { digestOutputs } from './ingest/digest';
import { Pool } from './ingest/pool';

interface Args {
  out: string;
  csv: boolean;
  jobs: number;
  paths: string[];
}

const BATCH = 40;
const WHOLE_MAX_BYTES = 256 * 1024 * 1024;

function parseArgs(argv: string[]): Args {
  // A worker per core by default. Measured here (2 cores, Hebei-sized synthetic province, 437 MB): one
  // thread 114 s and 1.9 GB, two workers 66 s and 1.1 GB. A handful of files is read on this thread.
  const args: Args = { out: 'public/data', csv: false, jobs: availableParallelism(), paths: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--csv') args.csv = true;
    else if (argv[i] === '--jobs') args.jobs = Math.max(1, Number(argv[++i]) || 1);
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('npm run ingest -- [--out DIR] [--csv] [--jobs N] [PATH ...]');
      process.exit(0);
    } else args.paths.push(argv[i]);
  }
  if (args.paths.length === 0) args.paths.push('data/raw');
  return args;
}

/** Files under the given paths, in a stable order; sidecars (X.meta.json) and hidden files are not filings. */
function listFiles(paths: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const e of readdirSync(p).sort()) !e.startsWith('.') && walk(join(p, e));
    else if (!p.endsWith('.meta.json') && !basename(p).startsWith('.')) out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

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
  const t0 = performance.now();
  const files = listFiles(args.paths);
  const tmp = mkdtempSync(join(tmpdir(), 'perflens-ingest-'));
  const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, k) => files.slice(k * BATCH, (k + 1) * BATCH));
  const pool = new Pool(Math.min(args.jobs, batches.length));
  try {
    // 1. Read: every batch's rows to chunk files, back only a line per file, its filings row and the places of its keys.
    const places: Places = new Map();
    const results: FileResult[] = [];
    const reads = batches.map((b, k) => pool.run({ kind: 'read', files: b, chunk: `c${String(k).padStart(6, '0')}`, tmp }));
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
    if (read.length === 0) {
      console.error(`no filing read: ${files.length === 0 ? `no files under ${args.paths.join(', ')}` : `all ${files.length} file${files.length === 1 ? ' was' : 's were'} refused (above)`}; ${args.out} is left as it was`);
      return 1;
    }
    const placesFile = join(tmp, 'places.json');
    writeFileSync(placesFile, JSON.stringify([...places].flatMap(([k, v]) => (v.size > 1 ? [[k, [...v]]] : []))));
    places.clear();

    // 2. Each partition: its cross-filing findings, then its tables joined into one Arrow file each.
    mkdirSync(args.out, { recursive: true });
    rmSync(join(args.out, 'parts'), { recursive: true, force: true });
    const filings = read.map((r) => r.filing!).sort((a, b) => compare(a, b, SORT_KEYS.filings));
    const byPartition = new Map<string, Row[]>();
    for (const f of filings) {
      const list = byPartition.get(partitionOf(f));
      if (list) list.push(f);
      else byPartition.set(partitionOf(f), [f]);
    }
    for (const p of byPartition.keys()) mkdirSync(join(args.out, 'parts', p), { recursive: true });
    const finished = await Promise.all(
      [...byPartition].map(([partition, rows]) => pool.run({ kind: 'partition', tmp, out: args.out, partition, filings: rows, places: placesFile })),
    );
    const corpus = new Map(finished.flatMap((f) => f.corpus));
    for (const f of filings) f.findings_info = (f.findings_info as number) + (corpus.get(f.filing_id as string) ?? 0);
    for (const r of read) {
      r.summary!.info += corpus.get(r.filing!.filing_id as string) ?? 0;
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
        pool.run({ kind: 'whole', out: args.out, table: t, files: finished.map((p) => join(args.out, 'parts', p.partition, `${t}.arrow`)), arrow: arrow(t), csv: args.csv }),
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
      files: digestOutputs(args.out), // each file's size and SHA-256: the site refuses one that differs
    };
    writeFileSync(join(args.out, 'manifest.json'), JSON.stringify(manifest, null, 1));
    const budget = filings.reduce((a, f) => a + ((f.budget_yuan as bigint | null) ?? 0n), 0n);
    const mb = results.reduce((a, r) => a + r.bytes, 0) / 1e6;
    const secs = (performance.now() - t0) / 1000;
    console.log(
      `total: ${filings.length} filings, ${counts.projects} projects, ${counts.indicators} indicators, ${counts.findings} findings, ` +
        `budget ${formatYuan(budget as never)} 元; ${rejected} rejected → ${args.out}`,
    );
    // Throughput on stderr, so stdout stays the per-file report.
    console.error(`read ${mb.toFixed(1)} MB in ${secs.toFixed(1)} s (${(mb / secs).toFixed(1)} MB/s; reading ${((tRead - t0) / 1000).toFixed(1)} s, writing ${((performance.now() - tRead) / 1000).toFixed(1)} s; ${pool.threads} jobs), ${byPartition.size} partitions`);
    return rejected > 0 ? 1 : 0;
  } finally {
    await pool.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

// exitCode, not exit(): a pipe still being drained (the per-file report) must not be cut off.
main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`ingest failed: ${(e as Error).stack ?? e}`);
    process.exitCode = 2;
  },
);
