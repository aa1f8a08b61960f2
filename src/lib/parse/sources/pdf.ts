/**
 * PDF → Grid. pdf.js gives positioned text runs and the page's drawing operators; tables are rebuilt
 * from the ruling lines (a lattice of the lines' x's and y's, merged cells where a separating line is
 * missing), and, on a page with no lines at all, roughly from the alignment of the text (stream mode).
 * Runs in Node and in a browser (Web) worker alike: pdf.js's own worker code is run on this thread, so
 * nothing is spawned and nothing is fetched except the cMaps / fonts the caller points to. (Loaded in a
 * Web Worker, pdf.worker.mjs also posts one `{sourceName: 'worker', action: 'ready'}` message to the
 * page as it starts: the page should ignore it.)
 */
import {
  AnnotationMode,
  getDocument,
  OPS,
  VerbosityLevel,
  type PDFDocumentProxy,
  type PDFPageProxy,
} from 'pdfjs-dist/legacy/build/pdf.mjs';
// @ts-expect-error -- the worker bundle ships no type declarations; only its module object is needed.
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { LIMITS, type Block, type Grid, type GridCell, type GridTable, type SourceError, type SourceResult } from '../grid';

// pdf.js looks here before spawning a worker or importing one: with it set, it runs "fake worker" mode.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;

export interface PdfOptions {
  /** Where the CMaps are (`…/pdfjs-dist/cmaps/`, trailing slash): needed for CJK fonts without a ToUnicode map. */
  cMapUrl?: string;
  /** Where the standard fonts are (`…/pdfjs-dist/standard_fonts/`). */
  standardFontDataUrl?: string;
  /** Time for the whole document, in ms (default 20 s). */
  budgetMs?: number;
}

const BUDGET_MS = 20_000;
const NO_CMAPS = '; no cMapUrl was given, without which CJK text in fonts with no ToUnicode map reads as nothing';

type M = [number, number, number, number, number, number];
/** A text run in page points, origin top left. */
interface Run { str: string; x: number; x1: number; base: number; size: number }
/** An axis-aligned ruling line, origin top left: horizontal when `y0 === y1`. */
interface Seg { x0: number; y0: number; x1: number; y1: number }
/** A table region's cell while building: grid rectangle [r0, r1) × [c0, c1) and its text runs. */
interface Box { r0: number; c0: number; r1: number; c1: number; x: number; x1: number; y: number; y1: number; runs: Run[] }

// ---------------------------------------------------------------- geometry

/** `m` then `n`: the matrix mapping p to n(m(p)). */
const then = (m: M | number[], n: M | number[]): M => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: M, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Sorted values clustered within `tol`, each cluster as its mean. */
function cluster(values: number[], tol: number): number[] {
  const s = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of s) {
    const last = out.at(-1);
    if (last && v - last[last.length - 1] <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((c) => c.reduce((a, b) => a + b, 0) / c.length);
}

/** Index i with xs[i] <= v < xs[i+1], or -1 outside. */
function slot(xs: number[], v: number): number {
  if (v < xs[0] || v >= xs[xs.length - 1]) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

class UnionFind {
  private p: number[];
  constructor(n: number) { this.p = Array.from({ length: n }, (_, i) => i); }
  find(i: number): number {
    while (this.p[i] !== i) i = this.p[i] = this.p[this.p[i]];
    return i;
  }
  union(a: number, b: number): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
    return ra !== rb;
  }
}

// ---------------------------------------------------------------- ruling lines from the operator list

const STROKES = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILLS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGES = new Set<number>([
  OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObjectGroup, OPS.paintInlineImageXObjectGroup, OPS.paintImageMaskXObjectRepeat,
]);
// pdf.js 5 path codes inside constructPath's Float32Array (DrawOPS).
const [MOVE, LINE, CURVE, QUAD, CLOSE] = [0, 1, 2, 3, 4];
/** A filled shape this thin is a line (Word and WPS draw borders as filled rectangles). */
const THIN = 3;
/** Points; 0.5 pt lines drawn at 0.3 pt offsets still count as one. */
const TOL = 2;
const MIN_SEG = 4;
/** Past this many lines a page is a drawing (a chart, a map), not a table. */
const MAX_SEGS = 5000;

/** A path's subpaths as their end points, flagged when curved (a curve is never a ruling line). */
function subpaths(d: ArrayLike<number>): { pts: [number, number][]; closed: boolean; curved: boolean }[] {
  const out: { pts: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let cur: { pts: [number, number][]; closed: boolean; curved: boolean } | null = null;
  const size: Record<number, number> = { [MOVE]: 2, [LINE]: 2, [CURVE]: 6, [QUAD]: 4, [CLOSE]: 0 };
  for (let i = 0; i < d.length; ) {
    const op = d[i++];
    const n = size[op];
    if (n === undefined) break;
    if (op === MOVE || !cur) out.push((cur = { pts: [], closed: false, curved: false }));
    if (op === CLOSE) cur.closed = true;
    else {
      if (op === CURVE || op === QUAD) cur.curved = true;
      cur.pts.push([d[i + n - 2], d[i + n - 1]]);
    }
    i += n;
  }
  return out;
}

const segOf = (ax: number, ay: number, bx: number, by: number): Seg | null => {
  const [x0, x1] = ax <= bx ? [ax, bx] : [bx, ax];
  const [y0, y1] = ay <= by ? [ay, by] : [by, ay];
  if (y1 - y0 <= 1 && x1 - x0 >= MIN_SEG) return { x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 };
  if (x1 - x0 <= 1 && y1 - y0 >= MIN_SEG) return { x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 };
  return null;
};

/** The page's horizontal and vertical lines (stroked, or thin filled rectangles), in top-left points. */
function rulingLines(fnArray: number[], argsArray: unknown[], view: M): { segs: Seg[]; images: number } {
  const segs: Seg[] = [];
  const stack: M[] = [];
  let ctm = view;
  let images = 0;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? view;
    else if (fn === OPS.transform) ctm = then(args as number[], ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0]) || ArrayBuffer.isView(args[0])) ctm = then(args[0] as number[], ctm);
    } else if (IMAGES.has(fn)) images++;
    else if (fn === OPS.constructPath) {
      const [op, [data]] = args as [number, [ArrayLike<number> | null]];
      if (!data || !(STROKES.has(op) || FILLS.has(op))) continue;
      for (const sp of subpaths(data)) {
        if (sp.curved) continue;
        const pts = sp.pts.map(([x, y]) => apply(ctm, x, y));
        if (STROKES.has(op)) {
          const edges = pts.slice(1).map((p, k) => [pts[k], p]);
          if (sp.closed && pts.length > 2) edges.push([pts[pts.length - 1], pts[0]]);
          for (const [a, b] of edges) {
            const s = segOf(a[0], a[1], b[0], b[1]);
            if (s) segs.push(s);
          }
        }
        if (FILLS.has(op) && pts.length >= 2) {
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
          if (y1 - y0 <= THIN && x1 - x0 >= MIN_SEG) segs.push({ x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 });
          else if (x1 - x0 <= THIN && y1 - y0 >= MIN_SEG) segs.push({ x0: (x0 + x1) / 2, x1: (x0 + x1) / 2, y0, y1 });
        }
      }
      if (segs.length > MAX_SEGS) break;
    }
  }
  return { segs, images };
}

