/**
 * Legacy Word 97–2003 `.doc` into the Grid form, read straight from the binary format ([MS-DOC]):
 * the FIB says where things are, the piece table (CLX) gives the main text, and the paragraph
 * properties (PAPX FKPs) say which paragraphs are table cells, which are row ends, and — in a row
 * end's table properties — each cell's width and vertical merge.
 */
import * as CFB from 'cfb';
import { LIMITS, type Block, type GridCell, type GridTable, type SourceError, type SourceResult } from '../grid';

/** A problem found deep in the structure; caught once at the top and returned as the SourceError. */
class Bad extends Error {
  constructor(readonly error: SourceError) {
    super(error.found);
  }
}

const bad = (where: string | null, expected: string, found: string): never => {
  throw new Bad({ where, expected, found });
};

const EXPECTED = 'a Word 97–2003 document (.doc)';

// ---------------------------------------------------------------------------------------------------
// Bounded little-endian reads: past the end is a damaged file, not an exception from DataView.

class Reader {
  private readonly v: DataView;
  constructor(
    readonly bytes: Uint8Array,
    private readonly name: string,
  ) {
    this.v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(at: number, n: number, what: string) {
    if (at < 0 || at + n > this.bytes.length) {
      bad(`byte ${at}`, `${what} inside the ${this.name} stream (${this.bytes.length} bytes)`, `it would end at byte ${at + n}`);
    }
  }
  u8 = (at: number, what = 'a byte') => (this.check(at, 1, what), this.v.getUint8(at));
  u16 = (at: number, what = 'a 16-bit value') => (this.check(at, 2, what), this.v.getUint16(at, true));
  i16 = (at: number, what = 'a 16-bit value') => (this.check(at, 2, what), this.v.getInt16(at, true));
  u32 = (at: number, what = 'a 32-bit value') => (this.check(at, 4, what), this.v.getUint32(at, true));
  slice = (at: number, n: number, what: string) => (this.check(at, n, what), this.bytes.subarray(at, at + n));
}

// ---------------------------------------------------------------------------------------------------
// The container.

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** What a file that is not an OLE container is, for the message. */
const NOT_OLE: { sig: number[]; found: string }[] = [
  { sig: [0x50, 0x4b, 0x03, 0x04], found: 'a zip archive (a .docx or .xlsx?), not an OLE container' },
  { sig: [0x25, 0x50, 0x44, 0x46], found: 'a PDF file' },
  { sig: [0x7b, 0x5c, 0x72, 0x74, 0x66], found: 'an RTF document' },
];

/** What an OLE container without a WordDocument stream holds, by the streams it has. */
const OTHER_OLE: { stream: string; error: (names: string) => SourceError }[] = [
  {
    stream: 'EncryptionInfo',
    error: () => ({ where: null, expected: 'an unencrypted Word document', found: 'a password-protected Office file' }),
  },
  { stream: 'Workbook', error: () => ({ where: null, expected: EXPECTED, found: 'an Excel workbook (.xls)' }) },
  { stream: 'Book', error: () => ({ where: null, expected: EXPECTED, found: 'an Excel 5/95 workbook' }) },
  {
    stream: 'PowerPoint Document',
    error: () => ({ where: null, expected: EXPECTED, found: 'a PowerPoint presentation (.ppt)' }),
  },
];

const bytesOf = (content: CFB.CFB$Blob | undefined): Uint8Array =>
  content instanceof Uint8Array ? content : Uint8Array.from(content ?? []);

function streams(bytes: Uint8Array): Map<string, Uint8Array> {
  if (bytes.length === 0) bad(null, EXPECTED, 'an empty file');
  if (!startsWith(bytes, CFB_MAGIC)) {
    const known = NOT_OLE.find((k) => startsWith(bytes, k.sig));
    const binary = bytes.subarray(0, 512).some((b) => b < 0x09 || (b > 0x0d && b < 0x20));
    bad(null, EXPECTED, known?.found ?? (binary ? 'binary data that is not an OLE container' : 'plain text'));
  }
  let container: CFB.CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'array' });
  } catch (e) {
    return bad(null, EXPECTED, `a damaged OLE container (${e instanceof Error ? e.message : String(e)})`);
  }
  const out = new Map<string, Uint8Array>();
  container.FileIndex.forEach((entry, i) => {
    // Top-level streams only: "Root Entry/WordDocument".
    if (entry.type === 2 && container.FullPaths[i].split('/').filter(Boolean).length === 2) {
      out.set(entry.name, bytesOf(entry.content));
    }
  });
  if (!out.has('WordDocument')) {
    const other = OTHER_OLE.find((o) => out.has(o.stream));
    const names = [...out.keys()].map((n) => n.replace(/[\x00-\x1f]/g, '')).join(', ');
    throw new Bad(
      other?.error(names) ?? {
        where: null,
        expected: `${EXPECTED}: an OLE container with a WordDocument stream`,
        found: `an OLE container with the streams ${names || '(none)'}`,
      },
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// The FIB.

interface Fib {
  nFib: number;
  table: '0Table' | '1Table';
  ccpText: number;
  /** Other stories (footnotes, headers, comments, endnotes, text boxes) by name, with their lengths. */
  stories: [string, number][];
  clx: [number, number];
  papx: [number, number];
}

const STORIES = ['footnotes', 'headers and footers', '', 'comments', 'endnotes', 'text boxes', 'header text boxes'];

function readFib(w: Reader): Fib {
  if (w.bytes.length < 0x20 || w.u16(0) !== 0xa5ec) {
    bad('byte 0', 'a Word document (the FIB identifier 0xA5EC)', `0x${w.bytes.length >= 2 ? w.u16(0).toString(16) : '(nothing)'}`);
  }
  const nFib = w.u16(2);
  const flags = w.u16(0x0a);
  if (flags & 0x0100) bad(null, 'an unencrypted Word document', 'a password-protected Word document');
  // Word 6/95 documents (nFib around 0x65) lay the FIB out differently.
  if (nFib < 0xc0) bad('byte 2', EXPECTED, `an older Word document (nFib ${nFib}, Word 6/95)`);
  const csw = w.u16(0x20);
  const lw = 0x22 + csw * 2 + 2;
  const cslw = w.u16(lw - 2);
  const fcLcb = lw + cslw * 4 + 2;
  const cbRgFcLcb = w.u16(fcLcb - 2);
  if (cslw < 11 || cbRgFcLcb < 34) {
    bad('byte 32', 'a Word 97 FIB (at least 34 fc/lcb pairs)', `a FIB with ${cslw} longs and ${cbRgFcLcb} pairs`);
  }
  const pair = (i: number): [number, number] => [w.u32(fcLcb + i * 8), w.u32(fcLcb + i * 8 + 4)];
  const lng = (i: number) => w.u32(lw + i * 4);
  return {
    nFib,
    table: flags & 0x0200 ? '1Table' : '0Table',
    ccpText: lng(3),
    stories: STORIES.map((name, i): [string, number] => [name, lng(4 + i)]).filter(([n, c]) => n && c > 0),
    clx: pair(33),
    papx: pair(13),
  };
}

// ---------------------------------------------------------------------------------------------------
// The piece table: where each run of characters is and how it is stored.

interface Piece {
  cp0: number;
  cp1: number;
  /** Byte offset of the first character in the WordDocument stream. */
  at: number;
  compressed: boolean;
  /** Paragraph sprms the piece's Prm points at (fast-saved edits), or null. */
  grpprl: Uint8Array | null;
}

function readPieces(t: Reader, fib: Fib, wordLength: number): Piece[] {
  const [fc, lcb] = fib.clx;
  if (lcb === 0) bad('piece table', 'a piece table (CLX) in the FIB', 'lcbClx = 0');
  const end = fc + lcb;
  const where = (p: number) => `piece table (byte ${p} of ${fib.table})`;
  if (end > t.bytes.length) bad('piece table', `a CLX inside ${fib.table}`, `a CLX ending at byte ${end} of ${t.bytes.length}`);
  const prcs: Uint8Array[] = [];
  let p = fc;
  while (p < end && t.u8(p) === 0x01) {
    const cb = t.i16(p + 1);
    if (cb < 0) bad(where(p), 'a Prc with a positive size', `cbGrpprl ${cb}`);
    prcs.push(t.slice(p + 3, cb, 'a Prc'));
    p += 3 + cb;
  }
  if (p >= end || t.u8(p) !== 0x02) bad(where(p), 'a Pcdt (0x02) in the CLX', p >= end ? 'the end of the CLX' : `0x${t.u8(p).toString(16)}`);
  const size = t.u32(p + 1);
  const n = (size - 4) / 12;
  if (!Number.isInteger(n) || n < 1 || p + 5 + size > end) bad(where(p), 'a PlcPcd of (n+1) CPs and n 8-byte Pcds', `${size} bytes`);
  const cps = p + 5;
  const pcds = cps + (n + 1) * 4;
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const cp0 = t.u32(cps + i * 4);
    const cp1 = t.u32(cps + i * 4 + 4);
    const raw = t.u32(pcds + i * 8 + 2);
    const prm = t.u16(pcds + i * 8 + 6);
    const compressed = (raw & 0x40000000) !== 0;
    const at = compressed ? (raw & 0x3fffffff) / 2 : raw & 0x3fffffff;
    if (cp1 < cp0 || at + (cp1 - cp0) * (compressed ? 1 : 2) > wordLength) {
      bad(where(pcds + i * 8), 'a piece inside the WordDocument stream', `piece ${i}: CPs ${cp0}–${cp1} at byte ${at}`);
    }
    const grpprl = prm & 1 ? (prcs[prm >> 1] ?? null) : null;
    pieces.push({ cp0, cp1, at, compressed, grpprl });
  }
  return pieces;
}

const utf16 = new TextDecoder('utf-16le');

/** cp1252's 0x80–0x9F ([MS-DOC] 2.4.1); the rest of a compressed byte is its own code point. Done by
 * hand because Node's TextDecoder('windows-1252') decodes these bytes as Latin-1 controls. */
const CP1252_HIGH = '€\x81‚ƒ„…†‡ˆ‰Š‹Œ\x8dŽ\x8f\x90‘’“”•–—˜™š›œ\x9džŸ';

function decodeCompressed(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b < 0xa0 ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b)));
    parts.push(chunk.join(''));
  }
  return parts.join('');
}

