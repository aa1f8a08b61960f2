import type { Grid, GridTable } from '../grid';
import { columnRole, formField, levelLabel } from '../vocabulary';
import { closePdfGaps, labelKey } from '../text';

/**
 * The grid as the form reader walks it: one row per table row or text line. A cell of a real table
 * keeps its column; a rebuilt table's cells and a text line's space-separated tokens are in order only
 * (`exact: false`), and a token remembers where it stood so tokens join back as written.
 */
export interface Cell {
  text: string;
  /** Grid column (exact rows) or position in the row. */
  col: number;
  span: number;
  line: number;
  last: number;
  at: string;
  /** A token of a text line: its offsets in the line. */
  from?: number;
  to?: number;
}

export interface Row {
  cells: Cell[];
  exact: boolean;
  /** A text line split at spaces: cell boundaries are guesses. */
  text: boolean;
  /** The line as written (text rows). */
  raw: string;
  first: number;
  last: number;
  /** Leading spaces of a text line (a tree export's hierarchy). */
  indent: number;
  table: GridTable | null;
}

export function rowsOf(grid: Grid): Row[] {
  const out: Row[] = [];
  for (const b of grid.blocks) {
    if (b.kind === 'text') {
      out.push(textRow(b.text, b.line ?? 0, b.lastLine ?? b.line ?? 0, b.at));
      continue;
    }
    const t = b.table;
    const byRow: Cell[][] = Array.from({ length: t.rows }, () => []);
    for (const c of t.cells) {
      byRow[c.row].push({ text: c.text, col: c.col, span: c.colSpan, line: c.line ?? 0, last: c.lastLine ?? c.line ?? 0, at: c.at });
    }
    for (const cells of byRow) {
      if (cells.length === 0) continue;
      cells.sort((a, b) => a.col - b.col);
      out.push({
        cells, exact: !t.loose, text: false, raw: cells.map((c) => c.text).join(' '), indent: 0, table: t,
        first: Math.min(...cells.map((c) => c.line)), last: Math.max(...cells.map((c) => c.last)),
      });
    }
  }
  return joinWrappedLabels(out);
}

function textRow(text: string, line: number, last: number, at: string): Row {
  const cells: Cell[] = [];
  for (const m of text.matchAll(/[^\s\u3000]+/g)) {
    cells.push({ text: m[0], col: cells.length, span: 1, line, last, at, from: m.index, to: m.index + m[0].length });
  }
  const indent = /^[ \u3000\u00a0\t]*/.exec(text)![0].length;
  return { cells, exact: false, text: true, raw: text, first: line, last, indent, table: null };
}

/** A text line's tokens from `a` to `b` (inclusive), joined as written. */
export function joinTokens(row: Row, a: number, b: number): string {
  if (a > b) return '';
  if (!row.text) return row.cells.slice(a, b + 1).map((c) => c.text).join(' ');
  return closePdfGaps(row.raw.slice(row.cells[a].from, row.cells[b].to));
}

const isLabel = (s: string) => formField(s) != null || columnRole(s) != null || levelLabel(s) != null;

/**
 * A label a narrow column wrapped over lines (`项目完成` / `指标`, `总体` / `目标`) is one label: the
 * last token of a text line and the first of the next are joined when together they are a label.
 */
function joinWrappedLabels(rows: Row[]): Row[] {
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i];
    const b = rows[i + 1];
    if (!a.text || !b.text || a.cells.length === 0 || b.cells.length === 0) continue;
    const tail = a.cells[a.cells.length - 1];
    const head = b.cells[0];
    const joined = tail.text + head.text;
    const lonely = b.cells.length === 1 && labelKey(head.text).length <= 3;
    if (!isLabel(joined) || (isLabel(tail.text) && !lonely)) continue;
    tail.text = joined;
    tail.last = b.last;
    a.last = b.last;
    a.raw = a.raw.slice(0, tail.from) + joined;
    tail.to = tail.from! + joined.length;
    b.cells.shift();
    // What stays of the next line is a row of its own; its consumed token's line is the label's.
  }
  return rows;
}
