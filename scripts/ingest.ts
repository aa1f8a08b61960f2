/**
 * npm run ingest -- [--out DIR] [--csv] [PATH ...]
 *
 * Reads filings (files or folders; default data/raw), scores them, and writes the contract's five tables
 * to DIR (default public/data): <table>.arrow for the site, <table>.parquet for users' tools, optional
 * <table>.csv, and manifest.json. A file it cannot read is reported on stderr as `file: reason` and
 * skipped; every other file is still written, and the exit status is 1.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseFiling, type Filing, type FilingMeta } from '../src/lib/parse';
import { formatYuan } from '../src/lib/parse/money';
import { assess } from '../src/lib/quality';
import { SORT_KEYS, TABLE_NAMES, TABLES, toArrowIPC, toCSV, toRows, type Row, type TableName } from '../src/lib/tables';
import { writeParquet } from './parquet';

interface Args {
  out: string;
  csv: boolean;
  paths: string[];
}

function parseArgs(argv: string[]): Args {
  const args: Args = { out: 'public/data', csv: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') args.out = argv[++i];
    else if (argv[i] === '--csv') args.csv = true;
    else if (argv[i] === '--help' || argv[i] === '-h') {
      console.log('npm run ingest -- [--out DIR] [--csv] [PATH ...]');
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
    const st = statSync(p);
    if (st.isDirectory()) for (const e of readdirSync(p).sort()) !e.startsWith('.') && walk(join(p, e));
    else if (!p.endsWith('.meta.json') && !basename(p).startsWith('.')) out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
}

function readMeta(file: string): FilingMeta | string {
  const side = `${file}.meta.json`;
  const alt = file.replace(/\.[^./]+$/, '.meta.json');
  const path = existsSync(side) ? side : existsSync(alt) && alt !== file ? alt : null;
  if (!path) return {};
  try {
    const m = JSON.parse(readFileSync(path, 'utf8'));
    if (typeof m !== 'object' || m == null || Array.isArray(m)) return `${path}: expected a JSON object`;
    return m as FilingMeta;
  } catch (e) {
    return `${path}: not valid JSON (${(e as Error).message})`;
  }
}

function compare(a: Row, b: Row, keys: string[]): number {
  for (const k of keys) {
    const x = a[k];
    const y = b[k];
    if (x === y) continue;
    if (x == null) return 1; // nulls last: 未注明 after the named counties
    if (y == null) return -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const files = listFiles(args.paths);
  const filings: Filing[] = [];
  let rejected = 0;
  for (const file of files) {
    const meta = readMeta(file);
    if (typeof meta === 'string') {
      console.error(`${file}: ${meta}`);
      rejected++;
      continue;
    }
    if (/\.(docx?|pdf|xlsx?)$/i.test(file)) {
      console.error(`${file}: expected plain text (.txt) of a filing, found a ${file.split('.').pop()} file; convert it to text first`);
      rejected++;
      continue;
    }
    const r = parseFiling(readFileSync(file), basename(file), meta);
    if (!r.ok) {
      const { line, expected, found } = r.rejection;
      console.error(`${file}${line ? `:${line}` : ''}: expected ${expected}; found ${found}`);
      rejected++;
      continue;
    }
    filings.push(r.filing);
  }

  const quality = assess(filings);
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as Row[]])) as Record<TableName, Row[]>;
  for (const f of filings) {
    const rows = toRows(f, quality.get(f.id)!);
    for (const t of TABLE_NAMES) tables[t].push(...rows[t]);
    const q = quality.get(f.id)!;
    const sev = (s: string) => rows.findings.filter((x) => x.severity === s).length;
    const inds = rows.indicators.length;
    console.log(
      [
        `${f.county ?? '（未注明县区）'} ${f.year ?? '----'}`.padEnd(14),
        f.sourceFile.padEnd(26),
        `${f.projects.length} projects`.padEnd(12),
        `${inds} indicators`.padEnd(15),
        `score ${q.score?.toFixed(1) ?? '-'} ${q.band ?? ''}${q.partialRubric ? ' (partial rubric)' : ''}`.padEnd(30),
        `findings ${sev('critical')} critical, ${sev('major')} major, ${sev('minor')} minor, ${sev('info')} info`,
        f.status === 'partial' ? ' [partial]' : '',
      ].join(' '),
    );
  }
  for (const t of TABLE_NAMES) tables[t].sort((a, b) => compare(a, b, SORT_KEYS[t]));

  mkdirSync(args.out, { recursive: true });
  for (const t of TABLE_NAMES) {
    writeFileSync(join(args.out, `${t}.arrow`), toArrowIPC(TABLES[t], tables[t]));
    if (args.csv) writeFileSync(join(args.out, `${t}.csv`), toCSV(TABLES[t], tables[t]));
  }
  await writeParquet(TABLE_NAMES.map((t) => ({ name: t, columns: TABLES[t], rows: tables[t] })), args.out);
  const manifest = {
    tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, { rows: tables[t].length, columns: TABLES[t] }])),
    filings: filings.map((f) => ({ filing_id: f.id, source_file: f.sourceFile, county: f.county, year: f.year })),
    rejected,
  };
  writeFileSync(join(args.out, 'manifest.json'), JSON.stringify(manifest, null, 1));

  const budget = tables.projects.reduce((a, p) => a + ((p.budget_yuan as bigint | null) ?? 0n), 0n);
  console.log(
    `total: ${filings.length} filings, ${tables.projects.length} projects, ${tables.indicators.length} indicators, ` +
      `${tables.findings.length} findings, budget ${formatYuan(budget as never)} 元; ${rejected} rejected → ${args.out}`,
  );
  return rejected > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`ingest failed: ${(e as Error).stack ?? e}`);
    process.exit(2);
  },
);
