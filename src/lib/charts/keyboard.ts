/**
 * A chart's items walked by keyboard (heatmap cells, curve points): each item sits at a row and a column
 * (a rule and a county, a curve and a month). Left and right move along the row, up and down to the next
 * row that has items (to its item nearest the same column), Home and End to the row's ends.
 */
export interface KeyItem {
  row: number;
  col: number;
  /** Where ECharts has it, to highlight it and show its tooltip. */
  seriesIndex: number;
  dataIndex: number;
  /** What a screen reader is told when the item is reached. */
  label: string;
}

type Move = (cur: KeyItem, it: KeyItem) => number | null;
/** Each key: how far an item is in its direction (null: not that way); the nearest is taken. */
const MOVES: Record<string, Move> = {
  ArrowRight: (c, it) => (it.row === c.row && it.col > c.col ? it.col - c.col : null),
  ArrowLeft: (c, it) => (it.row === c.row && it.col < c.col ? c.col - it.col : null),
  // the next row first, then the nearest column in it
  ArrowDown: (c, it) => (it.row > c.row ? (it.row - c.row) * 1e6 + Math.abs(it.col - c.col) : null),
  ArrowUp: (c, it) => (it.row < c.row ? (c.row - it.row) * 1e6 + Math.abs(it.col - c.col) : null),
  Home: (c, it) => (it.row === c.row ? it.col : null),
  End: (c, it) => (it.row === c.row ? -it.col : null),
};

/** The item a key moves to from `at` (itself at an edge); null for a key that does not move. */
export function stepItem(items: readonly KeyItem[], at: number, key: string): number | null {
  const move = MOVES[key];
  if (!move) return null;
  let best = at;
  let bestDistance = Infinity;
  items.forEach((it, i) => {
    const d = move(items[at], it);
    if (d != null && d < bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}
