/**
 * "导出导入数据": the five tables of the imported filings as Arrow IPC files (`filings.arrow`, …, the
 * ingest's own format and schema) in one zip, for another PerfLens or DuckDB (`read_arrow`, or
 * `insertArrowFromIPCStream`). Parquet would need duckdb-wasm's parquet extension, which is fetched
 * from the network: not offline, so not here (`npm run ingest` writes Parquet of the same files).
 */
import { zipSync } from 'fflate';
import { download } from '../export/download';
import { fromArrowIPC, TABLE_NAMES, TABLES, toArrowIPC } from '../tables';
import { importedTables } from './imports.svelte';

export function importedZip(): Uint8Array {
  const each = importedTables();
  const files = Object.fromEntries(
    TABLE_NAMES.map((t) => [`${t}.arrow`, toArrowIPC(TABLES[t], each.flatMap((ipc) => fromArrowIPC(ipc[t])))] as const),
  );
  return zipSync(files, { level: 6 });
}

export function exportImported() {
  download(`导入数据_${new Date().toISOString().slice(0, 10)}.zip`, importedZip());
}
