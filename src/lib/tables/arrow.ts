import { Bool, Decimal, Float64, Int32, makeData, makeVector, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { Cell, Column, Row } from './schema';

/**
 * Rows → Arrow IPC stream, the format the site hands to duckdb-wasm (insertArrowFromIPCStream).
 * Money goes in as Decimal128(18, 2) built from the exact fen, so DuckDB sees DECIMAL(18,2), never a float.
 */
export function toArrowIPC(columns: readonly Column[], rows: Row[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) vectors[c.name] = vectorOf(c, rows.map((r) => r[c.name] ?? null));
  return tableToIPC(new Table(vectors), 'stream');
}

function vectorOf(c: Column, values: Cell[]): Vector {
  switch (c.type) {
    case 'text':
      return vectorFromArray(values.map((v) => (v == null ? null : String(v))), new Utf8());
    case 'int':
      return vectorFromArray(values as (number | null)[], new Int32());
    case 'double':
      return vectorFromArray(values as (number | null)[], new Float64());
    case 'bool':
      return vectorFromArray(values as (boolean | null)[], new Bool());
    case 'yuan':
      return decimalVector(values as (bigint | null)[]);
  }
}

/** 128-bit little-endian two's complement words, one value per 4 × uint32, from fen. */
function decimalVector(values: (bigint | null)[]): Vector {
  const words = new BigInt64Array(values.length * 2);
  const validity = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  values.forEach((v, i) => {
    if (v == null) {
      nulls++;
      return;
    }
    words[2 * i] = BigInt.asIntN(64, v);
    words[2 * i + 1] = v < 0n ? -1n : 0n;
    validity[i >> 3] |= 1 << (i & 7);
  });
  const type = new Decimal(2, 18, 128);
  return makeVector(makeData({ type, length: values.length, nullCount: nulls, nullBitmap: nulls > 0 ? validity : null, data: new Uint32Array(words.buffer) }));
}
