import { readFileSync } from 'node:fs';
import type { Block, GridTable, SourceResult } from '../grid';

/** What the readers' tests share: their fixtures (tests/fixtures/sources) and ways to look at a result. */
export const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../tests/fixtures/sources/${name}`, import.meta.url)));

export function grid(r: SourceResult) {
  if (!r.ok) throw new Error(`expected a grid, got ${JSON.stringify(r.error)}`);
  return r.grid;
}

export function error(r: SourceResult) {
  if (r.ok) throw new Error('expected a SourceError');
  return r.error;
}

export const tablesOf = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));

/** `text@row,col rowSpan×colSpan at` per cell, for a compact field-by-field comparison. */
export const layout = (t: GridTable) => t.cells.map((c) => `${c.text}@${c.row},${c.col} ${c.rowSpan}x${c.colSpan} ${c.at}`);
