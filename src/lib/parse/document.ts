import { type Source, coverage, finish, formFiling } from './assemble';
import { decode } from './decode';
import { type Sha256, filingId, parseText } from './filing';
import { readForms } from './forms/read';
import type { Format, Grid, SourceResult } from './grid';
import type { FilingMeta, ParseResult, Rejection } from './model';
import { renderGrid } from './render';
import type { PdfOptions } from './sources/pdf';
import { sniff } from './sources/sniff';
import { textGrid } from './sources/text';

/**
 * Any file → a Filing: its format found from its bytes, read by that format's reader into the grid, then
 * read by the recognizers — the seeds' template reader (on the grid's canonical text) and the form
 * reader (on the grid) — keeping the reading that got more of the filing. Pure: runs in Node and the
 * browser. Never throws: a file it cannot read is a Rejection saying where, what was expected and found.
 */
export interface ReadOptions {
  meta?: FilingMeta;
  hash?: Sha256;
  pdf?: PdfOptions;
}

export async function readFiling(bytes: Uint8Array, sourceFile: string, opts: ReadOptions = {}): Promise<ParseResult> {
  try {
    const id = filingId(bytes, opts.hash);
    const kind = sniff(bytes);
    if (kind === 'empty') return reject(sourceFile, 1, 'a filing', 'an empty file');
    if (kind === 'txt') return readText(bytes, sourceFile, id, opts.meta ?? {});
    const src = await readSource(bytes, kind, opts.pdf);
    if (!src.ok) {
      const { where, expected, found } = src.error;
      return reject(sourceFile, null, expected, where ? `${found} (${where})` : found);
    }
    return readGrid(src.grid, sourceFile, id, opts.meta ?? {});
  } catch (e) {
    // A defect of ours must not take the ingest down: the file is reported, the rest goes on.
    return reject(sourceFile, null, 'a filing the reader can read', `internal error: ${(e as Error).message}`);
  }
}

/**
 * The format's reader, loaded when a file of that format first comes: a province of text never loads
 * pdf.js or SheetJS (megabytes of code and memory in every worker, in every browser tab).
 */
async function readSource(bytes: Uint8Array, kind: Exclude<ReturnType<typeof sniff>, 'txt' | 'empty'>, pdf?: PdfOptions): Promise<SourceResult> {
  switch (kind) {
    case 'docx': return (await import('./sources/docx')).readDocx(bytes);
    case 'xlsx': return (await import('./sources/sheet')).readSheet(bytes, 'xlsx');
    case 'html': return (await import('./sources/html')).readHtml(bytes);
    case 'pdf': return (await import('./sources/pdf')).readPdf(bytes, pdf);
    case 'ole': return readOle(bytes);
    case 'zip': return failed(null, 'a Word (.docx) or Excel (.xlsx) file', 'a zip archive that holds neither word/ nor xl/ parts');
  }
}