/** Collinear lines that touch or overlap, joined (a border drawn cell by cell becomes one line). */
function mergeCollinear(segs: Seg[], horizontal: boolean): Seg[] {
  const pos = (s: Seg) => (horizontal ? s.y0 : s.x0);
  const [lo, hi] = horizontal ? (['x0', 'x1'] as const) : (['y0', 'y1'] as const);
  const sorted = [...segs].sort((a, b) => pos(a) - pos(b) || a[lo] - b[lo]);
  const out: Seg[] = [];
  let band: Seg[] = [];
  const flush = () => {
    band.sort((a, b) => a[lo] - b[lo]);
    let cur: Seg | null = null;
    for (const s of band) {
      if (cur && s[lo] <= cur[hi] + TOL) cur[hi] = Math.max(cur[hi], s[hi]);
      else out.push((cur = { ...s }));
    }
    band = [];
  };
  for (const s of sorted) {
    if (band.length && pos(s) - pos(band[0]) > 1) flush();
    band.push(s);
  }
  flush();
  return out;
}

// ---------------------------------------------------------------- text

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
/** A wrapped line that begins a numbered item keeps its line break: `2.项目验收办法`, `（3）…`, `二、…`. */
const NUMBERED = /^\s*(?:\d{1,2}[.、．)）](?!\d)|[（(]\d{1,2}[)）]|[一二三四五六七八九十]{1,2}[、.．])/;
/** Signs that are never set apart by a space (`100%`, `≥95%`): a gap next to them is kerning or a wrap. */
const TIGHT = /[%％‰≥≤≠<>=＜＞＝±]/;
/** The least gap, in ems, that is a space, by how many of the two characters are CJK: justified CJK text
 * is spread, so only a full-width gap is one; office suites set about 0.2 em between CJK and Latin
 * text on their own, a word space is wider; between Latin letters any visible gap is a space. */
const SPACE_GAP = [0.2, 0.24, 0.8];
/** Where a wrapped Latin word ended and the next began: the line break stood for a space. */
const [WORD_END, WORD_START] = [/[A-Za-z0-9,.;:!?)\]]$/, /^[A-Za-z0-9([]/];
/** Characters a line may not start with (CJK line-breaking rules): they go down with the one before. */
const CLOSING = /[，。、；：！？）》」』”’,.;:!?)\]%％]/;

const spaced = (a: string, b: string, gap: number, em: number) =>
  a !== ' ' && b !== ' ' && !TIGHT.test(a) && !TIGHT.test(b) && gap > SPACE_GAP[+CJK.test(a) + +CJK.test(b)] * em;

