import type { Block, Grid, GridCell, GridTable } from '../grid';
import { isBlank } from '../text';

/**
 * Plain text → the grid. Tables a tool flattened with explicit cell boundaries become tables again:
 * pipe rows (`| a | b |`, one row a line), one cell a line ending in ` |` (a lone `|` opens a row; a
 * run of pipes pads it), tab-separated rows, and Word cells (tab-indented lines, blank line between
 * rows). Every other line is a text block of its own, indentation kept (a tree export shows its
 * hierarchy only that way). Cells know their source lines; nothing is dropped but blank lines.
 */
export function textGrid(lines: string[], encoding: string): Grid {
  const blocks: Block[] = [];
  let n = 0;
  while (n < lines.length) {
    const got = pipeRows(lines, n) ?? cellPerLine(lines, n) ?? tabRows(lines, n) ?? wordCells(lines, n);
    if (got) {
      blocks.push({ kind: 'table', table: got.table });
      n = got.next;
      continue;
    }
    const line = lines[n];
    if (!isBlank(line)) blocks.push({ kind: 'text', text: line.replace(/[\s\u3000]+$/, ''), at: `line ${n + 1}`, line: n + 1, lastLine: n + 1 });
    n++;
  }
  return { format: 'txt', blocks, encoding, notes: [] };
}

interface Got {
  table: GridTable;
  next: number;
}

function table(rows: { cells: string[]; first: number; last: number }[]): GridTable {
  const cells: GridCell[] = [];
  rows.forEach((r, row) =>
    r.cells.forEach((text, col) => cells.push({ text, row, col, rowSpan: 1, colSpan: 1, at: `line ${r.first}`, line: r.first, lastLine: r.last })),
  );
  return { cells, rows: rows.length, cols: Math.max(0, ...rows.map((r) => r.cells.length)), at: `line ${rows[0].first}`, loose: true };
}

const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const isPipeRow = (l: string) => /^\s*\|.*\|/.test(l) && !/^\s*\|+\s*$/.test(l);

/** `| a | b |` one row a line (a cut last row may lack its closing pipe). */
function pipeRows(lines: string[], from: number): Got | null {
  const rows: { cells: string[]; first: number; last: number }[] = [];
  let n = from;
  for (; n < lines.length; n++) {
    const l = lines[n];
    if (PIPE_RULE.test(l) && l.includes('-')) continue;
    const last = n === lines.length - 1 && /^\s*\|.*\S/.test(l) && rows.length > 0;
    if (!isPipeRow(l) && !last) break;
    const body = l.trim().replace(/^\|/, '').replace(/\|$/, '');
    rows.push({ cells: body.split('|').map((c) => c.trim()), first: n + 1, last: n + 1 });
  }
  return rows.length >= 2 ? { table: table(rows), next: n } : null;
}

/**
 * One cell a line, each ending in ` |`; a lone `|` opens a row and a line of pipes is that many empty
 * cells. Rows are as wide as the first one (its run of pipes pads it to the width).
 */
function cellPerLine(lines: string[], from: number): Got | null {
  if (lines[from]?.trim() !== '|') return null;
  const isCell = (l: string) => /\|\s*$/.test(l) && !isPipeRow(l.trim().startsWith('|') && l.trim().length > 1 && !/^\|+$/.test(l.trim()) ? l : '');
  const rows: { cells: string[]; first: number; last: number }[] = [];
  let width = 0;
  let n = from;
  while (n < lines.length && lines[n].trim() === '|') {
    const first = n + 1;
    const cells: string[] = [];
    n++;
    while (n < lines.length && isCell(lines[n])) {
      const t = lines[n].trim();
      if (/^\|+$/.test(t)) {
        // A lone pipe is an empty cell, or (when the row is full) the next row's opening.
        if (t === '|' && width > 0 && cells.length >= width) break;
        for (let k = 0; k < t.length; k++) cells.push('');
        n++;
        if (t.length > 1) break;
        continue;
      }
      cells.push(t.replace(/\s*\|$/, '').trim());
      n++;
    }
    if (width === 0) width = cells.length;
    rows.push({ cells, first, last: n });
  }
  return rows.length >= 2 ? { table: table(rows), next: n } : null;
}

/** Tab-separated rows (a spreadsheet's export): a tab between two texts on each line. */
function tabRows(lines: string[], from: number): Got | null {
  const isRow = (l: string) => /\S\t/.test(l.replace(/[\s\u3000]+$/, '')) && !/^\s*\t/.test(l);
  const rows: { cells: string[]; first: number; last: number }[] = [];
  let n = from;
  for (; n < lines.length && isRow(lines[n]); n++) {
    rows.push({ cells: lines[n].replace(/[\s\u3000]+$/, '').split('\t').map((c) => c.trim()), first: n + 1, last: n + 1 });
  }
  return rows.length >= 2 ? { table: table(rows), next: n } : null;
}

const isCellLine = (l: string) => l.charCodeAt(0) === 9 || /^ {1,3}\t/.test(l);

/** Word cells: each cell a tab-indented line (continued by untabbed lines), rows separated by blank lines. */
function wordCells(lines: string[], from: number): Got | null {
  if (!isCellLine(lines[from] ?? '')) return null;
  const rows: { cells: string[]; first: number; last: number }[] = [];
  let row: { cells: string[]; first: number; last: number } | null = null;
  let n = from;
  let blankRun = 0;
  for (; n < lines.length; n++) {
    const l = lines[n];
    if (isCellLine(l)) {
      if (!row) rows.push((row = { cells: [], first: n + 1, last: n + 1 }));
      row.cells.push(l.replace(/^ {0,3}\t/, '').trimEnd());
      row.last = n + 1;
      blankRun = 0;
    } else if (isBlank(l)) {
      row = null;
      if (++blankRun >= 3) break;
    } else if (row && blankRun === 0) {
      row.cells[row.cells.length - 1] += `\n${l.trimEnd()}`;
      row.last = n + 1;
    } else break;
  }
  return rows.length >= 1 && rows.some((r) => r.cells.length > 1) ? { table: table(rows), next: n } : null;
}