/** The first `count` characters of the document, and the piece each came from. */
function mainText(w: Reader, pieces: Piece[], count: number): { text: string; pieceOf: (cp: number) => Piece } {
  const parts: string[] = [];
  for (const p of pieces) {
    if (p.cp0 >= count) break;
    const n = Math.min(p.cp1, count) - p.cp0;
    const bytes = w.bytes.subarray(p.at, p.at + n * (p.compressed ? 1 : 2));
    parts.push(p.compressed ? decodeCompressed(bytes) : utf16.decode(bytes));
  }
  const text = parts.join('');
  if (text.length < count) bad('piece table', `${count} characters of main text (ccpText)`, `pieces holding ${text.length}`);
  const pieceOf = (cp: number) => pieces[upperBound(pieces, cp, (p) => p.cp0) - 1];
  return { text: text.slice(0, count), pieceOf };
}

/** Index of the first item whose key is greater than `x` (items sorted by key). */
function upperBound<T>(items: T[], x: number, key: (t: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(items[mid]) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// ---------------------------------------------------------------------------------------------------
// Paragraph properties: the PAPX FKPs, the sprms in them, and the table properties of a row end.

interface Run {
  fc0: number;
  fc1: number;
  grpprl: Uint8Array;
}

/** All paragraph runs (byte ranges of the WordDocument stream with their sprms), sorted. */
function readPapx(w: Reader, t: Reader, fib: Fib, data: Reader | null): Run[] {
  const [fc, lcb] = fib.papx;
  if (lcb < 8) return [];
  const n = (lcb - 4) / 8;
  if (!Number.isInteger(n)) bad(`byte ${fc} of ${fib.table}`, 'a PlcBtePapx of (n+1) FCs and n page numbers', `${lcb} bytes`);
  const runs: Run[] = [];
  for (let i = 0; i < n; i++) {
    const page = (t.u32(fc + (n + 1) * 4 + i * 4) & 0x3fffff) * 512;
    const crun = w.u8(page + 511, 'a PAPX FKP page');
    for (let k = 0; k < crun; k++) {
      const fc0 = w.u32(page + k * 4);
      const fc1 = w.u32(page + k * 4 + 4);
      const offset = w.u8(page + (crun + 1) * 4 + k * 13) * 2;
      runs.push({ fc0, fc1, grpprl: offset === 0 ? new Uint8Array(0) : papxAt(w, page + offset, data) });
    }
  }
  return runs.sort((a, b) => a.fc0 - b.fc0);
}

/** A PapxInFkp: its grpprl after the style index (or the one in the Data stream it points at). */
function papxAt(w: Reader, at: number, data: Reader | null): Uint8Array {
  const cb = w.u8(at);
  const start = cb === 0 ? at + 2 : at + 1;
  const len = cb === 0 ? w.u8(at + 1) * 2 : cb * 2 - 1;
  if (len < 2) return new Uint8Array(0);
  const grpprl = w.slice(start + 2, len - 2, 'a PAPX');
  // sprmPHugePapx: the real grpprl lives in the Data stream.
  if (grpprl.length >= 6 && grpprl[0] === 0x46 && grpprl[1] === 0x66 && data) {
    const fc = new DataView(grpprl.buffer, grpprl.byteOffset).getUint32(2, true);
    return data.slice(fc + 2, data.u16(fc), 'a huge PAPX');
  }
  return grpprl;
}

/** Operand sizes by the sprm's spra (bits 13–15); 6 is variable. */
const OPERAND = [1, 1, 2, 4, 2, 2, -1, 3];

interface Sprm {
  op: number;
  at: number;
  len: number;
}

function* sprms(g: Uint8Array): Generator<Sprm> {
  const v = new DataView(g.buffer, g.byteOffset, g.byteLength);
  let p = 0;
  while (p + 2 <= g.length) {
    const op = v.getUint16(p, true);
    let at = p + 2;
    let len = OPERAND[op >> 13];
    if (len < 0) {
      if (at >= g.length) return;
      if (op === 0xd608) {
        // sprmTDefTable: a 16-bit size, one more than the bytes after it.
        if (at + 2 > g.length) return;
        len = v.getUint16(at, true) - 1;
        at += 2;
      } else if (op === 0xc615 && g[at] === 255) {
        // sprmPChgTabs with the long form: sizes of the deleted and added tab lists.
        const del = g[at + 1] ?? 0;
        const add = g[at + 2 + del * 4] ?? 0;
        len = 2 + del * 4 + add * 3;
        at += 1;
      } else {
        len = g[at];
        at += 1;
      }
    }
    if (at + len > g.length) return;
    yield { op, at, len };
    p = at + len;
  }
}

interface Tap {
  /** Cell boundaries in twips, one more than the cells. */
  centers: number[];
  /** Per cell: 1 merged with the cell above, 3 the first of a vertical merge, 0 neither. */
  vert: number[];
  /** Per cell: 1 the first of a horizontal merge, 2 merged with the cell before. */
  horz: number[];
}

interface Props {
  /** 0 outside tables, 1 in a table, 2+ in nested tables. */
  depth: number;
  ttp: boolean;
  innerTtp: boolean;
  tap: Tap | null;
}

type SprmRule = (p: Props, g: Uint8Array, s: Sprm) => void;

const byte = (g: Uint8Array, s: Sprm) => g[s.at];
const i32 = (g: Uint8Array, s: Sprm) => new DataView(g.buffer, g.byteOffset).getInt32(s.at, true);

const SPRM_RULES: Record<number, SprmRule> = {
  0x2416: (p, g, s) => void (p.depth = byte(g, s) ? Math.max(p.depth, 1) : 0), // sprmPFInTable
  0x2417: (p, g, s) => void (p.ttp = byte(g, s) !== 0), // sprmPFTtp
  0x6649: (p, g, s) => void (p.depth = Math.max(0, i32(g, s))), // sprmPItap
  0x244c: (p, g, s) => void (p.innerTtp = byte(g, s) !== 0), // sprmPFInnerTtp
  0xd608: (p, g, s) => void (p.tap = defTable(g, s)), // sprmTDefTable
  0xd62b: (p, g, s) => {
    // sprmTVertMerge: itc, flags.
    if (p.tap && s.len >= 2 && g[s.at] < p.tap.vert.length) p.tap.vert[g[s.at]] = g[s.at + 1] & 3;
  },
};

function defTable(g: Uint8Array, s: Sprm): Tap | null {
  const v = new DataView(g.buffer, g.byteOffset, g.byteLength);
  const n = g[s.at];
  const end = s.at + s.len;
  if (n === 0 || s.at + 1 + (n + 1) * 2 > end) return null;
  const centers = Array.from({ length: n + 1 }, (_, i) => v.getInt16(s.at + 1 + i * 2, true));
  const tcs = s.at + 1 + (n + 1) * 2;
  const tcgrf = (i: number) => (tcs + i * 20 + 2 <= end ? v.getUint16(tcs + i * 20, true) : 0);
  return {
    centers,
    vert: Array.from({ length: n }, (_, i) => (tcgrf(i) >> 5) & 3),
    horz: Array.from({ length: n }, (_, i) => tcgrf(i) & 3),
  };
}

function propsOf(...grpprls: (Uint8Array | null)[]): Props {
  const p: Props = { depth: 0, ttp: false, innerTtp: false, tap: null };
  for (const g of grpprls) if (g) for (const s of sprms(g)) SPRM_RULES[s.op]?.(p, g, s);
  return p;
}

// ---------------------------------------------------------------------------------------------------
// Characters into paragraphs.

interface Para {
  text: string;
  /** The mark that ends it: `\r` a paragraph, `\x07` a cell or row end, `''` the end of the text. */
  mark: string;
  cp: number;
}

/** What a control character becomes in the text; characters not listed below 0x20 are dropped. */
const CHARS: Record<string, string> = {
  '\t': '\t',
  '\x0b': '\n', // line break
  '\x0c': '\f', // page or section break: a paragraph break, split later
  '\x1e': '-', // non-breaking hyphen
  '\x1f': '', // soft hyphen
  '\xa0': ' ',
};

/** Paragraphs of the main text, with field codes left out (only their results kept). */
function paragraphs(text: string): Para[] {
  const out: Para[] = [];
  /** Per open field: still in its code (true) or in its result (false); `codes` counts the trues. */
  const fields: boolean[] = [];
  let codes = 0;
  let buf = '';
  for (let cp = 0; cp < text.length; cp++) {
    const ch = text[cp];
    if (ch === '\r' || ch === '\x07') {
      out.push({ text: buf, mark: ch, cp });
      buf = '';
    } else if (ch === '\x13') {
      fields.push(true);
      codes++;
    } else if (ch === '\x14' || ch === '\x15') {
      // The separator ends the code; the end mark closes the field (a stray one is ignored).
      if (fields.length && fields[fields.length - 1]) codes--;
      if (ch === '\x14' && fields.length) fields[fields.length - 1] = false;
      if (ch === '\x15') fields.pop();
    } else if (codes > 0) continue;
    else if (ch < ' ' || ch === '\xa0') buf += CHARS[ch] ?? '';
    else buf += ch;
  }
  if (buf) out.push({ text: buf, mark: '', cp: text.length });
  return out;
}

/** A paragraph's text as the Grid keeps it: lines trimmed at the end. */
const tidy = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/^\n+|\n+$/g, '');

// ---------------------------------------------------------------------------------------------------
// Rows of cells into a table.

interface RowCell {
  text: string;
  left: number;
  right: number;
  vert: number;
}

interface Row {
  cells: string[];
  tap: Tap | null;
}

/** A row's cells with their boundaries (twips), horizontal merges folded into the first cell. */
function placed(row: Row, useTap: boolean): RowCell[] {
  const out: RowCell[] = [];
  row.cells.forEach((text, i) => {
    const tap = useTap ? row.tap! : null;
    const left = tap ? tap.centers[i] : i;
    const right = tap ? tap.centers[i + 1] : i + 1;
    const prev = out[out.length - 1];
    if (tap && tap.horz[i] === 2 && prev) {
      prev.right = right;
      prev.text = [prev.text, text].filter(Boolean).join('\n');
    } else out.push({ text, left, right, vert: tap?.vert[i] ?? 0 });
  });
  return out;
}

/** Column boundaries shared by all rows: edges closer than a few twips are the same edge. */
function columnEdges(rows: RowCell[][]): number[] {
  const xs = [...new Set(rows.flatMap((r) => r.flatMap((c) => [c.left, c.right])))].sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of xs) if (!edges.length || x - edges[edges.length - 1] > SNAP) edges.push(x);
  return edges;
}