/** Runs on one baseline, left to right, into one line of text. */
function lineText(runs: Run[]): string {
  let out = '';
  let prev: Run | null = null;
  for (const r of runs) {
    // Fake bold: the same text drawn twice a fraction of a point apart.
    if (prev && r.str === prev.str && Math.abs(r.x - prev.x) < 1) continue;
    if (prev && spaced(out.at(-1) ?? ' ', r.str[0], r.x - prev.x1, Math.min(r.size, prev.size))) out += ' ';
    out += r.str;
    prev = r;
  }
  return out.trim();
}

/** Runs grouped into lines by baseline, top to bottom, each sorted left to right. */
function linesOf(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => a.base - b.base || a.x - b.x);
  const lines: Run[][] = [];
  for (const r of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(r.base - line[0].base) <= 0.4 * Math.min(r.size, line[0].size)) line.push(r);
    else lines.push([r]);
  }
  for (const l of lines) l.sort((a, b) => a.x - b.x);
  return lines;
}

/** How wide the line's first unbreakable piece is: one CJK character (with the punctuation that may not
 * start a line after it), or a Latin word. Had it fitted at the end of the line above, the break there
 * was the writer's, not a wrap. */
function firstWord(line: Run[]): number {
  let [w, prev] = [0, ''];
  for (const r of line) {
    const chars = [...r.str];
    for (const ch of chars) {
      const breakable = /\s/.test(ch) || CJK.test(prev) || CJK.test(ch);
      if (prev !== '' && breakable && !CLOSING.test(ch)) return w;
      w += (r.x1 - r.x) / chars.length;
      prev = ch;
    }
  }
  return w;
}

/** Whether `next` is the line above wrapped on, `left` points of room having been left at that line's end:
 * its first word would not have fitted there. */
const wrapped = (left: number, next: Run[]) => firstWord(next) + 0.3 * next[0].size > left;

/** Lines joined: a PDF breaks lines at the cell or page width, so a wrap is not in the text — but a line
 * after a hard break (`hard(i)`), or one that begins a numbered item, keeps its line break. Latin words
 * either side of a wrap get a space, CJK none. */
function joinLines(texts: string[], hard: (i: number) => boolean = () => false): string {
  let out = '';
  texts.forEach((t, i) => {
    if (t === '') return;
    if (out === '') out = t;
    else if (hard(i) || NUMBERED.test(t)) out += '\n' + t;
    else out += WORD_END.test(out) && WORD_START.test(t) ? ' ' + t : t;
  });
  return out;
}

const top = (r: Run) => r.base - r.size;
const at = (page: number, x: number, y: number) => `p${page} x${Math.round(x)} y${Math.round(y)}`;

// ---------------------------------------------------------------- lattice tables

interface Placed { y: number; block: Block; frame?: Frame }
/** A lattice table's outer edges and its cells' (GridCell has no geometry). */
interface Frame { x0: number; x1: number; cells: Map<GridCell, CellEdge> }
/** What a row split at a page's end is told by: the cell's columns; the room its last line left at its
 * end and whether that line is at the cell's bottom (text cut off there); its lines. */
interface CellEdge { x0: number; x1: number; left: number; full: boolean; first: Run[] | null; lines: number }

