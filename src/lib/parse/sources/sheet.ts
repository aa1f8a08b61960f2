/**
 * Spreadsheets (.xlsx, .xls and whatever else SheetJS reads) into the Grid form. Each visible sheet's
 * used range is cut into blocks: rows holding a single cell (a title, `单位：万元`, a narrative paragraph
 * typed into column A) become text blocks, runs of the other rows become tables. Merged ranges are one
 * cell with its spans; every other position in a table gets a cell, so rows are full width.
 */
import * as XLSX from '@e965/xlsx';
import { Inflate, zipSync } from 'fflate';
import { LIMITS, type Block, type GridCell, type SourceError, type SourceResult } from '../grid';

type CellObject = XLSX.CellObject;

/** A merged range, inclusive, 0-based sheet coordinates. */
interface Range {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** One sheet reduced to what the blocks need: text by position and the merges. */
interface SheetModel {
  name: string;
  used: Range;
  text: (r: number, c: number) => string;
  merges: Range[];
  /** Merge index by `key(r, c)` for every position a merge covers (top-left included). */
  mergeAt: Map<number, number>;
}

type RowKind = 'text' | 'table' | 'blank';

const fail = (where: string | null, expected: string, found: string): SourceResult => ({
  ok: false,
  error: { where, expected, found },
});

const EXPECTED = 'an Excel workbook (.xlsx zip or .xls OLE/BIFF)';

// ---------------------------------------------------------------------------------------------------
// What the bytes are, before SheetJS sees them (SheetJS reads any text as CSV, so it would "succeed"
// on garbage).

type Container = 'zip' | 'cfb' | 'biff' | 'xml' | 'html';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

function sniff(bytes: Uint8Array): Container | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  // A bare BIFF2–BIFF5 stream starts with a BOF record (0x0009, 0x0209, 0x0409, 0x0809).
  if (bytes[0] === 0x09 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1])) return 'biff';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml') && head.includes('urn:schemas-microsoft-com:office:spreadsheet')) return 'xml';
  if (/^<(!doctype html|html|table|meta|head|body)\b/.test(head)) return 'html';
  return null;
}

function describe(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'an empty file';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return 'a PDF file';
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return 'an RTF document';
  const sample = bytes.subarray(0, 512);
  const binary = sample.some((b) => b < 0x09 || (b > 0x0d && b < 0x20));
  return binary ? `unrecognized binary data (starts ${hex(bytes.subarray(0, 8))})` : 'plain text';
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(' ');

const ENCODING: Record<Container, string> = { zip: 'xlsx', cfb: 'biff', biff: 'biff', xml: 'xml', html: 'html' };

// ---------------------------------------------------------------------------------------------------
// The zip, unpacked here rather than by SheetJS: its inflater can loop forever on a damaged stream,
// and here every entry is held to the size it declares and to the limits. The workbook goes on to
// SheetJS re-packed without compression.

interface Entry {
  name: string;
  method: number;
  packed: number;
  size: number;
  local: number;
}

const zipError = (where: string | null, found: string): SourceError => ({
  where,
  expected: 'an intact .xlsx zip',
  found,
});

function directory(bytes: Uint8Array): Entry[] | SourceError {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (v.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return zipError(null, 'a zip with no central directory (truncated?)');
  const entries: Entry[] = [];
  let p = v.getUint32(eocd + 16, true);
  for (let i = v.getUint16(eocd + 10, true); i > 0; i--) {
    if (p + 46 > bytes.length || v.getUint32(p, true) !== 0x02014b50) return zipError(`byte ${p}`, 'a damaged zip directory');
    const nameLen = v.getUint16(p + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen)),
      method: v.getUint16(p + 10, true),
      packed: v.getUint32(p + 20, true),
      size: v.getUint32(p + 24, true),
      local: v.getUint32(p + 42, true),
    });
    p += 46 + nameLen + v.getUint16(p + 30, true) + v.getUint16(p + 32, true);
  }
  return entries;
}

/** Inflates in small pushes so no entry can grow past what it declared. */
function inflateBounded(data: Uint8Array, size: number): Uint8Array | string {
  const out = new Uint8Array(size);
  let n = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    if (n + chunk.length > size) over = true;
    else out.set(chunk, n);
    n += chunk.length;
  });
  try {
    for (let i = 0; i < data.length && !over; i += 16384) inflater.push(data.subarray(i, i + 16384), i + 16384 >= data.length);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return over || n !== size ? `it unpacks to ${over ? 'more than' : n} bytes, not the ${size} it declares` : out;
}

