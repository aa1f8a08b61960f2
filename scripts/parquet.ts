import { createRequire } from 'node:module';

/**
 * Parquet for users' own tools, converted from the very Arrow IPC the site loads (parquet-wasm: arrow-rs
 * compiled to wasm), so both carry the same rows and types — money stays DECIMAL(18,2). Zstd-compressed.
 */
const pq = createRequire(import.meta.url)('parquet-wasm/node') as typeof import('parquet-wasm/node');

export function arrowToParquet(ipc: Uint8Array): Uint8Array {
  const props = new pq.WriterPropertiesBuilder().setCompression(pq.Compression.ZSTD).build();
  return pq.writeParquet(pq.Table.fromIPCStream(ipc), props);
}
