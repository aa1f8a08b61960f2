/**
 * HTML page → Grid. Government pages put the filing's table inside site chrome (menus, 当前位置, 打印,
 * 扫一扫): all of it comes out, the text as blocks and each table as a grid, and the recognizers decide
 * what matters. Tolerant: any bytes that decode give a grid.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { LIMITS, type Block, type Grid, type GridCell, type GridTable, type SourceResult } from '../grid';

type HtmlNode = ReturnType<typeof parseDocument>['children'][number];
type El = Extract<HtmlNode, { attribs: Record<string, string> }>;

const EXPECTED = 'an HTML page';
/** Spans past these are typos or traps (the HTML standard itself caps colspan at 1000). */
const MAX_SPAN = 1000;
const MAX_COLS = 16_384;

const isEl = (n: HtmlNode): n is El => 'attribs' in n;
const isText = (n: HtmlNode): n is Extract<HtmlNode, { type: 'text' }> => n.type === 'text';
const tags = (el: { children: HtmlNode[] }): El[] => el.children.filter(isEl);

// ---------------------------------------------------------------------------------------------- decoding

/** Charset labels as pages write them → the decoder used. GBK and GB2312 are subsets of GB18030. */
const CHARSETS: Record<string, string> = {
  gbk: 'gb18030', gb2312: 'gb18030', gb18030: 'gb18030', 'x-gbk': 'gb18030', cp936: 'gb18030', 'euc-cn': 'gb18030',
  'utf-8': 'utf-8', utf8: 'utf-8',
};

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