function repack(bytes: Uint8Array): Uint8Array | SourceError {
  const entries = directory(bytes);
  if (!Array.isArray(entries)) return entries;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const files: Record<string, [Uint8Array, { level: 0 }]> = {};
  let total = 0;
  for (const e of entries) {
    total += e.size;
    if (total > LIMITS.unpackedBytes || (e.size > 1 << 20 && e.size > LIMITS.ratio * Math.max(e.packed, 1))) {
      return {
        where: e.name,
        expected: `a workbook that unpacks to at most ${LIMITS.unpackedBytes} bytes at a ratio below ${LIMITS.ratio}`,
        found: `${e.name} declares ${e.size} bytes from ${e.packed} (${total} in all so far)`,
      };
    }
    if (e.local + 30 > bytes.length || v.getUint32(e.local, true) !== 0x04034b50) return zipError(e.name, 'a damaged local header');
    const start = e.local + 30 + v.getUint16(e.local + 26, true) + v.getUint16(e.local + 28, true);
    if (start + e.packed > bytes.length) return zipError(e.name, 'an entry cut short (truncated file?)');
    const data = bytes.subarray(start, start + e.packed);
    const body = e.method === 0 ? data : e.method === 8 ? inflateBounded(data, e.size) : `compression method ${e.method}`;
    if (typeof body === 'string') return zipError(e.name, `a damaged entry: ${body}`);
    if (!e.name.endsWith('/') && !(e.name in files)) files[e.name] = [body, { level: 0 }];
  }
  return zipSync(files);
}

// ---------------------------------------------------------------------------------------------------
// SheetJS errors into SourceErrors.

const ERROR_RULES: { test: RegExp; error: (m: string) => SourceError }[] = [
  {
    test: /password|encrypt/i,
    error: () => ({ where: null, expected: 'an unprotected workbook', found: 'a password-protected (encrypted) workbook' }),
  },
  {
    test: /Cannot find Workbook/i,
    error: () => ({
      where: null,
      expected: EXPECTED,
      found: 'an OLE container with no Workbook stream (a Word .doc or another Office file?)',
    }),
  },
  {
    test: /.*/,
    error: (m) => ({ where: null, expected: EXPECTED, found: `a damaged or unsupported workbook (${m})` }),
  },
];

function fromException(e: unknown): SourceError {
  const m = e instanceof Error ? e.message : String(e);
  return ERROR_RULES.find((r) => r.test.test(m))!.error(m.slice(0, 200));
}

// ---------------------------------------------------------------------------------------------------
// References and text.

/** `Sheet1!B12`, quoting the sheet name the way Excel does when it is not a plain word. */
export function cellRef(sheet: string, r: number, c: number): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet) && !/^[rc]\d*$/i.test(sheet);
  const name = plain ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return `${name}!${XLSX.utils.encode_cell({ r, c })}`;
}

const GENERAL = /^(general)?$/i;

/** The text as the sheet shows it: the formatted text, lines trimmed at the end, `''` when blank. */
function textOf(cell: CellObject | undefined): string {
  if (!cell || cell.t === 'z') return '';
  const raw = cell.v == null ? '' : String(cell.v);
  const shown = cell.w ?? raw;
  // General format shows big numbers as 1.23457E+13; the value itself is what the sheet holds.
  const s = cell.t === 'n' && GENERAL.test(String(cell.z ?? '')) && /e[+-]?\d/i.test(shown) ? raw : shown;
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}

// ---------------------------------------------------------------------------------------------------
// A sheet into its model.

/** The used range: the box around cells with text, clipped to the row limit. */
function usedRange(data: (CellObject | undefined)[][]): Range | null {
  let box: Range | null = null;
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      if (textOf(row[c]) === '') continue;
      if (!box) box = { r0: r, c0: c, r1: r, c1: c };
      else {
        box.r0 = Math.min(box.r0, r);
        box.r1 = Math.max(box.r1, r);
        box.c0 = Math.min(box.c0, c);
        box.c1 = Math.max(box.c1, c);
      }
    }
  }
  return box;
}

