import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RecordBatchReader, RecordBatchStreamWriter } from 'apache-arrow';

/** Chunks → one Arrow IPC stream: joined batch by batch, never decoded to rows. */
export function chunkFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.arrow')).sort().map((f) => join(dir, f));
}

export function concatArrow(files: string[]): { bytes: Uint8Array; rows: number } | null {
  const writer = new RecordBatchStreamWriter();
  let rows = 0;
  let opened = false;
  for (const f of files) {
    for (const batch of RecordBatchReader.from(readFileSync(f))) {
      if (!opened) {
        writer.reset(undefined, batch.schema);
        opened = true;
      }
      writer.write(batch);
      rows += batch.numRows;
    }
  }
  if (!opened) return null;
  writer.finish();
  return { bytes: writer.toUint8Array(true), rows };
}
