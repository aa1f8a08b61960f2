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
    const got = pipeRows(lines, n) ?? cellPerLine(lines, n) ?? delimited(lines, n) ?? wordCells(lines, n);
    if (got) {
      blocks.push({ kind: 'table', table: got.table });
      n = got.next;
      continue;
    }
    // Blank lines stay, as empty blocks: in a one-cell-a-line export an empty line is an empty cell.
    const line = lines[n];
    blocks.push({ kind: 'text', text: isBlank(line) ? '' : line.replace(/[\s\u3000]+$/, ''), at: `line ${n + 1}`, line: n + 1, lastLine: n + 1 });
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
  const isCell = (l: string) => /\|\s*$/.test(l) && !isPipeRow(l);
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

/**
 * Delimited rows, a spreadsheet's text export: tab-separated, or comma-separated when the lines agree on
 * their number of fields; a quoted field may hold the delimiter, `""` and line breaks (RFC 4180).
 */
function delimited(lines: string[], from: number): Got | null {
  const first = lines[from];
  const sep = /\S\t|\t\S|^\t\t/.test(first.replace(/[\s\u3000]+$/, '')) && !/^ {0,3}\t[^\t]*$/.test(first) ? '\t' : first.includes(',') && first.trimStart().startsWith('"') ? ',' : null;
  if (!sep) return null;
  const rows: { cells: string[]; first: number; last: number }[] = [];
  let n = from;
  while (n < lines.length) {
    const row = fields(lines, n, sep);
    if (!row || row.cells.length < 2) break;
    rows.push({ cells: row.cells, first: n + 1, last: row.next });
    n = row.next;
  }
  if (rows.length < 2) return null;
  // Commas must make a table: most rows with the same number of fields.
  if (sep === ',' && rows.filter((r) => r.cells.length === rows[0].cells.length).length < rows.length * 0.8) return null;
  return { table: table(rows), next: n };
}

/** One record from line `n`: its fields and the line after it. */
function fields(lines: string[], n: number, sep: string): { cells: string[]; next: number } | null {
  const cells: string[] = [];
  let text = lines[n];
  let i = 0;
  let cell = '';
  let quoted = false;
  let at = n;
  for (;;) {
    if (i >= text.length) {
      if (quoted && at + 1 < lines.length && at - n < 200) {
        cell += '\n';
        text = lines[++at];
        i = 0;
        continue;
      }
      cells.push(cell.trim());
      break;
    }
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (cell += ch), i++;
    } else if (ch === '"' && cell.trim() === '') (quoted = true), (cell = ''), i++;
    else if (ch === sep) cells.push(cell.trim()), (cell = ''), i++;
    else (cell += ch), i++;
  }
  if (quoted) return null;
  return { cells: cells.map((c) => c.replace(/[\s\u3000]+$/gm, '')), next: at + 1 };
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
