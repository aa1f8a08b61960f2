/**
 * Word (.docx) → Grid. Only the parts read are inflated (main part, headers, footers, notes), each after
 * its declared size and ratio pass the limits, stopped if it outgrows what it declared, and checked
 * against its CRC. The main part is walked in document order: paragraphs become text blocks, tables
 * become grids with their merges; header text goes first and footer text last.
 */
import { Inflate } from 'fflate';
import { DomUtils, parseDocument } from 'htmlparser2';
import { LIMITS, type Block, type Grid, type GridCell, type GridTable, type SourceError, type SourceResult } from '../grid';

type XmlNode = ReturnType<typeof parseDocument>['children'][number];
type El = Extract<XmlNode, { attribs: Record<string, string> }>;

const EXPECTED = 'a Word document (word/document.xml in the zip)';
/** Zip entries past this are not a document but a trap (the loop over a forged count would never end). */
const MAX_ENTRIES = 20_000;
/** Below this an entry cannot hurt, and tiny runs of spaces legitimately compress past the ratio. */
const RATIO_FLOOR = 1024 * 1024;
/** Word allows 63 columns; past this a span or a shift is garbage, not layout. */
const MAX_COLS = 16_384;
const MAX_SPAN = 1000;

const fail = (where: string | null, expected: string, found: string): SourceResult => ({ ok: false, error: { where, expected, found } });

// ---------------------------------------------------------------------------------------------- zip
// The central directory is read here rather than by fflate's unzipSync, which inflates a part that lies
// about its size to the end of its stream however far that is. Each part is inflated in chunks and
// stopped the moment it passes the size it declared.

class ZipRefused extends Error {
  constructor(readonly error: SourceError) {
    super(error.found);
  }
}

interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  size: number;
  originalSize: number;
  /** Where the entry's local header starts. */
  offset: number;
  crc: number;
}

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
const u64 = (b: Uint8Array, i: number) => u32(b, i) + u32(b, i + 4) * 0x100000000;
const damaged = (where: string | null, why: string) => new ZipRefused({ where, expected: EXPECTED, found: `a damaged or truncated zip (${why})` });

/** The zip's entries, from its central directory (zip64 records included). */
function directory(b: Uint8Array): ZipEntry[] {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  let e = b.length - 22;
  while (e >= stop && u32(b, e) !== 0x06054b50) e--;
  if (e < stop) throw damaged(null, 'no end of central directory record');
  let count = u16(b, e + 10);
  let o = u32(b, e + 16);
  if (e >= 20 && u32(b, e - 20) === 0x07064b50) {
    const z = u64(b, e - 12);
    if (z + 56 <= b.length && u32(b, z) === 0x06064b50) [count, o] = [u64(b, z + 32), u64(b, z + 48)];
  }
  if (count > MAX_ENTRIES) throw new ZipRefused({ where: null, expected: `a zip of at most ${MAX_ENTRIES} entries`, found: `${count} entries` });
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (o + 46 > b.length || u32(b, o) !== 0x02014b50) throw damaged(`byte ${o}`, `central directory entry ${i + 1} of ${count} is missing`);
    const [n, x, c] = [u16(b, o + 28), u16(b, o + 30), u16(b, o + 32)];
    const entry: ZipEntry = {
      name: new TextDecoder().decode(b.subarray(o + 46, o + 46 + n)),
      flags: u16(b, o + 8),
      method: u16(b, o + 10),
      size: u32(b, o + 20),
      originalSize: u32(b, o + 24),
      offset: u32(b, o + 42),
      crc: u32(b, o + 16),
    };
    // Sizes and offset that do not fit 32 bits are in the zip64 extra field, in this order.
    for (let p = o + 46 + n; p + 4 <= Math.min(o + 46 + n + x, b.length); p += 4 + u16(b, p + 2)) {
      if (u16(b, p) !== 1) continue;
      let q = p + 4;
      for (const k of ['originalSize', 'size', 'offset'] as const) if (entry[k] === 0xffffffff) (entry[k] = u64(b, q)), (q += 8);
    }
    out.push(entry);
    o += 46 + n + x + c;
  }
  return out;
}

/** Why an entry must not be inflated, or null. Judged on the sizes the zip declares. */
function bombCheck(f: ZipEntry): SourceError | null {
  const expected = `a zip entry of at most ${mb(LIMITS.unpackedBytes)} unpacked, compressed at most ${LIMITS.ratio}:1`;
  if (f.originalSize > LIMITS.unpackedBytes) return { where: f.name, expected, found: `${mb(f.originalSize)} unpacked: a zip bomb` };
  const ratio = f.originalSize / Math.max(f.size, 1);
  if (f.originalSize > RATIO_FLOOR && ratio > LIMITS.ratio) {
    return { where: f.name, expected, found: `${mb(f.originalSize)} from ${mb(f.size)} (${Math.round(ratio)}:1): a zip bomb` };
  }
  return null;
}

