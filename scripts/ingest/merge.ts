import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { concatIPC } from '../../src/lib/tables';

/** Chunks → one Arrow IPC stream: joined batch by batch, never decoded to rows. */
export function chunkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.arrow')).sort().map((f) => join(dir, f));
}

export function concatArrow(files: string[]): { bytes: Uint8Array; rows: number } | null {
  return concatIPC((function* () {
    for (const f of files) yield readFileSync(f);
  })());
}
