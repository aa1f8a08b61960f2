import { Bool, DataType, Decimal, Float64, Int32, makeData, makeVector, RecordBatchReader, RecordBatchStreamWriter, Table, tableFromIPC, tableToIPC, Utf8, type Vector } from 'apache-arrow';
import { fitsTables } from '../parse/money';
import type { Cell, Column, Row } from './schema';

/**
 * Rows → Arrow IPC stream, the format the site hands to duckdb-wasm (insertArrowFromIPCStream).
 * Money goes in as Decimal128(18, 2) built from the exact fen, so DuckDB sees DECIMAL(18,2), never a float.
 */
export function toArrowIPC(columns: readonly Column[], rows: Row[]): Uint8Array {
  const vectors: Record<string, Vector> = {};
  for (const c of columns) {
    const values: Cell[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i++) values[i] = rows[i][c.name] ?? null;
    vectors[c.name] = vectorOf(c, values);
  }
  return tableToIPC(new Table(vectors), 'stream');
}

function vectorOf(c: Column, values: Cell[]): Vector {
  switch (c.type) {
    case 'text':
      return utf8Vector(values as (string | null)[]);
    case 'int':
      return fixedVector(new Int32(), Int32Array, values as (number | null)[]);
    case 'double':
      return fixedVector(new Float64(), Float64Array, values as (number | null)[]);
    case 'bool':
      return boolVector(values as (boolean | null)[]);
    case 'yuan':
      return decimalVector(values as (bigint | null)[]);
  }
}

/** Validity bitmap (Arrow: 1 = present), or null when nothing is missing. */
function validity(values: Cell[]): { bitmap: Uint8Array | null; nulls: number } {
  const bitmap = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] == null) nulls++;
    else bitmap[i >> 3] |= 1 << (i & 7);
  }
  return { bitmap: nulls > 0 ? bitmap : null, nulls };
}

function fixedVector<T extends Int32 | Float64>(type: T, Typed: Int32ArrayConstructor | Float64ArrayConstructor, values: (number | null)[]): Vector {
  const { bitmap, nulls } = validity(values);
  const data = new Typed(values.length);
  for (let i = 0; i < values.length; i++) data[i] = values[i] ?? 0;
  return makeVector(makeData({ type, length: values.length, nullCount: nulls, nullBitmap: bitmap, data } as never));
}

/**
 * Booleans as Arrow's packed bits. Not apache-arrow's builder: it compiles its null check with
 * `new Function`, which the site's Content-Security-Policy (no 'unsafe-eval') refuses in the import worker.
 */
function boolVector(values: (boolean | null)[]): Vector {
  const { bitmap, nulls } = validity(values);
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (values[i]) bits[i >> 3] |= 1 << (i & 7);
  return makeVector(makeData({ type: new Bool(), length: values.length, nullCount: nulls, nullBitmap: bitmap, data: bits }));
}

/** Strings straight into one UTF-8 buffer with offsets: the builder's per-value path is the ingest's bottleneck. */
function utf8Vector(values: (string | null)[]): Vector {
  const enc = new TextEncoder();
  const offsets = new Int32Array(values.length + 1);
  let bytes = 0;
  for (const v of values) if (v != null) bytes += v.length * 3;
  const buf = new Uint8Array(bytes); // UTF-16 unit → at most 3 UTF-8 bytes
  let pos = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v != null) pos += enc.encodeInto(v, buf.subarray(pos)).written;
    offsets[i + 1] = pos;
  }
  const { bitmap, nulls } = validity(values);
  return makeVector(makeData({ type: new Utf8(), length: values.length, nullCount: nulls, nullBitmap: bitmap, valueOffsets: offsets, data: buf.subarray(0, pos) }));
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
    // The reader refuses such amounts (parse/overflow.ts); here one would be stored as another number.
    if (!fitsTables(v)) throw new RangeError(`${v} fen does not fit DECIMAL(18,2)`);
    words[2 * i] = BigInt.asIntN(64, v);
    words[2 * i + 1] = v < 0n ? -1n : 0n;
    validity[i >> 3] |= 1 << (i & 7);
  });
  const type = new Decimal(2, 18, 128);
  return makeVector(makeData({ type, length: values.length, nullCount: nulls, nullBitmap: nulls > 0 ? validity : null, data: new Uint32Array(words.buffer) }));
}

/** Rows of an Arrow stream, the inverse of toArrowIPC (money back to exact fen). */
export function fromArrowIPC(ipc: Uint8Array | Uint8Array[]): Row[] {
  const t = tableFromIPC(ipc);
  const names = t.schema.fields.map((f) => f.name);
  const cols = names.map((n) => t.getChild(n)!);
  const decimal = t.schema.fields.map((f) => DataType.isDecimal(f.type));
  const out: Row[] = new Array(t.numRows);
  for (let i = 0; i < t.numRows; i++) {
    const r: Row = {};
    for (let k = 0; k < names.length; k++) {
      const v = cols[k].get(i);
      r[names[k]] = v == null ? null : decimal[k] ? fenOf(v as Uint32Array) : (v as Row[string]);
    }
    out[i] = r;
  }
  return out;
}

/** A Decimal128 value (four little-endian uint32 words) as bigint fen. */
function fenOf(w: Uint32Array): bigint {
  const lo = BigInt(w[0]) | (BigInt(w[1]) << 32n);
  const hi = BigInt(w[2]) | (BigInt(w[3]) << 32n);
  return BigInt.asIntN(128, lo | (hi << 64n));
}

/** Arrow IPC streams of one schema → one stream, joined batch by batch (never decoded to rows); null for none. */
export function concatIPC(streams: Iterable<Uint8Array>): { bytes: Uint8Array; rows: number } | null {
  const writer = new RecordBatchStreamWriter();
  let rows = 0;
  let opened = false;
  for (const s of streams) {
    for (const batch of RecordBatchReader.from(s)) {
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