/** Twips within which two rows' cell edges are taken as one column boundary (about 0.5 mm). */
const SNAP = 30;

function tableOf(rows: Row[], n: number): GridTable {
  const useTap = rows.every((r) => r.tap && r.tap.centers.length >= r.cells.length + 1);
  const laid = rows.map((r) => placed(r, useTap));
  const edges = columnEdges(laid);
  /** The column of the nearest edge. */
  const col = (x: number) => {
    const i = Math.max(0, upperBound(edges, x, (e) => e) - 1);
    return i + 1 < edges.length && edges[i + 1] - x < x - edges[i] ? i + 1 : i;
  };
  const cells: GridCell[] = [];
  /** The cell that ends just above, by its column, for vertical merges to extend. */
  const above = new Map<number, GridCell>();
  laid.forEach((row, r) => {
    for (const c of row) {
      const c0 = col(c.left);
      const span = Math.max(1, col(c.right) - c0);
      const up = above.get(c0);
      if (c.vert === 1 && up && up.colSpan === span && up.row + up.rowSpan === r) {
        up.rowSpan++;
        if (c.text) up.text = [up.text, c.text].filter(Boolean).join('\n');
        continue;
      }
      const cell: GridCell = { text: c.text, row: r, col: c0, rowSpan: 1, colSpan: span, at: `table ${n} row ${r + 1} col ${c0 + 1}` };
      cells.push(cell);
      above.set(c0, cell);
    }
  });
  return { cells, rows: rows.length, cols: Math.max(1, edges.length - 1), at: `table ${n}` };
}