/** Lines into groups that touch each other: each group with lines both ways is a table's frame. */
function frames(h: Seg[], v: Seg[]): { h: Seg[]; v: Seg[] }[] {
  const uf = new UnionFind(h.length + v.length);
  for (let i = 0; i < h.length; i++) {
    for (let j = 0; j < v.length; j++) {
      const [a, b] = [h[i], v[j]];
      if (b.x0 >= a.x0 - TOL && b.x0 <= a.x1 + TOL && a.y0 >= b.y0 - TOL && a.y0 <= b.y1 + TOL) uf.union(i, h.length + j);
    }
  }
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  const get = (k: number) => groups.get(k) ?? groups.set(k, { h: [], v: [] }).get(k)!;
  h.forEach((s, i) => get(uf.find(i)).h.push(s));
  v.forEach((s, j) => get(uf.find(h.length + j)).v.push(s));
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

/** Lines bucketed by the lattice position they lie on (nearest of `at`), so a cell's check looks at few. */
function byPosition(segs: Seg[], at: number[], horizontal: boolean): Seg[][] {
  const out: Seg[][] = at.map(() => []);
  for (const s of segs) {
    const p = horizontal ? s.y0 : s.x0;
    let best = 0;
    for (let i = 1; i < at.length; i++) if (Math.abs(at[i] - p) < Math.abs(at[best] - p)) best = i;
    out[best].push(s);
  }
  return out;
}

/** Whether one of the lines covers at least half of [a, b] along it. */
const ruled = (segs: Seg[], horizontal: boolean, a: number, b: number) =>
  segs.some((s) => {
    const [lo, hi] = horizontal ? [s.x0, s.x1] : [s.y0, s.y1];
    return Math.min(hi, b) - Math.max(lo, a) >= 0.5 * (b - a);
  });

/**
 * A frame's cells: lattice cells not separated by a line are one merged cell, grown to a rectangle —
 * if the lines along their sides agree: a merged cell's sides are drawn all along or not at all, so
 * where they are not, the drawing is off (a border left out), not a merge.
 */
function latticeBoxes(f: { h: Seg[]; v: Seg[] }, xs: number[], ys: number[]): Box[] {
  const [R, C] = [ys.length - 1, xs.length - 1];
  const [vAt, hAt] = [byPosition(f.v, xs, false), byPosition(f.h, ys, true)];
  /** The line at xs[c] beside lattice row r; the one at ys[r] above lattice column c. */
  const vLine = (c: number, r: number) => ruled(vAt[c], false, ys[r], ys[r + 1]);
  const hLine = (r: number, c: number) => ruled(hAt[r], true, xs[c], xs[c + 1]);
  const uf = new UnionFind(R * C);
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !vLine(c + 1, r) && hLine(r, c) === hLine(r, c + 1) && hLine(r + 1, c) === hLine(r + 1, c + 1)) uf.union(r * C + c, r * C + c + 1);
      if (r + 1 < R && !hLine(r + 1, c) && vLine(c, r) === vLine(c, r + 1) && vLine(c + 1, r) === vLine(c + 1, r + 1)) uf.union(r * C + c, (r + 1) * C + c);
    }
  }
  // A missing line can leave an L-shaped group; a cell is a rectangle, so grow each to its bounding box.
  for (let changed = true; changed; ) {
    changed = false;
    const bounds = new Map<number, [number, number, number, number]>();
    for (let i = 0; i < R * C; i++) {
      const [r, c, k] = [Math.floor(i / C), i % C, uf.find(i)];
      const b = bounds.get(k);
      bounds.set(k, b ? [Math.min(b[0], r), Math.min(b[1], c), Math.max(b[2], r), Math.max(b[3], c)] : [r, c, r, c]);
    }
    for (const [k, [r0, c0, r1, c1]] of bounds) {
      for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) changed = uf.union(k, r * C + c) || changed;
    }
  }
  const boxes = new Map<number, Box>();
  for (let i = 0; i < R * C; i++) {
    const [r, c, k] = [Math.floor(i / C), i % C, uf.find(i)];
    const b = boxes.get(k);
    if (!b) boxes.set(k, { r0: r, c0: c, r1: r + 1, c1: c + 1, x: xs[c], x1: xs[c + 1], y: ys[r], y1: ys[r + 1], runs: [] });
    else [b.r1, b.c1, b.x1, b.y1] = [Math.max(b.r1, r + 1), Math.max(b.c1, c + 1), Math.max(b.x1, xs[c + 1]), Math.max(b.y1, ys[r + 1])];
  }
  return [...boxes.values()];
}

/** Grid lines no cell starts at are dropped (a line fragment that splits nothing), renumbering the rest. */
function compact(boxes: Box[], n: number, start: 'r0' | 'c0', end: 'r1' | 'c1'): number {
  const used = new Set(boxes.map((b) => b[start]));
  const map: number[] = [];
  let k = -1;
  for (let i = 0; i <= n; i++) map[i] = used.has(i) || i === n ? ++k : k + 1;
  for (const b of boxes) [b[start], b[end]] = [map[b[start]], map[b[end]]];
  return k;
}

function tableOf(boxes: Box[], rows: number, cols: number, where: string, page: number): { table: GridTable; frame: Frame } {
  const frame: Frame = { x0: Math.min(...boxes.map((b) => b.x)), x1: Math.max(...boxes.map((b) => b.x1)), cells: new Map() };
  const cells: GridCell[] = boxes
    .sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)
    .map((b) => {
      const lines = linesOf(b.runs);
      // Where lines end at the latest: the cell's right edge less its padding (taken to be as much as
      // on the left, where the leftmost line starts). A first-line indent or centring leaves it as it is.
      const right = b.x1 - (lines.length ? Math.max(0, Math.min(...lines.map((l) => l[0].x)) - b.x) : 0);
      const left = (line: Run[]) => right - line.at(-1)!.x1;
      const cell: GridCell = {
        text: joinLines(lines.map(lineText), (i) => !wrapped(left(lines[i - 1]), lines[i])),
        row: b.r0,
        col: b.c0,
        rowSpan: b.r1 - b.r0,
        colSpan: b.c1 - b.c0,
        at: at(page, b.x, b.y),
      };
      const last = lines.at(-1);
      frame.cells.set(cell, {
        x0: b.x,
        x1: b.x1,
        left: last ? left(last) : right - b.x,
        // No room for another line below the last one.
        full: last !== undefined && b.y1 - last[0].base < 1.2 * last[0].size,
        first: lines[0] ?? null,
        lines: lines.length,
      });
      return cell;
    });
  return { table: { cells, rows, cols, at: where }, frame };
}

