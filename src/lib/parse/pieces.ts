import { isBlank } from './text';

/**
 * A piece of source text with the lines it came from. In Word-table text a piece is one cell (a
 * tab-indented line plus its continuation lines); in flowing text (PDF, one-cell-per-line, glued) it
 * is one line, and where cells begin is for the table grammar to find.
 */
export interface Piece {
  text: string;
  first: number;
  last: number;
  /** First cell after a blank line: a row boundary in Word-table text. */
  row: boolean;
}

/** Running headers, footers and page numbers that tools put between table rows. */
export const CHROME = /^\s*(?:.{2,30}(?:部门预算|部门决算|预算|决算|信息)公开|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页|-\s*\d+\s*-|\d{1,3}\s*\/\s*\d{1,3}|page\s*\d+(?:\s*of\s*\d+)?|20\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|20\d{2}[-/.]\d{1,2}[-/.]\d{1,2})\s*$/i;

/** A Word cell line: a tab, sometimes after a stray space or two. */
/** Chrome lines are short; the test is only worth running on those. */
export const isChrome = (line: string) => line.length < 60 && CHROME.test(line);

export function isCellLine(line: string): boolean {
  if (line.charCodeAt(0) === 9) return true;
  return line.charCodeAt(0) === 32 && /^ {1,3}\t/.test(line);
}

/**
 * Cells of Word-table text between lines `from` and `to` (1-based, inclusive). Lines that are neither a
 * cell nor the continuation of one (page chrome) are left out, so the caller can report them.
 */
/** A pipe table's rule line (`|---|:--|`). */
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * The cells of a line that holds a whole row: tab-separated (a spreadsheet's export) or a pipe table
 * (`| 产出指标 | 数量指标 | … |`). Null for a line that is one cell or none.
 */
export function rowCells(line: string): string[] | null {
  const pipe = line.includes('|');
  if (!pipe && !line.includes('\t')) return null;
  if (pipe && /^\s*\|.*\|\s*$/.test(line) && !PIPE_RULE.test(line)) {
    const cells = line.trim().slice(1, -1).split('|').map((c) => c.trim());
    return cells.length >= 2 ? cells : null;
  }
  // Trailing tabs are Word's; a tab between texts separates cells (a leading one then marks an empty first cell).
  const body = line.replace(/[\s\u3000]+$/, '');
  if (!/\S\t/.test(body)) return null;
  const cells = body.replace(/^ {1,3}(?=\t)/, '').split('\t').map((c) => c.trim());
  return cells.length >= 2 ? cells : null;
}

/** Lines that carry table cells: Word cells (tab-indented), tab-separated rows, pipe-table rows. */
export function isTableLine(line: string): boolean {
  return isCellLine(line) || rowCells(line) != null || (line.includes('-') && PIPE_RULE.test(line));
}

export function cellPieces(lines: string[], from: number, to: number, chrome: (line: string) => boolean = () => false): Piece[] {
  const out: Piece[] = [];
  let pendingRow = true;
  for (let n = from; n <= to; n++) {
    const line = lines[n - 1];
    if (isBlank(line) && !isCellLine(line)) {
      pendingRow = true;
      continue;
    }
    if (isChrome(line) || (line.includes('-') && PIPE_RULE.test(line)) || (!isCellLine(line) && chrome(line.trim()))) continue;
    const row = rowCells(line);
    if (row) {
      // A whole row on one line: its cells, and the next line starts another row.
      row.forEach((text, k) => out.push({ text, first: n, last: n, row: k === 0 }));
      pendingRow = true;
    } else if (isCellLine(line)) {
      out.push({ text: line.replace(/^ {0,3}\t/, '').trimEnd(), first: n, last: n, row: pendingRow });
      pendingRow = false;
    } else if (out.length > 0) {
      const prev = out[out.length - 1];
      const t = line.trimEnd();
      prev.text = prev.text === '' ? t : `${prev.text}\n${t}`;
      prev.last = n;
    }
  }
  return out;
}

/** One piece per non-blank line of flowing text (PDF and other tools' exports). */
export function linePieces(lines: string[], from: number, to: number, chrome: (line: string) => boolean = () => false): Piece[] {
  const out: Piece[] = [];
  let pendingRow = true;
  for (let n = from; n <= to; n++) {
    const line = lines[n - 1];
    if (isBlank(line)) {
      pendingRow = true;
      continue;
    }
    if (isChrome(line) || chrome(line.trim())) continue;
    out.push({ text: line.trim(), first: n, last: n, row: pendingRow });
    pendingRow = false;
  }
  return out;
}

/** A piece the row reader has recognized as a level-1 or level-2 label. */
export type Tagged = Piece & { level?: 1 | 2 };

/** The content cells of one indicator row, as text (levels set only on a run's first row). */
export interface Cells {
  level1?: string | null;
  level2?: string | null;
  level3: string | null;
  description: string | null;
  longTarget?: string | null;
  target: string | null;
  basis: string | null;
}

/** Rows read from one run of pieces between labels, and what could not be placed. */
export interface RunRows {
  rows: { cells: Cells; pieces: Piece[] }[];
  leftover: Piece[];
}
