/**
 * npm run ingest -- [--out DIR] [--csv] [--jobs N] [PATH ...]
 *
 * Reads filings (files or folders; default data/raw), scores them, and writes the contract's five tables
 * to DIR (default public/data): <table>.arrow for the site, <table>.parquet for users' tools, optional
 * <table>.csv, manifest.json, and the same tables split by county and year under parts/<code>/<year>/
 * (what a province-scale site fetches on demand). A file it cannot read is reported on stderr as
 * `file: reason` and skipped; every other file is still written, and the exit status is 1.
 *
 * Files are read in batches (by --jobs worker threads when asked), each batch's rows written at once as
 * chunk files, so memory stays bounded by the batch, not the province. A table over 256 MB of Arrow is
 * written per partition only.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { tableFromIPC } from 'apache-arrow';
import { formatYuan } from '../src/lib/parse/money';
import { assessCorpus, type CorpusRow } from '../src/lib/quality';
import { corpusFindingRows, type Row, SORT_KEYS, TABLE_NAMES, TABLES, type TableName, toArrowIPC, toCSV } from '../src/lib/tables';
import { type FileResult, partitionOf, readBatch, summaryLine, writeChunk } from './ingest/batch';
import { chunkFiles, concatArrow } from './ingest/merge';
import { arrowToParquet } from './parquet';

interface Args {
  out: string;
  csv: boolean;
  jobs: number;
  paths: string[];
}

const BATCH = 40;

function parseArgs(argv: string[]): Args {
  // One worker by default: measured here, the reading is allocation-bound and a second worker competes
  // with the first one's garbage collector for the same two cores (1,800 filings: 7.5 s with one, 8.9 s with two).
  const args: Args = { out: 'public/data', csv: false, jobs: 1, paths: [] };
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

/** Batches to worker threads (or, for a handful of files, to this thread): results in file order. */
async function readAll(files: string[], jobs: number, tmp: string): Promise<FileResult[]> {
  const batches = Array.from({ length: Math.ceil(files.length / BATCH) }, (_, k) => files.slice(k * BATCH, (k + 1) * BATCH));
  const chunk = (k: number) => `c${String(k).padStart(6, '0')}`;
  const results: FileResult[][] = [];
  const workers = Math.min(jobs, batches.length);
  if (workers <= 1) {
    for (const [k, b] of batches.entries()) results[k] = readBatch(b, chunk(k), tmp);
    return results.flat();
  }
  const boot = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./ingest/worker.ts', import.meta.url).href)}); })`;
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(boot, { eval: true, workerData: { tmp } });
      const send = () => {
        if (next >= batches.length) {
          w.postMessage(null);
          return;
        }
        const k = next++;
        w.postMessage({ files: batches[k], chunk: chunk(k) });
      };
      w.on('message', (m: { ready?: boolean; chunk?: string; results?: FileResult[] }) => {
        if (m.results) results[Number(m.chunk!.slice(1))] = m.results;
        send();
      });
      w.on('error', reject);
      w.on('exit', () => resolve());
    })),
  );
  return results.flat();
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const t0 = performance.now();
  const files = listFiles(args.paths);
  const tmp = mkdtempSync(join(tmpdir(), 'perflens-ingest-'));
  try {
    const results = await readAll(files, args.jobs, tmp);
    const tRead = performance.now();
    const read = results.filter((r) => r.filing);
    for (const r of results) if (r.error) console.error(r.error);

    // Cross-filing rules over the whole set, from the compact rows the batches returned.
    const corpus = assessCorpus(read.flatMap((r) => r.corpus as CorpusRow[]));
    const byFiling = new Map<string, typeof corpus>();
    for (const c of corpus) byFiling.set(c.filing, [...(byFiling.get(c.filing) ?? []), c]);
    const corpusRows = new Map<string, Row[]>();
    for (const r of read) {
      const f = r.filing!;
      const extra = corpusFindingRows(f.filing_id as string, f.county as string | null, f.year as number | null, (byFiling.get(f.filing_id as string) ?? []).map((c) => c.finding));
      f.findings_info = (f.findings_info as number) + extra.length;
      r.summary!.info += extra.length;
      corpusRows.set(r.partition!, [...(corpusRows.get(r.partition!) ?? []), ...extra]);
      console.log(summaryLine(r.summary!));
    }
    for (const [partition, rows] of corpusRows) if (rows.length > 0) writeChunk(tmp, partition, 'z-corpus', { findings: rows });

    // Filings: small, one row each, written whole and per partition.
    const filings = read.map((r) => r.filing!).sort((a, b) => compare(a, b, SORT_KEYS.filings));
    const partitions = [...new Set(filings.map(partitionOf))];
    for (const p of partitions) writeChunk(tmp, p, 'c', { filings: filings.filter((f) => partitionOf(f) === p) });

    // Partitions, then whole tables: Arrow for the site, Parquet converted from the same bytes.
    mkdirSync(args.out, { recursive: true });
    rmSync(join(args.out, 'parts'), { recursive: true, force: true });
    const write = (path: string, ipc: Uint8Array) => {
      writeFileSync(`${path}.arrow`, ipc);
      writeFileSync(`${path}.parquet`, arrowToParquet(ipc));
    };
    const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
    const parts: { partition: string; county: unknown; county_code: unknown; year: unknown; rows: Record<string, number>; bytes: Record<string, number> }[] = [];
    for (const p of partitions) {
      const dir = join(args.out, 'parts', p);
      mkdirSync(dir, { recursive: true });
      const f0 = filings.find((f) => partitionOf(f) === p)!;
      const entry = { partition: p, county: f0.county, county_code: f0.county_code, year: f0.year, rows: {} as Record<string, number>, bytes: {} as Record<string, number> };
      for (const t of TABLE_NAMES) {
        const merged = concatArrow(chunkFiles(join(tmp, p, t))) ?? { bytes: toArrowIPC(TABLES[t], []), rows: 0 };
        write(join(dir, t), merged.bytes);
        entry.rows[t] = merged.rows;
        entry.bytes[t] = merged.bytes.length;
        counts[t] += merged.rows;
      }
      parts.push(entry);
    }
    // A whole table is built in memory (and converted to Parquet in wasm's 4 GB): past this size the
    // partitions are the table (readers glob parts/*/*/<table>.parquet).
    const WHOLE_MAX_BYTES = 256 * 1024 * 1024;
    for (const t of TABLE_NAMES) {
      const bytes = parts.reduce((a, p) => a + p.bytes[t], 0);
      if (bytes > WHOLE_MAX_BYTES) {
        console.error(`${t}: ${counts[t]} rows, ${(bytes / 1e6).toFixed(0)} MB of Arrow, written per partition only (parts/*/*/${t}.arrow)`);
        continue;
      }
      const whole = concatArrow(partitions.map((p) => join(args.out, 'parts', p, `${t}.arrow`)))?.bytes ?? toArrowIPC(TABLES[t], []);
      write(join(args.out, t), whole);
      if (args.csv) writeFileSync(join(args.out, `${t}.csv`), toCSV(TABLES[t], readRows(whole)));
    }
    const rejected = results.filter((r) => r.error).length;
    const manifest = {
      tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, { rows: counts[t], columns: TABLES[t] }])),
      filings: filings.map((f) => ({ filing_id: f.filing_id, source_file: f.source_file, county: f.county, year: f.year })),
      partitions: parts,
      rejected,
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
    console.error(`read ${mb.toFixed(1)} MB in ${secs.toFixed(1)} s (${(mb / secs).toFixed(1)} MB/s; reading ${((tRead - t0) / 1000).toFixed(1)} s, writing ${((performance.now() - tRead) / 1000).toFixed(1)} s; ${args.jobs} jobs), ${partitions.length} partitions`);
    return rejected > 0 ? 1 : 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Rows of an Arrow stream, for the CSV (money back to exact fen). */
