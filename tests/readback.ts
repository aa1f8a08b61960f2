/**
 * What an independent RFC 4180 reader (csv-parse) must find in each cell of a CSV the product writes, given
 * the value its source holds: written here, apart from the writer, so a test compares the file with the data
 * and not the writer with itself.
 */
import { parse } from 'csv-parse/sync';

/** What a spreadsheet would run as a formula: the ASCII signs and their full-width forms (Excel and WPS read both). */
export const FORMULA_START = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];

/** A text cell as it must read back: inert (a leading apostrophe) when it starts like a formula. */
export const inert = (text: string) => (FORMULA_START.some((s) => text.startsWith(s)) ? `'${text}` : text);

/**
 * A source value as its CSV cell must read: null → empty, booleans `true` / `false`, numbers in their
 * shortest form, text made inert. Money comes as its exact decimal text (`300300.00`) and is `decimal`.
 */
export function csvCell(v: unknown, decimal = false): string {
  if (v == null) return '';
  if (decimal) return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  return inert(String(v));
}

/**
 * A CSV file's records, BOM stripped, every field as text: header first. Any unquoted CR, LF or CRLF ends a
 * record, as in Excel and WPS (csv-parse by default takes the first break it meets as the only one).
 */
export const readCsv = (bytes: Uint8Array | string): string[][] =>
  parse(typeof bytes === 'string' ? bytes : Buffer.from(bytes), { bom: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];

/** The same records keyed by the header's names (one object a row). */
export function readCsvRecords(bytes: Uint8Array | string): Record<string, string>[] {
  const [header, ...rows] = readCsv(bytes);
  return rows.map((r) => Object.fromEntries(header.map((h, k) => [h, r[k]])));
}