/** Tables found from ruling lines; the runs they hold are taken out of `runs`. */
function latticeTables(segs: Seg[], runs: Set<Run>, page: number): Placed[] {
  const h = mergeCollinear(segs.filter((s) => s.y0 === s.y1), true);
  const v = mergeCollinear(segs.filter((s) => s.x0 === s.x1 && s.y0 !== s.y1), false);
  const out: Placed[] = [];
  for (const f of frames(h, v)) {
    const xs = cluster(f.v.map((s) => s.x0), TOL + 0.5);
    const ys = cluster(f.h.map((s) => s.y0), TOL + 0.5);
    // Past LIMITS.cells lattice cells it is a drawing (graph paper), not a table: left to the text.
    if (xs.length < 2 || ys.length < 2 || (xs.length - 1) * (ys.length - 1) > LIMITS.cells) continue;
    const boxes = latticeBoxes(f, xs, ys);
    // A lone frame around a paragraph is a box, not a table: its text stays text.
    if (boxes.length < 2) continue;
    const grid = new Map<number, Box>();
    for (const b of boxes) for (let r = b.r0; r < b.r1; r++) for (let c = b.c0; c < b.c1; c++) grid.set(r * (xs.length - 1) + c, b);
    for (const r of [...runs]) {
      const [col, row] = [slot(xs, (r.x + r.x1) / 2), slot(ys, r.base - 0.3 * r.size)];
      if (col < 0 || row < 0) continue;
      grid.get(row * (xs.length - 1) + col)!.runs.push(r);
      runs.delete(r);
    }
    const rows = compact(boxes, ys.length - 1, 'r0', 'r1');
    const cols = compact(boxes, xs.length - 1, 'c0', 'c1');
    const { table, frame } = tableOf(boxes, rows, cols, at(page, xs[0], ys[0]), page);
    out.push({ y: ys[0], block: { kind: 'table', table }, frame });
  }
  return out;
}

/** Columns no cell starts at are dropped, renumbering the rest (as `compact`, on finished cells). */
function compactCols(t: GridTable): void {
  const used = [...new Set(t.cells.map((c) => c.col))].sort((a, b) => a - b);
  const index = (col: number) => { const i = used.findIndex((u) => u >= col); return i < 0 ? used.length : i; };
  for (const c of t.cells) [c.col, c.colSpan] = [index(c.col), index(c.col + c.colSpan) - index(c.col)];
  t.cols = used.length;
}

/**
 * A table that goes on over a page break (`next`, the first block of a page, with the outer edges of
 * `prev`, the last of the page before) may have cells cut there, their text going on in the first row
 * on the new page. A cell there is a cell's rest when the cell above (in the last row) is full: text
 * down to its bottom, and the first word below, a short one, would not have fitted after its last
 * line (a wrap). Rests go up into the cells they came from (a merged cell the break went through). The
 * whole row was split when all its other text lies under full cells of several lines (further
 * paragraphs; a one-line cell was a whole row's worth, what is under it starts a new row): then all of
 * it goes up, and the row goes.
 */
function stitch(prev: Placed, next: Placed): void {
  const [a, b, fa, fb] = [prev.block, next.block, prev.frame, next.frame];
  if (a.kind !== 'table' || b.kind !== 'table' || !fa || !fb) return;
  if (Math.abs(fa.x0 - fb.x0) > TOL || Math.abs(fa.x1 - fb.x1) > TOL) return;
  const [ta, tb] = [a.table, b.table];
  const bottom = ta.cells.filter((c) => c.row + c.rowSpan === ta.rows);
  const above = (e: CellEdge) => bottom.find((u) => fa.cells.get(u)!.x0 <= (e.x0 + e.x1) / 2 && (e.x0 + e.x1) / 2 < fa.cells.get(u)!.x1);
  const first = tb.cells
    .filter((c) => c.row === 0 && c.text !== '')
    .map((c) => {
      const e = fb.cells.get(c)!;
      const u = above(e);
      const eu = u && fa.cells.get(u);
      // A short first word (a CJK character) that did not fit shows the line above full; a long one
      // (`100.00%`) would not have fitted after most lines, so shows nothing.
      const wraps = eu !== undefined && eu.full && firstWord(e.first!) <= 2 * e.first![0].size && wrapped(eu.left, e.first!);
      return { c, e, u, eu, wraps, more: wraps || (eu !== undefined && eu.full && eu.lines > 1) };
    });
  const split = first.some((k) => k.wraps) && first.every((k) => k.more);
  for (const { c, e, u, eu, wraps } of first.filter((k) => k.wraps || (split && k.more))) {
    u!.text = joinLines([u!.text, c.text], () => !wraps);
    [eu!.left, eu!.full, eu!.lines] = [e.left, e.full, e.lines];
    c.text = '';
  }
  if (!split) return;
  // The row goes; a cell that spanned down from it keeps the rows below.
  tb.cells = tb.cells.filter((c) => c.row > 0 || c.rowSpan > 1);
  for (const c of tb.cells) if (c.row === 0) c.rowSpan--; else c.row--;
  tb.rows--;
  compactCols(tb);
}

