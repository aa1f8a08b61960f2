/**
 * The one intermediate form every source becomes: the document's text outside tables, in order, and
 * each table as a grid of cells with where each came from. A reader per format (`sources/`) makes it;
 * the recognizers read it. Pure data.
 */

/** What a file was, by its content (not its extension). */
export type Format = 'txt' | 'docx' | 'doc' | 'xlsx' | 'xls' | 'pdf' | 'html';

/**
 * Where a piece of a document came from, as the contract's `source_location` writes it:
 * `p3 x120 y540` (PDF page and position, points from the top left), `Sheet1!B12` (spreadsheet),
 * `table 2 row 7` (Word / HTML table, 1-based), `paragraph 12` (Word / HTML text), `line 40` (text).
 */
export type Location = string;

/** One cell of a table. Rows and columns are 0-based positions in the table's grid. */
export interface GridCell {
  /** The cell's text: its paragraphs joined by `\n`, each trimmed at the end; `''` when empty. */
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  at: Location;
  /** Lines of the document's canonical text that hold the cell (`render.ts` numbers them; a text
   * source's own lines). Set before the recognizers run. */
  line?: number;
  lastLine?: number;
}

export interface GridTable {
  /** Cells in reading order (row by row, left to right). A merged range is one cell with its spans; the
   * positions it covers have no cell of their own. */
  cells: GridCell[];
  rows: number;
  cols: number;
  /** Where the table starts (`table 2`, `Sheet1`, `p3 x56 y88`). */
  at: Location;
  /** Rebuilt from flattened text: cells are in order, but a merged cell may be missing, so `col` is a
   * position in the row, not a column of the grid. */
  loose?: boolean;
}

export type Block =
  | { kind: 'text'; text: string; at: Location; line?: number; lastLine?: number }
  | { kind: 'table'; table: GridTable };

/** A document read from any source: its blocks in order. */
export interface Grid {
  format: Format;
  blocks: Block[];
  /** How the bytes were decoded (`utf-8`, `gb18030`, `ooxml`, `pdf`, …). */
  encoding: string;
  /** Notes the reader has for the user (a header or footer left out, a sheet that was hidden…). */
  notes: string[];
}

/** A source that could not be read: what was expected, what was found, and where. */
export interface SourceError {
  /** Where in the file (`byte 1024`, `word/document.xml`, `page 3`), or null for the whole file. */
  where: string | null;
  expected: string;
  found: string;
}

export type SourceResult = { ok: true; grid: Grid } | { ok: false; error: SourceError };

/** Limits every reader keeps to, so no file can take unbounded time or memory. */
export const LIMITS = {
  /** Bytes a zip container (docx, xlsx) may unpack to, in all. */
  unpackedBytes: 200 * 1024 * 1024,
  /** Compression ratio above which an entry is a zip bomb. */
  ratio: 200,
  pages: 400,
  sheets: 60,
  /** Cells per sheet or table read; past it the rest is reported, not read. */
  cells: 200_000,
} as const;

/** The cell at a grid position, following merges: a position a merged range covers gives that range's cell. */
export function cellAt(t: GridTable, row: number, col: number): GridCell | null {
  for (const c of t.cells) {
    if (row >= c.row && row < c.row + c.rowSpan && col >= c.col && col < c.col + c.colSpan) return c;
  }
  return null;
}

/** The table's cells grouped by the row they start in. */
export function rowsOf(t: GridTable): GridCell[][] {
  const out: GridCell[][] = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) out[c.row].push(c);
  for (const r of out) r.sort((a, b) => a.col - b.col);
  return out;
}
