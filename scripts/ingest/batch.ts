import { createHash } from 'node:crypto';
import { closeSync, constants, existsSync, fstatSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { FilingMeta } from '../../src/lib/parse';
import { pdfAssets } from '../../src/lib/parse/sources/pdf-node';
import { corpusPlaces, DEFAULT_SETTINGS, type Places, type Settings } from '../../src/lib/quality';
import { type Column, type Row, type TableName, type TableRow, TABLES, toArrowIPC } from '../../src/lib/tables';
import { partitionPath } from '../../src/lib/db/layout';
import { parseMeta } from '../../src/lib/parse/meta';
import { rejectionLine } from '../../src/lib/parse/rejection';
import { readTables } from '../../src/lib/tables/read';
import { osFound } from './failures';

/**
 * One batch of files, read and scored, its rows written as chunk files per partition (county × year):
 * `<tmp>/<partition>/<table>/<chunk>.arrow`, with the rows the cross-filing rules read as the chunk
 * table `corpus`. Runs in a worker thread or in the main one; what it returns is small: a line per
 * file, the filings' rows, and where the batch's compared keys occur.
 */
export const DETAIL: TableName[] = ['projects', 'schedule', 'indicators', 'findings'];

/** The CorpusRow fields, as a chunk table. */
export const CORPUS: Column[] = [
  { name: 'filing', type: 'text' }, { name: 'place', type: 'text' }, { name: 'project', type: 'int' }, { name: 'indicator', type: 'int' },
  { name: 'level2', type: 'text' }, { name: 'level3', type: 'text' }, { name: 'satisfaction', type: 'bool' }, { name: 'line', type: 'int' },
  { name: 'year', type: 'int' }, { name: 'department', type: 'text' }, { name: 'target', type: 'text' }, { name: 'peer', type: 'text' }, { name: 'value', type: 'double' },
];

type Chunk = Record<TableName | 'corpus', Row[]>;

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
  filing?: TableRow<'filings'>;
  bytes: number;
}

export interface BatchResult {
  results: FileResult[];
  /** Places of the compared keys (Places as entries, to cross threads). */
  places: [string, string[]][];
}

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

function readMeta(file: string): FilingMeta | string {
  const side = `${file}.meta.json`;
  const alt = file.replace(/\.[^./]+$/, '.meta.json');
  const path = existsSync(side) ? side : existsSync(alt) && alt !== file ? alt : null;
  if (!path) return {};
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return `${path}: not valid JSON (${(e as Error).message})`;
  }
  return parseMeta(text, path);
}

const PDF = pdfAssets();

async function readOne(file: string, rows: Map<string, Chunk>, places: Places, settings: Settings): Promise<FileResult> {
  const meta = readMeta(file);
  if (typeof meta === 'string') return { file, error: `${file}: ${meta}`, bytes: 0 };
  const bytes = readRegular(file);
  if (typeof bytes === 'string') return { file, error: `${file}: expected a regular file; found ${bytes}`, bytes: 0 };
  const r = await readTables(bytes, basename(file), { meta, hash: sha256, pdf: PDF }, settings);
  if (!r.ok) return { file, error: rejectionLine({ ...r.rejection, file }), bytes: bytes.length };
  const { filing: f, tables: t, corpus } = r;
  const filing = t.filings[0];
  const partition = partitionPath(filing);
  const into = rows.get(partition) ?? { filings: [], projects: [], schedule: [], indicators: [], findings: [], corpus: [] };
  for (const name of DETAIL) into[name].push(...t[name]);
  corpusPlaces(corpus, places);
  into.corpus.push(...(corpus as unknown as Row[]));
  rows.set(partition, into);
  const sev = (s: string) => t.findings.filter((x) => x.severity === s).length;
  const summary: Summary = {
    place: `${f.county ?? '（未注明县区）'} ${f.year ?? '----'}`, file: f.sourceFile, projects: f.projects.length, indicators: t.indicators.length,
    score: filing.score, band: filing.band, partial: filing.partial_rubric ?? false, status: f.status,
    critical: sev('critical'), major: sev('major'), minor: sev('minor'), info: sev('info'),
  };
  return { file, summary, filing, bytes: bytes.length };
}

/**
 * The file's bytes, or what it turned out to be: listed as a regular file, it may have been replaced since
 * (opened without blocking, so a FIFO put in its place cannot hang the run).
 */
function readRegular(file: string): Uint8Array | string {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    if (!fstatSync(fd).isFile()) return 'something else since it was listed (a FIFO, a socket or a device)';
    // A copy as a plain Uint8Array: pdf.js refuses a Node Buffer.
    return new Uint8Array(readFileSync(fd));
  } finally {
    closeSync(fd);
  }
}

export async function readBatch(files: string[], chunk: string, tmp: string, settings: Settings = DEFAULT_SETTINGS): Promise<BatchResult> {
  const rows = new Map<string, Chunk>();
  const places: Places = new Map();
  const results: FileResult[] = [];
  for (const file of files) {
    try {
      results.push(await readOne(file, rows, places, settings));
    } catch (e) {
      const found = osFound(e);
      results.push({ file, error: found ? `${file}: expected a file to read; found ${found}` : `${file}: internal error: ${(e as Error).message}`, bytes: 0 });
    }
  }
  for (const [partition, tables] of rows) {
    for (const name of DETAIL) writeChunk(tmp, partition, name, chunk, TABLES[name], tables[name]);
    writeChunk(tmp, partition, 'corpus', chunk, CORPUS, tables.corpus);
  }
  return { results, places: [...places].map(([k, v]) => [k, [...v]]) };
}

export function writeChunk(tmp: string, partition: string, table: string, chunk: string, columns: readonly Column[], rows: Row[]): void {
  if (rows.length === 0) return;
  const dir = join(tmp, partition, table);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${chunk}.arrow`), toArrowIPC(columns, rows));
}
