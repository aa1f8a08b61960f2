import type { Grid } from './grid';

/**
 * A document's canonical text: what every line number of a non-text source refers to. Laid out as Word
 * flattens a document to text (the seeds' form): a paragraph a line, a table cell a tab-indented line
 * (its further lines untabbed), a blank line after each row; a position a merged cell covers from above
 * is a blank cell, one it covers from the left is nothing. Numbers every cell and text block in place
 * and says where each line came from.
 */
export interface Rendered {
  lines: string[];
  /** Where each line came from (index = line − 1); null for the blank lines between rows. */
  locations: (string | null)[];
}

export function renderGrid(grid: Grid): Rendered {
  const lines: string[] = [];
  const locations: (string | null)[] = [];
  const push = (text: string, at: string | null) => {
    lines.push(text);
    locations.push(at);
    return lines.length;
  };
  for (const b of grid.blocks) {
    if (b.kind === 'text') {
      const parts = b.text.split('\n');
      b.line = lines.length + 1;
      for (const p of parts) push(p, b.at);
      b.lastLine = lines.length;
      continue;
    }
    const t = b.table;
    const starts = new Map<number, (typeof t.cells)[number]>();
    for (const c of t.cells) starts.set(c.row * t.cols + c.col, c);
    // Which positions a merged cell covers from above (drawn blank) or from the left (not drawn).
    const covered = new Uint8Array(t.rows * t.cols);
    for (const c of t.cells) {
      for (let r = c.row; r < c.row + c.rowSpan && r < t.rows; r++) {
        for (let k = c.col; k < c.col + c.colSpan && k < t.cols; k++) {
          if (r === c.row && k === c.col) continue;
          covered[r * t.cols + k] = k === c.col ? 1 : 2;
        }
      }
    }
    for (let r = 0; r < t.rows; r++) {
      let any = false;
      // A position covered from above is drawn blank, and said to be where its row is.
      const rowAt = t.cells.find((c) => c.row === r)?.at ?? null;
      for (let k = 0; k < t.cols; k++) {
        const c = starts.get(r * t.cols + k);
        if (c) {
          const [head, ...rest] = c.text.split('\n');
          c.line = push(`\t${head}`, c.at);
          // Blank lines inside a cell would read as the end of its row.
          for (const more of rest) if (more.trim() !== '') push(more, c.at);
          c.lastLine = lines.length;
          any = true;
        } else if (covered[r * t.cols + k] === 1) {
          push('\t', rowAt);
          any = true;
        }
      }
      if (any) push('', null);
    }
  }
  return { lines, locations };
}