// ---------------------------------------------------------------- stream tables (no ruling lines)

/** A line cut where the gap between runs is wider than a character: the pieces of a ruleless table row. */
function chunks(line: Run[]): Run[][] {
  const out: Run[][] = [];
  for (const r of line) {
    const last = out.at(-1)?.at(-1);
    if (last && r.x - last.x1 <= Math.min(r.size, last.size)) out.at(-1)!.push(r);
    else out.push([r]);
  }
  return out;
}

/**
 * Rough tabula-style stream mode for a page with no lines: lines cut into several chunks, at least two
 * of them close together, make a table, with up to two one-chunk lines between them (a cell wrapping
 * alone). Columns come from the chunks of its fullest rows. Each line is one row: wrapped cells are not
 * joined. Returns the tables and the lines left as text.
 */
function streamTables(lines: Run[][], page: number): { tables: Placed[]; rest: Run[][] } {
  const cut = lines.map(chunks);
  const multi = (k: number) => k < lines.length && cut[k].length >= 2;
  const near = (k: number) => lines[k][0].base - lines[k - 1][0].base <= 2.5 * lines[k - 1][0].size;
  const tables: Placed[] = [];
  const rest: Run[][] = [];
  for (let i = 0; i < lines.length; ) {
    // j: one past the region's last multi-chunk line; fuller: how many multi-chunk lines it holds.
    let [j, fuller] = [i + 1, 1];
    while (multi(i)) {
      const next = [j, j + 1, j + 2].find((k) => multi(k) && Array.from({ length: k - j + 1 }, (_, d) => near(j + d)).every(Boolean));
      if (next === undefined) break;
      [j, fuller] = [next + 1, fuller + 1];
    }
    if (fuller < 2) {
      rest.push(lines[i]);
      i++;
      continue;
    }
    tables.push(streamTable(cut.slice(i, j), page));
    i = j;
  }
  return { tables, rest };
}

/** Intervals merged where they overlap, left to right. */
function union(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of [...spans].sort((p, q) => p[0] - q[0])) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function streamTable(rows: Run[][][], page: number): Placed {
  const span = (ch: Run[]): [number, number] => [ch[0].x, ch.at(-1)!.x1];
  const overlaps = (bands: [number, number][], [a, b]: [number, number]) =>
    bands.flatMap(([x0, x1], i) => (Math.min(b, x1) - Math.max(a, x0) > 0 ? [i] : []));
  // The fullest rows fix the columns; other chunks add a column where they fall in a gap, widen the one
  // they fall in, and span the columns they bridge (a header over two columns).
  const most = Math.max(...rows.map((r) => r.length));
  let bands = union(rows.filter((r) => r.length === most).flatMap((r) => r.map(span)));
  const extra = rows.filter((r) => r.length < most).flatMap((r) => r.map(span));
  bands = union([...bands, ...extra.filter((s) => overlaps(bands, s).length < 2)]);
  const cells: GridCell[] = [];
  rows.forEach((row, r) => {
    for (const ch of row) {
      const hit = overlaps(bands, span(ch));
      const [c0, c1] = hit.length ? [hit[0], hit.at(-1)!] : [0, 0];
      cells.push({ text: lineText(ch), row: r, col: c0, rowSpan: 1, colSpan: c1 - c0 + 1, at: at(page, ch[0].x, top(ch[0])) });
    }
  });
  // Two chunks in one band (a gap the other rows bridge) are one cell.
  const merged: GridCell[] = [];
  for (const c of cells) {
    const prev = merged.at(-1);
    if (prev && prev.row === c.row && c.col < prev.col + prev.colSpan) {
      prev.text += ' ' + c.text;
      prev.colSpan = Math.max(prev.colSpan, c.col + c.colSpan - prev.col);
    } else merged.push(c);
  }
  const first = rows[0][0][0];
  return {
    y: top(first),
    block: { kind: 'table', table: { cells: merged, rows: rows.length, cols: bands.length, at: at(page, bands[0][0], top(first)) } },
  };
}

// ---------------------------------------------------------------- text outside tables

/** Lines into paragraphs: a line that reaches the right margin continues on the next (same size, close
 * below, not indented further); any other line ends its paragraph. */
function paragraphs(lines: Run[][], right: number, page: number): Placed[] {
  const out: { y: number; x: number; lines: Run[][] }[] = [];
  for (const line of lines) {
    const p = out.at(-1);
    const prev = p?.lines.at(-1);
    const [a, b] = [prev?.[0], line[0]];
    const continues =
      p && prev && a &&
      prev.at(-1)!.x1 >= right - 2 * a.size &&
      Math.abs(a.size - b.size) < 0.5 &&
      b.base - a.base <= 1.8 * a.size &&
      b.x <= p.x + 2.5 * a.size && b.x >= p.x - 2.5 * a.size;
    if (continues) p.lines.push(line);
    else out.push({ y: top(b), x: b.x, lines: [line] });
  }
  return out.map((p) => ({ y: p.y, block: { kind: 'text', text: joinLines(p.lines.map(lineText)), at: at(page, p.x, p.y) } }));
}

