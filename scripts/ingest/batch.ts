import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseFiling, type FilingMeta } from '../../src/lib/parse';
import { assessFiling, type CorpusRow, corpusRows } from '../../src/lib/quality';
import { type Row, type TableName, TABLES, toArrowIPC, toRows } from '../../src/lib/tables';

/**
 * One batch of files, read and scored, its rows written as chunk files per partition (county × year):
 * `<tmp>/<partition>/<table>/<chunk>.arrow`. Runs in a worker thread or in the main one; what
 * it returns is small (a line per file, the filings' rows, the rows the cross-filing rules need).
 */
export const DETAIL: TableName[] = ['projects', 'schedule', 'indicators', 'findings'];

/** What the command prints for a file. */
export interface Summary {
  place: string;
  file: string;
  projects: number;
  indicators: number;
  score: number | null;
  band: string | null;
  partial: boolean;
  status: string;
  critical: number;
  major: number;
  minor: number;
  info: number;
}

export function summaryLine(s: Summary): string {
  return [
    s.place.padEnd(14),
    s.file.padEnd(26),
    `${s.projects} projects`.padEnd(12),
    `${s.indicators} indicators`.padEnd(15),
    `score ${s.score?.toFixed(1) ?? '-'} ${s.band ?? ''}${s.partial ? ' (partial rubric)' : ''}`.padEnd(30),
    `findings ${s.critical} critical, ${s.major} major, ${s.minor} minor, ${s.info} info`,
    s.status === 'partial' ? ' [partial]' : '',
  ].join(' ');
}

export interface FileResult {
  file: string;
  summary?: Summary;
  /** The rejection, for stderr. */
  error?: string;
  filing?: Row;
  partition?: string;
  corpus?: CorpusRow[];
  bytes: number;
}

export const partitionOf = (r: Row) => `${r.county_code ?? '_'}/${r.year ?? '_'}`;

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

function readOne(file: string, rows: Map<string, Record<TableName, Row[]>>): FileResult {
  const meta = readMeta(file);
  if (typeof meta === 'string') return { file, error: `${file}: ${meta}`, bytes: 0 };
  if (/\.(docx?|pdf|xlsx?)$/i.test(file)) {
    return { file, error: `${file}: expected plain text (.txt) of a filing, found a ${file.split('.').pop()} file; convert it to text first`, bytes: 0 };
  }
  const bytes = readFileSync(file);
  const r = parseFiling(bytes, basename(file), meta);
  if (!r.ok) {
    const { line, expected, found } = r.rejection;
    return { file, error: `${file}${line ? `:${line}` : ''}: expected ${expected}; found ${found}`, bytes: bytes.length };
  }
  const f = r.filing;
  const q = assessFiling(f);
  const t = toRows(f, q);
  const filing = t.filings[0];
  const partition = partitionOf(filing);
  const into = rows.get(partition) ?? { filings: [], projects: [], schedule: [], indicators: [], findings: [] };
  for (const name of DETAIL) into[name].push(...t[name]);
  rows.set(partition, into);
  const sev = (s: string) => t.findings.filter((x) => x.severity === s).length;
  const summary: Summary = {
    place: `${f.county ?? '（未注明县区）'} ${f.year ?? '----'}`, file: f.sourceFile, projects: f.projects.length, indicators: t.indicators.length,
    score: q.score, band: q.band, partial: q.partialRubric, status: f.status,
    critical: sev('critical'), major: sev('major'), minor: sev('minor'), info: sev('info'),
  };
  return { file, summary, filing, partition, corpus: corpusRows(f), bytes: bytes.length };
}

export function readBatch(files: string[], chunk: string, tmp: string): FileResult[] {
  const rows = new Map<string, Record<TableName, Row[]>>();
  const results = files.map((file) => {
    try {
      return readOne(file, rows);
    } catch (e) {
      return { file, error: `${file}: internal error: ${(e as Error).message}`, bytes: 0 };
    }
  });
  for (const [partition, tables] of rows) writeChunk(tmp, partition, chunk, tables);
  return results;
}

export function writeChunk(tmp: string, partition: string, chunk: string, tables: Partial<Record<TableName, Row[]>>): void {
  for (const [name, list] of Object.entries(tables) as [TableName, Row[]][]) {
    if (list.length === 0) continue;
    const dir = join(tmp, partition, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${chunk}.arrow`), toArrowIPC(TABLES[name], list));
  }
}