// ---------------------------------------------------------------------------------------------------
// Paragraphs into blocks.

interface Builder {
  blocks: Block[];
  notes: string[];
  rows: Row[];
  cells: string[];
  /** Paragraphs of the cell being read. */
  cell: string[];
  tables: number;
  paragraphs: number;
  /** Cells of the table being read, and cells left out past the limit in all. */
  cellCount: number;
  dropped: number;
}

function flushTable(b: Builder) {
  if (b.cell.length || b.cells.length) {
    // A row whose end mark was lost: keep what it had.
    if (b.cell.length) b.cells.push(tidy(b.cell.join('\n')));
    b.rows.push({ cells: b.cells, tap: null });
  }
  if (b.rows.length) b.blocks.push({ kind: 'table', table: tableOf(b.rows, ++b.tables) });
  b.rows = [];
  b.cells = [];
  b.cell = [];
  b.cellCount = 0;
}

function addText(b: Builder, text: string) {
  for (const part of text.split('\f')) {
    const t = tidy(part);
    if (t.trim()) b.blocks.push({ kind: 'text', text: t, at: `paragraph ${++b.paragraphs}` });
  }
}

/** One paragraph of the main text, by where it stands: body text, a cell's text, a cell end, a row end. */
function addParagraph(b: Builder, p: Para, props: Props) {
  const depth = props.depth;
  if (depth === 0) {
    flushTable(b);
    return addText(b, p.text);
  }
  const text = p.text.replace(/\f/g, '\n');
  if (depth > 1) {
    // A nested table is flattened into the outer cell: its paragraphs become lines.
    if (!props.innerTtp && text) b.cell.push(text);
    return;
  }
  if (p.mark === '\x07' && props.ttp) {
    b.rows.push({ cells: b.cells, tap: props.tap });
    b.cells = [];
    b.cell = [];
    return;
  }
  b.cell.push(text);
  if (p.mark === '\x07') {
    if (++b.cellCount > LIMITS.cells) b.dropped++;
    else b.cells.push(tidy(b.cell.join('\n')));
    b.cell = [];
  }
}