// ---------------------------------------------------------------- pages

/**
 * In a browser (page or worker) pdf.js's worker code fetches the assets itself, with `fetch` on absolute
 * URLs (its main-thread loader reads `document.baseURI`, which a Web Worker lacks). In Node there is no
 * `location`, and the assets are file paths pdf.js reads with fs (see pdf-node.ts).
 */
const IN_BROWSER = typeof location !== 'undefined';
const assetUrl = (u: string | undefined) => (u && IN_BROWSER ? new URL(u, location.href).href : u);

class Timeout extends Error {}
/** A promise raced against the document's deadline (a timer: pdf.js work that yields to the event loop). */
type Race = (<T>(p: Promise<T>) => Promise<T>) & { deadline: number };
class PageError extends Error {
  constructor(readonly page: number, override readonly cause: unknown) { super(); }
}

interface PageRead { blocks: Placed[]; runs: number; images: number; notes: string[] }

/** Past this many text runs a page is not a filing's page (and would take seconds): it is left out. */
const MAX_RUNS = 100_000;
/** The part of a pdf.js text item used here (the type is not exported). */
interface TextItem { str: string; transform: number[]; width: number; height: number }

/** The page's text runs, read chunk by chunk so the deadline and MAX_RUNS hold inside one page too
 * (pdf.js hands the chunks over in microtasks, where a timer never gets its turn); null past MAX_RUNS. */
async function textRuns(page: PDFPageProxy, view: M, deadline: number): Promise<Run[] | null> {
  const reader = page.streamTextContent().getReader();
  const runs: Run[] = [];
  let finished = false;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if ((finished = done)) return runs;
      for (const it of (value as { items: (TextItem | object)[] }).items) {
        if (!('str' in it) || it.str.trim() === '') continue;
        const m = then(it.transform, view);
        const size = Math.hypot(m[2], m[3]) || it.height || 1;
        // Placed as horizontal text: a rotated run keeps its start, its width laid along x.
        runs.push({ str: it.str, x: m[4], x1: m[4] + it.width, base: m[5], size });
      }
      if (Date.now() >= deadline) throw new Timeout();
      if (runs.length > MAX_RUNS) return null;
    }
  } finally {
    // pdf.js needs a reason to cancel; without one the stream stays open and destroy() never settles.
    if (!finished) reader.cancel(new Error('enough text read')).catch(() => {});
  }
}

/** One page's blocks. A page without text has its drawing looked at only while `wantImages` (to tell a
 * scan from a blank page): decoding every page image of a long scan is the slow part. */
async function readPage(page: PDFPageProxy, n: number, race: Race, wantImages: boolean): Promise<PageRead> {
  const view = page.getViewport({ scale: 1 }).transform as M;
  const runs = await race(textRuns(page, view, race.deadline));
  if (!runs) return { blocks: [], runs: -1, images: 0, notes: [`page ${n}: more than ${MAX_RUNS} text runs, not read`] };
  if (runs.length === 0 && !wantImages) return { blocks: [], runs: 0, images: 0, notes: [] };
  const ops = await race(page.getOperatorList({ annotationMode: AnnotationMode.DISABLE }));
  const { segs, images } = rulingLines(ops.fnArray, ops.argsArray, view);
  const notes: string[] = [];
  if (runs.length === 0) return { blocks: [], runs: 0, images, notes };
  const free = new Set(runs);
  let tables: Placed[] = [];
  if (segs.length > MAX_SEGS) notes.push(`page ${n}: more than ${MAX_SEGS} lines drawn (a chart or drawing?): its tables were read from text alignment`);
  else tables = latticeTables(segs, free, n);
  let lines = linesOf([...free]);
  if (tables.length === 0) ({ tables, rest: lines } = streamTables(lines, n));
  const right = runs.reduce((m, r) => Math.max(m, r.x1), 0);
  const blocks = [...tables, ...paragraphs(lines, right, n)].sort((a, b) => a.y - b.y);
  return { blocks, runs: runs.length, images, notes };
}

// ---------------------------------------------------------------- the document

const fail = (expected: string, found: string, where: string | null = null): SourceResult => ({ ok: false, error: { where, expected, found } });
const ascii = (b: Uint8Array) => String.fromCharCode(...b);

