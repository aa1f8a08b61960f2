/**
 * CSV downloads: the data view's rows written by the same writer as `npm run ingest -- --csv`
 * (src/lib/tables/csv.ts: UTF-8 with BOM, RFC 4180 via csv-stringify, CRLF, formula cells neutralized,
 * numbers numeric, amounts as plain decimals), so a download and an ingest CSV are the same format.
 */
import { parseAmount } from '../parse/money';
import { toCSV } from '../tables/csv';
import type { Cell, Column as TableColumn } from '../tables/schema';
import type { Column, DataTable } from '../db/data-tables';
import { NO_COUNTY, FILTER_KEYS, type Filters } from '../db/scope';
import type { Row } from '../db/values';

const TYPE = { text: 'text', number: 'double', bool: 'bool', money: 'yuan' } as const;

/** A DECIMAL's text (`300300.00`, `-5.5`) → exact fen. */
export function fenOf(decimal: string): bigint {
  const fen = parseAmount(decimal, '元');
  if (fen == null) throw new Error(`not an amount: ${decimal}`);
  return fen;
}

export function toCsv(cols: Column[], rows: Row[]): string {
  const columns: TableColumn[] = cols.map((c) => ({ name: c.name, type: TYPE[c.kind] }));
  const money = cols.filter((c) => c.kind === 'money').map((c) => c.name);
  const cells = rows.map((r) => {
    const out: Record<string, Cell> = { ...r };
    for (const m of money) if (r[m] != null) out[m] = fenOf(String(r[m]));
    return out;
  });
  return toCSV(columns, cells);
}

/**
 * `indicators_乐亭县_2022.csv`: the table, then the filter values in filter order, the county by its label
 * (`county`: a code → 新华区（沧州市）; null → the no-county label).
 */
export function csvName(table: DataTable, f: Filters, county: (code: string | null) => string): string {
  const parts = FILTER_KEYS.filter((k) => f[k] != null && f[k] !== '')
    .map((k) => (k === 'county' ? county(f.county === NO_COUNTY ? null : f.county) : String(f[k])))
    .map((v) => v.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 40));
  return `${[table, ...parts].join('_')}.csv`;
}

export function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
