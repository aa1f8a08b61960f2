import type { Indicator, Project } from '../parse/model';
import { squash } from './classify';

/** The cells of an indicator row, in the template's column order. */
export const ROW_CELLS = ['level2', 'level3', 'description', 'target', 'basis'] as const;
export type RowCell = (typeof ROW_CELLS)[number];

/**
 * The source line of the cell a finding is about. An indicator row spans several lines (a Word table
 * flattened one cell a line; its first is often a blank merged 一级指标 cell), so a finding that pointed at
 * the row's first line would mark a blank. Cells are looked for in the template's column order, each after
 * the one before, so a description equal to the name is found on its own line, not on the name's.
 */
export function ownLine(lines: readonly string[], p: Project, i: Indicator, cell: RowCell | undefined): number {
  const next = p.indicators.find((x) => x.ordinal === i.ordinal + 1);
  const last = Math.min(next && next.line > i.line ? next.line - 1 : p.span.last, lines.length);
  const text = (n: number) => squash(lines[n - 1]);
  const firstFilled = () => {
    for (let n = i.line; n <= last; n++) if (text(n) !== '') return n;
    return i.line;
  };
  if (cell == null) return firstFilled();
  let from = i.line;
  for (const c of ROW_CELLS) {
    const v = squash(value(i, c)?.split('\n')[0]);
    if (v === '') continue;
    let at: number | null = null;
    // A wrapped cell (PDF) starts on its line: the line is a prefix of the value, or holds it whole.
    for (let n = from; n <= last && at == null; n++) if (text(n) !== '' && (text(n).includes(v) || v.startsWith(text(n)))) at = n;
    if (at == null) continue;
    if (c === cell) return at;
    from = at + 1;
  }
  return firstFilled();
}

function value(i: Indicator, c: RowCell): string | null {
  return c === 'target' ? i.target.raw : i[c];
}