/** The bytes' first look: a PDF header, and an end (a file cut short has no `%%EOF`). */
function precheck(bytes: Uint8Array): SourceError | null {
  if (bytes.length === 0) return { where: null, expected: 'a PDF', found: 'an empty file' };
  const head = ascii(bytes.subarray(0, 1024));
  const start = head.indexOf('%PDF-');
  if (start < 0) {
    const shown = head.slice(0, 16).replace(/[^\x20-\x7e]/g, '.');
    return { where: 'byte 0', expected: 'a PDF (starting with %PDF-)', found: `a file starting with "${shown}"` };
  }
  if (!ascii(bytes.subarray(Math.max(0, bytes.length - 2048))).includes('%%EOF')) {
    return { where: `byte ${bytes.length}`, expected: 'a complete PDF (ending with %%EOF)', found: `a PDF cut short after ${bytes.length} bytes (no %%EOF at its end)` };
  }
  return null;
}

/** What pdf.js threw, as the error the user sees. */
function pdfjsError(e: unknown, where: string | null): SourceError {
  const name = (e as { name?: string })?.name ?? '';
  const message = (e as { message?: string })?.message ?? String(e);
  if (name === 'PasswordException') return { where, expected: 'a PDF without a password', found: 'a password-protected PDF' };
  if (name === 'InvalidPDFException') return { where, expected: 'a readable PDF', found: `a broken PDF (pdf.js: ${message})` };
  return { where, expected: 'a readable PDF', found: `a PDF pdf.js could not read (${name || 'error'}: ${message})` };
}

/**
 * Reads a PDF's text and tables. At most `LIMITS.pages` pages are read (the rest are reported in the
 * notes); past the time budget, or on a password, a broken file, or a scan with no text, a SourceError.
 */
export async function readPdf(bytes: Uint8Array, opts: PdfOptions = {}): Promise<SourceResult> {
  const bad = precheck(bytes);
  if (bad) return { ok: false, error: bad };
  const deadline = Date.now() + (opts.budgetMs ?? BUDGET_MS);
  const race: Race = Object.assign(
    <T>(p: Promise<T>): Promise<T> => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const t = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Timeout()), Math.max(0, deadline - Date.now()))));
      return Promise.race([p, t]).finally(() => clearTimeout(timer));
    },
    { deadline },
  );
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy.
    data: bytes.slice(),
    cMapUrl: assetUrl(opts.cMapUrl),
    cMapPacked: true,
    standardFontDataUrl: assetUrl(opts.standardFontDataUrl),
    useWorkerFetch: IN_BROWSER,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    enableXfa: false,
    verbosity: VerbosityLevel.ERRORS,
  });
  let doc: PDFDocumentProxy | null = null;
  let done = 0;
  try {
    doc = await race(task.promise);
    const total = doc.numPages;
    const count = Math.min(total, LIMITS.pages);
    const blocks: Block[] = [];
    const notes: string[] = [];
    const textless: number[] = [];
    let images = 0;
    /** The previous page's last block, which a table at the top of this page may go on from. */
    let last: Placed | undefined;
    for (let n = 1; n <= count; n++) {
      if (Date.now() >= deadline) throw new Timeout();
      const read = await race(doc.getPage(n))
        .then(async (page) => {
          const r = await readPage(page, n, race, images === 0);
          page.cleanup();
          return r;
        })
        .catch((e) => {
          throw e instanceof Timeout ? e : new PageError(n, e);
        });
      done = n;
      if (read.runs === 0) textless.push(n);
      images += read.images;
      if (last && read.blocks[0]) stitch(last, read.blocks[0]);
      // A page that held only the rest of a split row adds nothing: the table may go on over the next break.
      const kept = read.blocks.filter((p) => p.block.kind !== 'table' || p.block.table.rows > 0);
      last = kept.at(-1) ?? (read.blocks.length ? last : undefined);
      blocks.push(...kept.map((p) => p.block));
      notes.push(...read.notes);
    }
    if (textless.length === count) {
      const pages = count === 1 ? '1 page' : `${count} pages`;
      const found = images > 0
        ? `${pages} of images and no text (a scan): OCR it or ask for the original document`
        : `${pages} with no text (blank, or text drawn as shapes${opts.cMapUrl ? '' : NO_CMAPS})`;
      return fail('a PDF with a text layer', found);
    }
    if (textless.length) notes.push(`${textless.length === 1 ? 'page' : 'pages'} ${textless.join(', ')}: no text (images or blank), not read`);
    if (total > count) notes.push(`read the first ${count} of ${total} pages (the limit is ${LIMITS.pages})`);
    const grid: Grid = { format: 'pdf', blocks, encoding: 'pdf', notes };
    return { ok: true, grid };
  } catch (e) {
    if (e instanceof Timeout) {
      const budget = opts.budgetMs ?? BUDGET_MS;
      const within = budget >= 1000 ? `${Math.round(budget / 1000)} s` : `${budget} ms`;
      return fail(`a PDF read within ${within}`, `stopped after ${done} pages`, `page ${done + 1}`);
    }
    return { ok: false, error: e instanceof PageError ? pdfjsError(e.cause, `page ${e.page}`) : pdfjsError(e, null) };
  } finally {
    await (doc ?? task).destroy().catch(() => {});
  }
}