function readRows(ipc: Uint8Array): Row[] {
  const t = tableFromIPC(ipc);
  const names = t.schema.fields.map((f) => f.name);
  const cols = names.map((n) => t.getChild(n)!);
  const decimals = new Set(t.schema.fields.filter((f) => String(f.type).startsWith('Decimal')).map((f) => f.name));
  const out: Row[] = [];
  for (let i = 0; i < t.numRows; i++) {
    const r: Row = {};
    names.forEach((n, k) => {
      const v = cols[k].get(i);
      r[n] = v == null ? null : decimals.has(n) ? fenOf(v) : (v as Row[string]);
    });
    out.push(r);
  }
  return out;
}

/** An Arrow Decimal128 value (four little-endian uint32 words) as bigint fen. */
function fenOf(v: unknown): bigint {
  const w = v as Uint32Array;
  const lo = BigInt(w[0]) | (BigInt(w[1]) << 32n);
  const hi = BigInt(w[2]) | (BigInt(w[3]) << 32n);
  return BigInt.asIntN(128, lo | (hi << 64n));
}

// exitCode, not exit(): a pipe still being drained (the per-file report) must not be cut off.
main().then(
  (code) => (process.exitCode = code),
  (e) => {
    console.error(`ingest failed: ${(e as Error).stack ?? e}`);
    process.exitCode = 2;
  },
);
