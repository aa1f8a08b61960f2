import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * Parquet for users' own tools, converted from the very Arrow IPC the site loads (parquet-wasm: arrow-rs
 * compiled to wasm), so both carry the same rows and types — money stays DECIMAL(18,2). Zstd-compressed.
 */
const pq = createRequire(import.meta.url)('parquet-wasm/node') as typeof import('parquet-wasm/node');

/**
 * One Parquet file from Arrow IPC files, streamed batch by batch: memory holds a file and a row group,
 * never the table (a province's findings are 1.8 GB of Arrow). Row groups of DuckDB's own size, so a
 * reader filtering on the sort columns (county code, year) skips the others.
 */
export async function writeParquet(arrowFiles: readonly string[], out: string): Promise<void> {
  let next = 0;
  let table: import('parquet-wasm/node').Table | null = null;
  let batch = 0;
  const batches = new ReadableStream({
    pull(controller) {
      for (;;) {
        if (table && batch < table.numBatches) {
          controller.enqueue(table.recordBatch(batch++));
          return;
        }
        table?.free();
        table = null;
        if (next >= arrowFiles.length) {
          controller.close();
          return;
        }
        table = pq.Table.fromIPCStream(readFileSync(arrowFiles[next++]));
        batch = 0;
      }
    },
  });
  const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).setMaxRowGroupSize(122_880).build();
  await writeFile(out, await pq.transformParquetStream(batches, props));
}