function tryDecode(b: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/** The charset a `<meta>` in the first 2 KB declares (`<meta charset>` or http-equiv's content). */
function declared(b: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(b.subarray(0, 2048));
  const m = /<meta[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (!m) return null;
  const label = m[1].toLowerCase();
  if (CHARSETS[label]) return CHARSETS[label];
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

function decodeHtml(b: Uint8Array): { text: string; encoding: string } {
  for (const [bom, label] of BOMS) {
    if (bom.every((x, i) => b[i] === x)) return { text: new TextDecoder(label).decode(b.subarray(bom.length)), encoding: label };
  }
  // Bytes that are valid UTF-8 with non-ASCII in them are UTF-8, whatever a copied template's meta says.
  const utf8 = tryDecode(b, 'utf-8');
  if (utf8 != null && /[^\x00-\x7f]/.test(utf8)) return { text: utf8, encoding: 'utf-8' };
  const meta = declared(b);
  for (const label of [meta, 'utf-8', 'gb18030']) {
    const t = label && tryDecode(b, label);
    if (t != null && t !== '') return { text: t, encoding: label! };
  }
  return { text: new TextDecoder(meta ?? 'utf-8').decode(b), encoding: meta ?? 'utf-8' };
}

// ---------------------------------------------------------------------------------------------- text

/** Not page text. `head` is skipped too, all but its title. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas']);
/** Elements that start and end a line of text. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'option', 'p', 'pre', 'section', 'summary', 'title', 'ul',
  'caption', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot',
]);

/** HTML whitespace (and no-break spaces) collapsed; U+3000, which filings use to align, kept as written. */
const clean = (s: string) => s.replace(/[ \t\n\r\f\u00a0]+/g, ' ').replace(/^ +| +$/g, '');
const blank = (s: string) => !/\S/.test(s);

/**
 * Text gathered into lines: `soft` ends the line if it has anything (a block boundary), `hard` ends it
 * always (a `<br>`).
 */
class Lines {
  readonly done: string[] = [];
  private cur: string[] = [];
  add(s: string) {
    this.cur.push(s);
  }
  soft() {
    if (!blank(this.cur.join(''))) this.hard();
    else this.cur = [];
  }
  hard() {
    this.done.push(clean(this.cur.join('')));
    this.cur = [];
  }
  /** A line taken as it is (a flattened table's, whose tabs are meant). */
  raw(line: string) {
    this.soft();
    if (!blank(line)) this.done.push(line);
  }
  text(): string {
    this.soft();
    return this.done.join('\n').replace(/^\n+|\n+$/g, '');
  }
}

/** A cell's (or caption's) text: `<br>` and block children make new lines; a nested table is flattened. */
function textOf(el: El, ctx: Ctx): string {
  const lines = new Lines();
  const walk = (node: El): void => {
    for (const c of node.children) {
      if (isText(c)) lines.add(c.data);
      if (!isEl(c) || SKIP.has(c.name)) continue;
      if (c.name === 'br') lines.hard();
      else if (c.name === 'table') {
        for (const l of flatten(c, ctx).split('\n')) lines.raw(l);
      } else if (BLOCK.has(c.name)) {
        lines.soft();
        walk(c);
        lines.soft();
      } else walk(c);
    }
  };
  walk(el);
  return lines.text();
}

// ---------------------------------------------------------------------------------------------- tables

interface Ctx {
  notes: string[];
}

/** A table's rows in display order (thead first, tfoot last), and what it holds outside any row. */
function rowsOf(table: El): { rows: El[]; captions: El[]; stray: HtmlNode[] } {
  const head: El[] = [];
  const body: El[] = [];
  const foot: El[] = [];
  const captions: El[] = [];
  const stray: HtmlNode[] = [];
  const walk = (el: El, into: El[]): void => {
    for (const c of el.children) {
      if (!isEl(c)) {
        if (isText(c) && !blank(c.data)) stray.push(c);
      } else if (c.name === 'tr') into.push(c);
      else if (c.name === 'thead') walk(c, head);
      else if (c.name === 'tfoot') walk(c, foot);
      else if (c.name === 'caption') captions.push(c);
      else if (c.name === 'tbody' || c.name === 'form') walk(c, into); // pages wrap rows in a form
      else if (!['col', 'colgroup', ...SKIP].includes(c.name)) stray.push(c);
    }
  };
  walk(table, body);
  return { rows: [...head, ...body, ...foot], captions, stray };
}

/** The row's cells, looking through wrappers but never into a nested table. */
function cellsOf(tr: El, out: El[] = []): El[] {
  for (const c of tags(tr)) {
    if (c.name === 'td' || c.name === 'th') out.push(c);
    else if (c.name !== 'table' && c.name !== 'tr' && !SKIP.has(c.name)) cellsOf(c, out);
  }
  return out;
}

function span(v: string | undefined): number {
  const n = v == null ? NaN : parseInt(v, 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, MAX_SPAN) : 1;
}

/**
 * The HTML table model: each cell goes to the first column of its row that no rowspan from above still
 * covers. `busy[c]` is the first row column c is free again. rowspan="0" runs to the end of the table.
 */
function place(rows: El[][], at: string, ctx: Ctx, text: (td: El) => string): GridTable {
  const cells: GridCell[] = [];
  const busy: number[] = [];
  let cols = 0;
  let capped = false;
  rows.forEach((tds, r) => {
    let c = 0;
    for (const td of tds) {
      while ((busy[c] ?? 0) > r) c++;
      if (c >= MAX_COLS) break;
      if (cells.length >= LIMITS.cells) {
        capped = true;
        break;
      }
      const colSpan = Math.min(Math.max(span(td.attribs.colspan), 1), MAX_COLS - c);
      const rs = span(td.attribs.rowspan);
      const rowSpan = rs === 0 ? rows.length - r : Math.min(rs, rows.length - r);
      cells.push({ text: text(td), row: r, col: c, rowSpan, colSpan, at: `${at} row ${r + 1} col ${c + 1}` });
      for (let k = c; k < c + colSpan; k++) busy[k] = r + rowSpan;
      c += colSpan;
      cols = Math.max(cols, c);
    }
  });
  if (capped) ctx.notes.push(`${at}: only the first ${LIMITS.cells} cells read`);
  return { cells, rows: rows.length, cols, at };
}

/** A nested table as text: its rows on lines, its cells by tabs. */
function flatten(table: El, ctx: Ctx): string {
  const t = place(rowsOf(table).rows.map((tr) => cellsOf(tr)), 'table', ctx, (td) => textOf(td, ctx));
  const lines: string[][] = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) lines[c.row].push(c.text.replace(/\n/g, ' '));
  return lines.map((l) => l.join('\t')).filter((l) => !blank(l)).join('\n');
}

const cellCount = (table: El) => rowsOf(table).rows.reduce((n, tr) => n + cellsOf(tr).length, 0);

/**
 * A layout table: site chrome round the filing, holding a table bigger than itself (a filing table has
 * dozens of cells, the page grid a few), or one that says it is presentation. Its cells are read as page
 * flow; any other nested table is flattened into its cell.
 */
function isFrame(table: El, grid: El[][]): boolean {
  if (table.attribs.role === 'presentation' || table.attribs.role === 'none') return true;
  const cells = grid.flat();
  return cells.some((td) => DomUtils.findAll((e) => e.name === 'table', td.children).some((t) => cellCount(t as El) > cells.length));
}

// ---------------------------------------------------------------------------------------------- flow

class Flow {
  readonly blocks: Block[] = [];
  readonly ctx: Ctx = { notes: [] };
  private lines = new Lines();
  private paragraphs = 0;
  private tables = 0;

  flush() {
    for (const text of this.lines.text().split('\n')) {
      if (!blank(text)) this.blocks.push({ kind: 'text', text, at: `paragraph ${++this.paragraphs}` });
    }
    this.lines = new Lines();
  }

  walk(nodes: HtmlNode[]): void {
    for (const n of nodes) {
      if (isText(n)) this.lines.add(n.data);
      if (!isEl(n)) continue;
      if (n.name === 'head') this.walk(tags(n).filter((t) => t.name === 'title'));
      else if (SKIP.has(n.name)) continue;
      else if (n.name === 'br') this.lines.hard();
      else if (n.name === 'table') this.table(n);
      else if (BLOCK.has(n.name)) {
        this.flush();
        this.walk(n.children);
        this.flush();
      } else this.walk(n.children);
    }
  }

  table(el: El) {
    this.flush();
    const { rows, captions, stray } = rowsOf(el);
    // Text a table holds outside its cells is shown before it (as browsers do), and so is its caption.
    this.walk(stray);
    for (const c of captions) this.walk([c]);
    this.flush();
    const grid = rows.map((tr) => cellsOf(tr));
    if (isFrame(el, grid)) {
      for (const td of grid.flat()) this.walk([td]);
      return;
    }
    const table = place(grid, `table ${++this.tables}`, this.ctx, (td) => textOf(td, this.ctx));
    this.blocks.push({ kind: 'table', table });
  }
}

export function readHtml(bytes: Uint8Array): SourceResult {
  if (bytes.length === 0) return { ok: false, error: { where: null, expected: EXPECTED, found: 'an empty file' } };
  const { text, encoding } = decodeHtml(bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, error: { where: `character ${nul}`, expected: EXPECTED, found: 'binary data (a NUL character)' } };
  const doc = parseDocument(text, { decodeEntities: true });
  if (!DomUtils.findOne(() => true, doc.children)) {
    return { ok: false, error: { where: null, expected: `${EXPECTED} (text with HTML tags)`, found: 'text with no HTML elements' } };
  }
  const flow = new Flow();
  try {
    flow.walk(doc.children);
    flow.flush();
  } catch (e) {
    // The walk recurses per element: a page nested thousands deep overflows the stack.
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { where: null, expected: `${EXPECTED} nested to a readable depth`, found: `elements nested too deeply (${why})` } };
  }
  const grid: Grid = { format: 'html', blocks: flow.blocks, encoding, notes: flow.ctx.notes };
  return { ok: true, grid };
}