/** Inflates raw deflate data, refusing it soon after it passes `cap` bytes. */
function inflateCapped(data: Uint8Array, cap: number, name: string): Uint8Array {
  const chunks: Uint8Array[] = [];
  let n = 0;
  const inf = new Inflate((chunk) => {
    n += chunk.length;
    if (n > cap) throw new ZipRefused({ where: name, expected: `a zip entry no bigger than it declares (${cap} bytes)`, found: 'more data than that: a zip bomb' });
    chunks.push(chunk);
  });
  const step = 4096; // at most ~4 MB of output per step (deflate's ratio tops out near 1032:1), checked after each
  try {
    for (let i = 0; i === 0 || i < data.length; i += step) inf.push(data.subarray(i, i + step), i + step >= data.length);
  } catch (e) {
    if (e instanceof ZipRefused) throw e;
    throw damaged(name, e instanceof Error ? e.message : String(e));
  }
  const out = new Uint8Array(n);
  chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
  return out;
}

/** One entry's bytes. */
function extract(b: Uint8Array, f: ZipEntry): Uint8Array {
  if (f.flags & 1) throw new ZipRefused({ where: f.name, expected: EXPECTED, found: 'an encrypted zip entry' });
  if (f.offset + 30 > b.length || u32(b, f.offset) !== 0x04034b50) throw damaged(f.name, `no local header at byte ${f.offset}`);
  const start = f.offset + 30 + u16(b, f.offset + 26) + u16(b, f.offset + 28);
  if (start + f.size > b.length) throw damaged(f.name, 'the entry runs past the end of the file');
  const data = b.subarray(start, start + f.size);
  if (f.method !== 0 && f.method !== 8) throw new ZipRefused({ where: f.name, expected: 'a zip entry stored or deflated', found: `compression method ${f.method}` });
  const out = f.method === 0 ? data.slice() : inflateCapped(data, f.originalSize, f.name);
  // Corrupted data can still inflate; the checksum is what tells.
  if (crc32(out) !== f.crc) throw damaged(f.name, 'its checksum does not match');
  return out;
}

/** The named entries' bytes (those present), within the limit on all of them together. */
function unpack(b: Uint8Array, entries: ZipEntry[], names: Set<string>): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  let total = 0;
  for (const f of entries) {
    if (!names.has(f.name) || out[f.name]) continue;
    const bomb = bombCheck(f);
    if (bomb) throw new ZipRefused(bomb);
    total += f.originalSize;
    if (total > LIMITS.unpackedBytes) throw new ZipRefused({ where: f.name, expected: `parts of at most ${mb(LIMITS.unpackedBytes)} in all`, found: `${mb(total)}: a zip bomb` });
    out[f.name] = extract(b, f);
  }
  return out;
}

/** What a zip without a Word main part is, by the parts it holds. */
const ZIP_KINDS: [RegExp, string][] = [
  [/^xl\/workbook\.xml$/, 'an Excel workbook (xl/workbook.xml)'],
  [/^ppt\/presentation\.xml$/, 'a PowerPoint presentation (ppt/presentation.xml)'],
  [/^content\.xml$/, 'an OpenDocument file (content.xml)'],
];

function describeZip(names: string[]): string {
  for (const [re, kind] of ZIP_KINDS) if (names.some((n) => re.test(n))) return `a zip with no word/document.xml: ${kind}`;
  if (names.length === 0) return 'an empty zip';
  const shown = names.slice(0, 3).join(', ');
  return `a zip with no word/document.xml (${names.length} entries: ${shown}${names.length > 3 ? ', …' : ''})`;
}

function describeBytes(b: Uint8Array): string {
  if (b.length === 0) return 'an empty file';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'an OLE2 (CFB) container: an encrypted Word file or an old .doc';
  const hex = Array.from(b.subarray(0, 4), (x) => x.toString(16).padStart(2, '0')).join(' ');
  return `bytes ${hex}, not a zip (which starts 50 4b 03 04)`;
}

// ---------------------------------------------------------------------------------------------- XML

function xmlText(b: Uint8Array): string {
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  return new TextDecoder('utf-8').decode(b);
}

const isEl = (n: XmlNode): n is El => 'attribs' in n;
const tags = (el: { children: XmlNode[] }): El[] => el.children.filter(isEl);

