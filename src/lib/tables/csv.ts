import { stringify } from 'csv-stringify/sync';
import { formatYuan, yuan } from '../parse/money';
import type { Cell, Column, Row } from './schema';

/**
 * Rows → CSV that Excel and WPS on Chinese Windows open intact: UTF-8 with BOM, a header row,
 * RFC 4180 quoting (csv-stringify), amounts as plain decimals, numbers left numeric, and text cells that
 * a spreadsheet would run as a formula (= + - @, tab, CR, and their full-width forms ＝ ＋ － ＠, which
 * Excel and WPS also read as formula signs) neutralized with a leading apostrophe.
 */
export const BOM = '\ufeff';

const FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/**
 * Fields csv-stringify must quote besides its own (delimiter, quote, record delimiter): with CRLF records
 * it leaves a bare LF or CR unquoted, which every RFC 4180 reader then takes for the end of the row. The
 * line and paragraph separators are quoted too, for readers that split lines on them.
 */
const BREAKS = /[\r\n\u2028\u2029]/;

export function neutralize(text: string): string {
  return FORMULA.test(text) ? `'${text}` : text;
}

export function formatCell(c: Column, v: Cell): string | number | null {
  if (v == null) return null;
  switch (c.type) {
    case 'yuan':
      return formatYuan(yuan(BigInt(v as bigint)));
    case 'int':
    case 'double':
      return Number(v);
    case 'bool':
      return v ? 'true' : 'false';
    case 'text':
      return neutralize(String(v));
  }
}

export function toCSV(columns: readonly Column[], rows: Row[]): string {
  const records = rows.map((r) => columns.map((c) => formatCell(c, r[c.name] ?? null)));
  return BOM + stringify([columns.map((c) => c.name), ...records], { record_delimiter: '\r\n', quoted_match: BREAKS, cast: { number: (n) => String(n) } });
}