const clip = (m: Range, box: Range): Range | null => {
  const r = { r0: Math.max(m.r0, box.r0), c0: Math.max(m.c0, box.c0), r1: Math.min(m.r1, box.r1), c1: Math.min(m.c1, box.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
};

function modelOf(name: string, ws: XLSX.WorkSheet, notes: string[]): SheetModel | null {
  const data = ((ws as { '!data'?: (CellObject | undefined)[][] })['!data'] ?? []) as (CellObject | undefined)[][];
  const box = usedRange(data);
  if (!box) return null;
  const width = box.c1 - box.c0 + 1;
  const maxRows = Math.max(1, Math.floor(LIMITS.cells / width));
  if (box.r1 - box.r0 + 1 > maxRows) {
    notes.push(`Sheet ${name}: only the first ${maxRows} rows of its used range were read (limit of ${LIMITS.cells} cells).`);
    box.r1 = box.r0 + maxRows - 1;
  }
  if (ws['!fullref'] && ws['!fullref'] !== ws['!ref']) {
    notes.push(`Sheet ${name}: rows past ${ws['!ref']} were not read (the sheet spans ${ws['!fullref']}).`);
  }
  const merges: Range[] = [];
  const mergeAt = new Map<number, number>();
  for (const m of ws['!merges'] ?? []) {
    const k = clip({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }, box);
    if (!k || (k.r0 === k.r1 && k.c0 === k.c1)) continue;
    // Keep the merge anchored where its text is: the true top-left, if it survived the clipping.
    if (k.r0 !== m.s.r || k.c0 !== m.s.c) continue;
    const i = merges.push(k) - 1;
    for (let r = k.r0; r <= k.r1; r++) for (let c = k.c0; c <= k.c1; c++) if (!mergeAt.has(key(r, c, box))) mergeAt.set(key(r, c, box), i);
  }
  return { name, used: box, text: (r, c) => textOf(data[r]?.[c]), merges, mergeAt };
}

const key = (r: number, c: number, box: Range) => r * (box.c1 - box.c0 + 1) + (c - box.c0);

/** The positions of a row that start something: a cell no merge covers, or a merge's top-left. */
function anchors(m: SheetModel, r: number, c0: number, c1: number): number[] {
  const out: number[] = [];
  for (let c = c0; c <= c1; c++) {
    const i = m.mergeAt.get(key(r, c, m.used));
    if (i === undefined || (m.merges[i].r0 === r && m.merges[i].c0 === c)) out.push(c);
  }
  return out;
}

function classify(m: SheetModel): RowKind[] {
  const { r0, r1, c0, c1 } = m.used;
  const filledRows = Array.from({ length: r1 - r0 + 1 }, (_, i) => anchors(m, r0 + i, c0, c1).filter((c) => m.text(r0 + i, c) !== ''));
  const filled = (r: number) => filledRows[r - r0];
  const rowsOf = (g: Range) => Array.from({ length: g.r1 - g.r0 + 1 }, (_, i) => g.r0 + i);
  const tall = m.merges.filter((g) => g.r0 < g.r1);
  const tallOver = new Map<number, number>();
  for (const g of tall) for (const r of rowsOf(g)) tallOver.set(r, (tallOver.get(r) ?? 0) + 1);
  // A tall merge that is alone on its rows (a narrative paragraph merged over A20:H30) reads as one
  // line of text; any other rows a merge spans vertically belong to a table, whatever they hold.
  const alone = (g: Range) =>
    rowsOf(g).every((r) => tallOver.get(r) === 1 && filled(r).every((c) => r === g.r0 && c === g.c0));
  const vertical = new Set<number>();
  /** Rows under a lone tall merge's first row, to the first row. */
  const swallowed = new Map<number, number>();
  for (const g of tall) {
    const lone = alone(g);
    for (const r of rowsOf(g)) {
      if (!lone) vertical.add(r);
      else if (r > g.r0) swallowed.set(r, g.r0);
    }
  }
  const kinds: RowKind[] = [];
  for (let r = r0; r <= r1; r++) {
    const cells = filled(r);
    const prev = kinds.length ? kinds[kinds.length - 1] : 'blank';
    const kind: RowKind = vertical.has(r)
      ? 'table'
      : swallowed.has(r)
        ? kinds[swallowed.get(r)! - r0] === 'text' ? 'blank' : 'table'
        : cells.length === 0
          ? 'blank'
          : // One cell in the first column is a paragraph; so is a lone cell before any table row
            // starts (a `单位：万元` typed into the last column under the title).
            cells.length === 1 && (cells[0] === c0 || prev !== 'table')
            ? 'text'
            : 'table';
    kinds.push(kind);
  }
  return kinds;
}

/** Rows a..b (inclusive) as a table: columns trimmed to what they hold, merges clipped to the block. */
function tableOf(m: SheetModel, a: number, b: number): Block {
  const { c0: u0, c1: u1 } = m.used;
  let c0 = u1;
  let c1 = u0;
  for (let r = a; r <= b; r++) {
    for (const c of anchors(m, r, u0, u1)) {
      const i = m.mergeAt.get(key(r, c, m.used));
      const end = i === undefined ? c : m.merges[i].c1;
      if (m.text(r, c) === '' && i === undefined) continue;
      c0 = Math.min(c0, c);
      c1 = Math.max(c1, end);
    }
  }
  const block: Range = { r0: a, c0, r1: b, c1 };
  const cells: GridCell[] = [];
  for (let r = a; r <= b; r++) {
    for (let c = c0; c <= c1; c++) {
      const i = m.mergeAt.get(key(r, c, m.used));
      const g = i === undefined ? { r0: r, c0: c, r1: r, c1: c } : clip(m.merges[i], block)!;
      if (g.r0 !== r || g.c0 !== c) continue; // covered by a merge
      const own = i === undefined || (m.merges[i].r0 === r && m.merges[i].c0 === c);
      cells.push({
        text: own ? m.text(r, c) : '',
        row: r - a,
        col: c - c0,
        rowSpan: g.r1 - g.r0 + 1,
        colSpan: g.c1 - g.c0 + 1,
        at: cellRef(m.name, r, c),
      });
    }
  }
  return { kind: 'table', table: { cells, rows: b - a + 1, cols: c1 - c0 + 1, at: cellRef(m.name, a, c0) } };
}

function blocksOf(m: SheetModel): Block[] {
  const kinds = classify(m);
  const { r0, c0, c1 } = m.used;
  const blocks: Block[] = [];
  let start = -1;
  const flush = (end: number) => {
    if (start >= 0) blocks.push(tableOf(m, start, end));
    start = -1;
  };
  kinds.forEach((kind, i) => {
    const r = r0 + i;
    if (kind === 'table') {
      if (start < 0) start = r;
      return;
    }
    flush(r - 1);
    if (kind === 'text') {
      const c = anchors(m, r, c0, c1).find((x) => m.text(r, x) !== '')!;
      blocks.push({ kind: 'text', text: m.text(r, c), at: cellRef(m.name, r, c) });
    }
  });
  flush(r0 + kinds.length - 1);
  return blocks;
}

// ---------------------------------------------------------------------------------------------------

const HIDDEN: Record<number, string> = { 1: 'hidden', 2: 'very hidden' };

/** Reads a workbook into blocks: per visible sheet, its text rows and its tables, in order. */
export function readSheet(bytes: Uint8Array, format: 'xlsx' | 'xls'): SourceResult {
  const kind = sniff(bytes);
  if (!kind) return fail(null, EXPECTED, describe(bytes));
  const input = kind === 'zip' ? repack(bytes) : bytes;
  if (!(input instanceof Uint8Array)) return { ok: false, error: input };
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(input, {
      type: 'array',
      cellText: true,
      cellDates: false,
      cellHTML: false,
      cellStyles: false,
      dense: true,
      sheetRows: LIMITS.cells,
      sheets: Array.from({ length: LIMITS.sheets }, (_, i) => i),
    });
  } catch (e) {
    return { ok: false, error: fromException(e) };
  }
  if (!wb.SheetNames?.length) return fail(null, EXPECTED, 'a workbook with no sheets');
  const notes: string[] = [];
  const blocks: Block[] = [];
  if (wb.SheetNames.length > LIMITS.sheets) {
    notes.push(`Only the first ${LIMITS.sheets} of ${wb.SheetNames.length} sheets were read.`);
  }
  wb.SheetNames.slice(0, LIMITS.sheets).forEach((name, i) => {
    const hidden = HIDDEN[Number(wb.Workbook?.Sheets?.[i]?.Hidden ?? 0)];
    if (hidden) return void notes.push(`Sheet ${name} is ${hidden} and was left out.`);
    const ws = wb.Sheets[name];
    if (!ws) return;
    const model = modelOf(name, ws, notes);
    if (model) blocks.push(...blocksOf(model));
  });
  return { ok: true, grid: { format, blocks, encoding: ENCODING[kind], notes } };
}