/** The root element of an XML part, or null when the bytes hold none. */
function rootOf(b: Uint8Array): El | null {
  return tags(parseDocument(xmlText(b), { xmlMode: true }))[0] ?? null;
}

/**
 * Names in the WordprocessingML namespace by their local part, whatever prefix the part binds it to
 * (always `w:` in practice); foreign elements get `#local` so they never collide (`#Fallback`).
 */
interface Ns {
  local(el: El): string;
  attr(el: El | undefined, name: string): string | undefined;
}

function nsOf(root: El): Ns {
  let prefix = 'w:';
  for (const [k, v] of Object.entries(root.attribs)) {
    if (/wordprocessingml\/(2006\/)?main$/.test(v) && (k === 'xmlns' || k.startsWith('xmlns:'))) prefix = k === 'xmlns' ? '' : `${k.slice(6)}:`;
  }
  return {
    local: (el) => (el.name.startsWith(prefix) && !el.name.slice(prefix.length).includes(':') ? el.name.slice(prefix.length) : `#${el.name.slice(el.name.indexOf(':') + 1)}`),
    attr: (el, name) => el?.attribs[prefix + name],
  };
}

const child = (ns: Ns, el: El | undefined, name: string): El | undefined => (el ? tags(el).find((c) => ns.local(c) === name) : undefined);

// ---------------------------------------------------------------------------------------------- text

/** Run content that stands for a character. */
const CHARS: Record<string, string> = { tab: '\t', ptab: '\t', br: '\n', cr: '\n', noBreakHyphen: '-' };
/** Properties, deleted or moved-away text, field codes and the fallback copy of a drawing: not the text read. */
const SKIP_INLINE = new Set(['pPr', 'rPr', 'sdtPr', 'sdtEndPr', 'del', 'delText', 'delInstrText', 'instrText', 'moveFrom', 'fldData', 'ffData', 'tblPr', 'trPr', 'tcPr', '#Fallback']);

/** A paragraph's text: its runs in order, through hyperlinks, content controls, smart tags, simple fields,
 * insertions and text boxes (a text box's own paragraphs go on new lines). */
function paraText(ns: Ns, p: El): string {
  const out: string[] = [];
  const walk = (el: El): void => {
    for (const c of tags(el)) {
      const n = ns.local(c);
      if (n === 't') out.push(DomUtils.textContent(c));
      else if (Object.hasOwn(CHARS, n)) out.push(CHARS[n]);
      else if (n === 'p') {
        out.push('\n');
        walk(c);
      } else if (!SKIP_INLINE.has(n)) walk(c);
    }
  };
  walk(p);
  return out.join('');
}

const trimLines = (s: string) => s.split('\n').map((l) => l.trimEnd()).join('\n');
const blank = (s: string) => !/\S/.test(s);

// ---------------------------------------------------------------------------------------------- blocks

type Item = { kind: 'p'; text: string } | { kind: 'tbl'; el: El };

/** Elements that only wrap block content (content controls, custom XML, tracked insertions). */
const BLOCK_WRAPPERS = new Set(['sdt', 'sdtContent', 'customXml', 'ins', 'moveTo', 'smartTag']);

/** The paragraphs and tables of a body, cell, header or footer, in order. */
function items(ns: Ns, container: El, out: Item[] = []): Item[] {
  for (const el of tags(container)) {
    const n = ns.local(el);
    if (n === 'p') out.push({ kind: 'p', text: paraText(ns, el) });
    else if (n === 'tbl') out.push({ kind: 'tbl', el });
    else if (BLOCK_WRAPPERS.has(n)) items(ns, el, out);
  }
  return out;
}

/** Descendants named `name`, looking through the block wrappers only (not into nested tables). */
function wrapped(ns: Ns, el: El, name: string, out: El[] = []): El[] {
  for (const c of tags(el)) {
    const n = ns.local(c);
    if (n === name) out.push(c);
    else if (BLOCK_WRAPPERS.has(n)) wrapped(ns, c, name, out);
  }
  return out;
}

interface RawCell {
  items: Item[];
  span: number;
  /** `restart` starts a vertical merge, `continue` extends the one above, null is a plain cell. */
  vmerge: 'restart' | 'continue' | null;
}
interface RawRow {
  before: number;
  after: number;
  cells: RawCell[];
}

