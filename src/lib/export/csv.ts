/**
 * CSV downloads: the data view's rows written by the same writer as `npm run ingest -- --csv`
 * (src/lib/tables/csv.ts: UTF-8 with BOM, RFC 4180 via csv-stringify, CRLF, formula cells neutralized,
 * numbers numeric, amounts as plain decimals), in either form (form.ts), so a download in the codes form
 * and an ingest CSV are the same format.
 */
import { parseAmount } from '../parse/money';
import { toCSV } from '../tables/csv';
import type { Cell, Column as TableColumn } from '../tables/schema';
import type { Column } from '../db/data-tables';
import type { Row } from '../db/values';
import { outColumns, type Form } from './form';

const TYPE = { text: 'text', number: 'double', bool: 'bool', money: 'yuan' } as const;

/** A DECIMAL's text (`300300.00`, `-5.5`) → exact fen. */
export function fenOf(decimal: string): bigint {
  const fen = parseAmount(decimal, '元');
  if (fen == null) throw new Error(`not an amount: ${decimal}`);
  return fen;
}

export function toCsv(cols: Column[], rows: Row[], form: Form = 'codes'): string {
  const out = outColumns(cols, form);
  const columns: TableColumn[] = out.map((c) => ({ name: c.heading, type: TYPE[c.kind] }));
  const cells = rows.map((r) => {
    const cell: Record<string, Cell> = {};
    for (const c of out) {
      const v = c.value(r);
      cell[c.heading] = c.kind === 'money' && v != null ? fenOf(String(v)) : v;
    }
    return cell;
  });
  return toCSV(columns, cells);
}