// ---------------------------------------------------------------------------------------------------

function read(bytes: Uint8Array): SourceResult {
  const files = streams(bytes);
  const word = new Reader(files.get('WordDocument')!, 'WordDocument');
  const fib = readFib(word);
  const tableBytes = files.get(fib.table);
  if (!tableBytes) bad(null, `the ${fib.table} stream the FIB names`, `an OLE container without ${fib.table}`);
  const table = new Reader(tableBytes!, fib.table);
  const data = files.has('Data') ? new Reader(files.get('Data')!, 'Data') : null;
  const pieces = readPieces(table, fib, word.bytes.length);
  const { text, pieceOf } = mainText(word, pieces, fib.ccpText);
  const runs = readPapx(word, table, fib, data);
  const propsAt = (cp: number): Props => {
    const piece = pieceOf(cp);
    const fc = piece.at + (cp - piece.cp0) * (piece.compressed ? 1 : 2);
    const run = runs[upperBound(runs, fc, (r) => r.fc0) - 1];
    return propsOf(run && fc < run.fc1 ? run.grpprl : null, piece.grpprl);
  };
  const b: Builder = { blocks: [], notes: [], rows: [], cells: [], cell: [], tables: 0, paragraphs: 0, cellCount: 0, dropped: 0 };
  for (const p of paragraphs(text)) addParagraph(b, p, p.mark ? propsAt(p.cp) : propsOf());
  flushTable(b);
  if (b.dropped) b.notes.push(`${b.dropped} table cells past the limit of ${LIMITS.cells} per table were left out.`);
  for (const [name, count] of fib.stories) b.notes.push(`The document's ${name} (${count} characters) were left out.`);
  if (runs.length === 0) b.notes.push('The document has no paragraph properties; tables could not be told from text.');
  return { ok: true, grid: { format: 'doc', blocks: b.blocks, encoding: 'word97', notes: b.notes } };
}

/** Reads a Word 97–2003 document: its body paragraphs and tables, in order. */
export function readDoc(bytes: Uint8Array): SourceResult {
  try {
    return read(bytes);
  } catch (e) {
    if (e instanceof Bad) return { ok: false, error: e.error };
    const m = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { where: null, expected: EXPECTED, found: `a damaged document (${m.slice(0, 200)})` } };
  }
}