const int = (s: string | undefined, dflt: number, max: number) => {
  const n = s == null ? NaN : parseInt(s, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : dflt;
};

function rawRows(ns: Ns, tbl: El): RawRow[] {
  const rows: RawRow[] = [];
  for (const tr of wrapped(ns, tbl, 'tr')) {
    const trPr = child(ns, tr, 'trPr');
    if (child(ns, trPr, 'del')) continue; // a row deleted with changes tracked
    const cells = wrapped(ns, tr, 'tc').map((tc): RawCell => {
      const pr = child(ns, tc, 'tcPr');
      const vm = child(ns, pr, 'vMerge');
      return {
        items: items(ns, tc),
        span: Math.max(1, int(ns.attr(child(ns, pr, 'gridSpan'), 'val'), 1, MAX_SPAN)),
        vmerge: vm ? (ns.attr(vm, 'val') === 'restart' ? 'restart' : 'continue') : null,
      };
    });
    const at = (name: string) => int(ns.attr(child(ns, trPr, name), 'val'), 0, MAX_COLS);
    rows.push({ before: at('gridBefore'), after: at('gridAfter'), cells });
  }
  return rows;
}

interface Out {
  blocks: Block[];
  notes: string[];
  paragraphs: number;
  tables: number;
}

/**
 * A table that only frames another (a bordered box round the whole form, a one-row layout): one column
 * or one row, holding a table bigger than itself. Its content is read as if it were the body; any other
 * nested table is flattened into its cell.
 */
function isFrame(ns: Ns, rows: RawRow[]): boolean {
  const cells = rows.flatMap((r) => r.cells);
  const width = Math.max(0, ...rows.map((r) => r.before + r.cells.reduce((s, c) => s + c.span, 0)));
  if (width > 1 && rows.length > 1) return false;
  const inner = cells.flatMap((c) => c.items.flatMap((i) => (i.kind === 'tbl' ? [i.el] : [])));
  return inner.some((t) => wrapped(ns, t, 'tr').reduce((n, tr) => n + wrapped(ns, tr, 'tc').length, 0) > cells.length);
}

/** A nested table as text: its rows on lines, its cells by tabs. */
function flatten(ns: Ns, tbl: El, notes: string[]): string {
  const t = place(ns, rawRows(ns, tbl), 'table', notes);
  const lines: string[][] = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) lines[c.row].push(c.text.replace(/\n/g, ' '));
  return lines.map((l) => l.join('\t')).join('\n');
}

function cellText(ns: Ns, it: Item[], notes: string[]): string {
  const lines = it.map((i) => trimLines(i.kind === 'p' ? i.text : flatten(ns, i.el, notes)));
  return lines.join('\n').replace(/^\n+|\n+$/g, '');
}

/** Rows of cells into a grid: spans across, vertical merges grown into the cell that starts them. */
function place(ns: Ns, rows: RawRow[], at: string, notes: string[]): GridTable {
  const cells: GridCell[] = [];
  let open = new Map<number, GridCell>();
  let cols = 0;
  let capped = false;
  rows.forEach((row, r) => {
    const next = new Map<number, GridCell>();
    let col = row.before;
    for (const rc of row.cells) {
      if (col >= MAX_COLS) break;
      const span = Math.min(rc.span, MAX_COLS - col);
      const text = cellText(ns, rc.items, notes);
      const above = rc.vmerge === 'continue' ? open.get(col) : undefined;
      if (above) {
        above.rowSpan = r - above.row + 1;
        if (text) above.text = above.text ? `${above.text}\n${text}` : text; // a merged-over cell's text is kept, not lost
        next.set(col, above);
      } else if (cells.length < LIMITS.cells) {
        const cell: GridCell = { text, row: r, col, rowSpan: 1, colSpan: span, at: `${at} row ${r + 1} col ${col + 1}` };
        cells.push(cell);
        if (rc.vmerge) next.set(col, cell); // a `continue` with nothing above starts a merge, as Word shows it
      } else capped = true;
      col += span;
    }
    cols = Math.max(cols, Math.min(col + row.after, MAX_COLS));
    open = next;
  });
  if (capped) notes.push(`${at}: only the first ${LIMITS.cells} cells read`);
  return { cells, rows: rows.length, cols, at };
}

function emitBody(ns: Ns, it: Item[], out: Out): void {
  for (const i of it) {
    if (i.kind === 'p') {
      const n = ++out.paragraphs;
      const text = trimLines(i.text);
      if (!blank(text)) out.blocks.push({ kind: 'text', text, at: `paragraph ${n}` });
      continue;
    }
    const rows = rawRows(ns, i.el);
    if (isFrame(ns, rows)) {
      for (const c of rows.flatMap((r) => r.cells)) emitBody(ns, c.items, out);
      continue;
    }
    const table = place(ns, rows, `table ${++out.tables}`, out.notes);
    out.blocks.push({ kind: 'table', table });
  }
}