/** An OLE compound file: legacy Word or Excel by its streams, or an Office file locked with a password. */
async function readOle(bytes: Uint8Array): Promise<SourceResult> {
  const CFB = (await import('cfb')).default;
  let names: string[];
  try {
    names = CFB.read(bytes, { type: 'array' }).FullPaths.map((p) => p.replace(/^.*\//, '').replace(/\/$/, ''));
  } catch (e) {
    return failed('compound file header', 'a legacy Word (.doc) or Excel (.xls) file', `a damaged compound file (${(e as Error).message})`);
  }
  if (names.includes('EncryptionInfo') || names.includes('EncryptedPackage')) {
    return failed(null, 'a document without a password', 'an Office file encrypted with a password: save it without one');
  }
  if (names.includes('WordDocument')) return (await import('./sources/doc')).readDoc(bytes);
  if (names.includes('Workbook') || names.includes('Book')) return (await import('./sources/sheet')).readSheet(bytes, 'xls');
  return failed(null, 'a legacy Word (.doc) or Excel (.xls) file', `a compound file holding ${names.filter((n) => n && n !== 'Root Entry').slice(0, 6).join(', ') || 'nothing'}`);
}

const failed = (where: string | null, expected: string, found: string): SourceResult => ({ ok: false, error: { where, expected, found } });

/** A text filing, synchronously (the form of every filing the tests and the synthetic province use). */
export function parseFiling(bytes: Uint8Array, sourceFile: string, meta: FilingMeta = {}, hash?: Sha256): ParseResult {
  try {
    if (bytes.length === 0) return reject(sourceFile, 1, 'a filing', 'an empty file');
    return readText(bytes, sourceFile, filingId(bytes, hash), meta);
  } catch (e) {
    return reject(sourceFile, null, 'a filing the reader can read', `internal error: ${(e as Error).message}`);
  }
}

function readText(bytes: Uint8Array, sourceFile: string, id: string, meta: FilingMeta): ParseResult {
  const decoded = decode(bytes);
  if (!decoded.ok) {
    const line = new TextDecoder('latin1').decode(bytes.subarray(0, decoded.offset)).split('\n').length;
    return reject(sourceFile, line, 'UTF-8 or GB18030 text', `${decoded.reason} at byte ${decoded.offset}`);
  }
  return parseTextFiling(decoded.text, sourceFile, id, decoded.encoding, meta);
}

/** A text filing: the template reader first; the form reader when that one did not read it all. */
export function parseTextFiling(text: string, sourceFile: string, id: string, encoding: string, meta: FilingMeta): ParseResult {
  const template = parseText(text, sourceFile, { id, encoding, meta });
  const src = (lines: string[]): Source => ({ id, sourceFile, encoding, format: 'txt', meta, lines, locations: null });
  if (template.ok && readsAll(template.filing)) return { ok: true, filing: finish(template.filing, src(template.filing.lines)) };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return choose(template, textGrid(lines, encoding), src(lines));
}

function readGrid(grid: Grid, sourceFile: string, id: string, meta: FilingMeta): ParseResult {
  const { lines, locations } = renderGrid(grid);
  const src: Source = { id, sourceFile, encoding: grid.encoding, format: grid.format, meta, lines, locations };
  const template = parseText(lines.join('\n'), sourceFile, { id, encoding: grid.encoding, meta });
  if (template.ok && readsAll(template.filing)) return { ok: true, filing: finish(template.filing, src) };
  return choose(template, grid, src);
}

/** The template reader's reading, or the form reader's when it gets more of the filing. */
function choose(template: ParseResult, grid: Grid, src: Source): ParseResult {
  const reading = readForms(grid);
  const form = reading ? formFiling(reading, src) : null;
  if (template.ok && (!form || coverage(template.filing) >= coverage(form))) return { ok: true, filing: finish(template.filing, src) };
  if (form) return { ok: true, filing: finish(form, src) };
  if (template.ok) return { ok: true, filing: finish(template.filing, src) };
  if (src.format !== 'txt' && template.rejection.found) {
    return { ok: false, rejection: { ...template.rejection, line: null, found: `${describe(grid)}; ${template.rejection.found.replace(/^“[^”]*”, and /, '')}` } };
  }
  return template;
}

/** A file that is text but none of the readers' filings. */
function readsAll(f: { projects: { kind: string; indicators: unknown[]; budget: unknown }[] }): boolean {
  return f.projects.length > 0 && f.projects.every((p) => p.indicators.length > 0 && (p.budget != null || p.kind === 'activity'));
}

function describe(grid: Grid): string {
  const tables = grid.blocks.filter((b) => b.kind === 'table').length;
  const texts = grid.blocks.length - tables;
  const first = grid.blocks.find((b) => b.kind === 'text');
  return `a ${grid.format} document with ${tables} table${tables === 1 ? '' : 's'} and ${texts} paragraph${texts === 1 ? '' : 's'}${first && first.kind === 'text' ? ` beginning “${first.text.trim().slice(0, 30)}”` : ''}, but no project form (项目名称 / 一级指标 …)`;
}

function reject(file: string, line: number | null, expected: string, found: string): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: { file, line, expected, found } };
}

export type { Format };