/** A header's or footer's content as text blocks, all at the part's name (tables as tab-separated lines). */
function marginBlocks(ns: Ns, root: El, at: string, notes: string[]): Block[] {
  return items(ns, root)
    .map((i) => trimLines(i.kind === 'p' ? i.text : flatten(ns, i.el, notes)))
    .filter((t) => !blank(t))
    .map((text): Block => ({ kind: 'text', text, at }));
}

// ---------------------------------------------------------------------------------------------- read

/** The main part's path, from the package relationships; `word/document.xml` when they say nothing. */
function mainPart(rels: Uint8Array | undefined, names: Set<string>): string {
  const fallback = 'word/document.xml';
  const root = rels ? rootOf(rels) : null;
  const rel = root && tags(root).find((r) => /\/officeDocument$/.test(r.attribs.Type ?? ''));
  const target = rel?.attribs.Target?.replace(/^\//, '');
  return target && names.has(target) ? target : fallback;
}

const MARGIN = /^(header|footer)(\d*)\.xml$/;

/** Real footnotes or endnotes in a notes part (Word always writes a separator and a continuation). */
function noteCount(b: Uint8Array | undefined): number {
  const root = b ? rootOf(b) : null;
  if (!root) return 0;
  const ns = nsOf(root);
  return tags(root).filter((n) => /^(footnote|endnote)$/.test(ns.local(n)) && (ns.attr(n, 'type') ?? 'normal') === 'normal').length;
}

export function readDocx(bytes: Uint8Array): SourceResult {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return fail(null, EXPECTED, describeBytes(bytes));
  try {
    return read(bytes);
  } catch (e) {
    if (e instanceof ZipRefused) return { ok: false, error: e.error };
    // A stack overflow on absurd nesting is the one thing the XML walk can throw.
    const why = e instanceof Error ? e.message : String(e);
    return fail(null, 'a Word document whose XML can be walked', `XML that could not be read (${why})`);
  }
}

function read(bytes: Uint8Array): SourceResult {
  const entries = directory(bytes);
  const listed = entries.map((e) => e.name);
  const names = new Set(listed);
  const main = mainPart(unpack(bytes, entries, new Set(['_rels/.rels']))['_rels/.rels'], names);
  if (!names.has(main)) return fail(main, EXPECTED, describeZip(listed));
  const dir = main.slice(0, main.lastIndexOf('/') + 1);
  const margins = listed
    .filter((n) => n.startsWith(dir) && MARGIN.test(n.slice(dir.length)))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const notesParts = [`${dir}footnotes.xml`, `${dir}endnotes.xml`];
  const parts = unpack(bytes, entries, new Set([main, ...margins, ...notesParts]));

  const root = rootOf(parts[main]);
  if (!root) return fail(main, 'the document part as XML', 'no XML elements');
  const ns = nsOf(root);
  const body = child(ns, root, 'body');
  if (ns.local(root) !== 'document' || !body) return fail(main, 'a w:document with a w:body', `XML whose root is <${root.name}>${body ? '' : ' without a body'}`);

  const out: Out = { blocks: [], notes: [], paragraphs: 0, tables: 0 };
  emitBody(ns, items(ns, body), out);
  if (wrapped(ns, body, 'altChunk').length) out.notes.push('embedded foreign content (altChunk) left out');

  const header: Block[] = [];
  const footer: Block[] = [];
  const seen = new Set<string>();
  const counts = { header: 0, footer: 0 };
  for (const name of margins) {
    const kind = MARGIN.exec(name.slice(dir.length))![1] as 'header' | 'footer';
    const r = rootOf(parts[name]);
    if (!r) continue;
    const blocks = marginBlocks(nsOf(r), r, `${kind} ${counts[kind] + 1}`, out.notes);
    const key = `${kind}\u0000${blocks.map((b) => (b.kind === 'text' ? b.text : '')).join('\n')}`;
    if (!blocks.length || seen.has(key)) continue; // first-page and default headers often repeat each other
    seen.add(key);
    counts[kind]++;
    (kind === 'header' ? header : footer).push(...blocks);
  }
  if (counts.header || counts.footer) {
    out.notes.push(`${counts.header} header(s) and ${counts.footer} footer(s) read: header text put first, footer text last`);
  }
  const skipped = notesParts.reduce((s, n) => s + noteCount(parts[n]), 0);
  if (skipped) out.notes.push(`${skipped} footnote(s) or endnote(s) left out`);

  const grid: Grid = { format: 'docx', blocks: [...header, ...out.blocks, ...footer], encoding: 'ooxml', notes: out.notes };
  return { ok: true, grid };
}
