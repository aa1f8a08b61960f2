/**
 * One Excel workbook of the current view: a 说明 sheet (what was exported, from what, and what every column
 * means), then a sheet per table in the auditors' form (form.ts: Chinese headings, labels beside codes).
 * Money is a number exact to the fen under `#,##0.00`; counts, percents and scores are numbers; text is
 * a string cell, which no spreadsheet evaluates. Every sheet has its header row frozen, an autofilter and
 * column widths from its content. Written by SheetJS (@e965/xlsx), loaded with the first workbook only.
 */
import * as XLSX from '@e965/xlsx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Column } from '../db/data-tables';
import type { Row, Value } from '../db/values';
import { COLUMNS } from './columns';
import { outColumns, type OutColumn } from './form';

export interface Sheet {
  /** The sheet's name (项目, 指标 …). */
  name: string;
  cols: Column[];
  rows: Row[];
}

export interface Notes {
  title: string;
  /** [label, value] lines at the top of the 说明 sheet: when exported, when built, the filters, row counts. */
  facts: [string, string][];
  /** The filings the rows come from. */
  sources: { source_file: string; county: string; year: string; department: string }[];
}

/** Excel's limits: rows per sheet (the header takes one) and characters per cell. */
export const MAX_ROWS = 1_048_575;
export const MAX_CELL = 32_767;
/** Past 15 significant digits a double no longer holds every fen: such an amount is written as its decimal text. */
const EXACT_DIGITS = 15;
const MONEY_FORMAT = '#,##0.00';
const CLIPPED = '…（超出 Excel 单元格 32767 字符上限，全文见 CSV）';

function cell(c: OutColumn, v: Value): XLSX.CellObject | null {
  if (v == null) return null;
  if (c.kind === 'money') {
    const text = String(v);
    return text.replace(/[-.]/g, '').length <= EXACT_DIGITS ? { t: 'n', v: Number(text), z: MONEY_FORMAT } : { t: 's', v: text };
  }
  if (c.kind === 'number') return { t: 'n', v: Number(v) };
  const s = String(v);
  return { t: 's', v: s.length > MAX_CELL ? s.slice(0, MAX_CELL - CLIPPED.length) + CLIPPED : s };
}

/** Display width of text: CJK and full-width characters take two columns. */
const width = (s: string) => [...s].reduce((n, ch) => n + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);

/** How wide a cell shows: a number with its grouping and decimals, text by its first line. */
const shownWidth = (c: XLSX.CellObject | null) => (c == null ? 0 : c.t === 'n' ? String(c.v).length + 4 : width(String(c.v).split('\n')[0]));

/** Column widths from the header and the first 200 rows, 6 to 60 characters. */
function widths(header: string[], body: (XLSX.CellObject | null)[][]): XLSX.ColInfo[] {
  return header.map((h, k) => {
    let w = width(h);
    for (const row of body.slice(0, 200)) w = Math.max(w, shownWidth(row[k] ?? null));
    return { wch: Math.max(6, Math.min(60, w + 2)) };
  });
}

/**
 * A sheet from a header and rows of cells, with autofilter and widths. Dense (rows of cells, `!data`):
 * SheetJS's sparse form, an object keyed by cell address, took 10 s and 1 GB for a county's 500,000 cells.
 */
function sheetOf(header: string[], body: (XLSX.CellObject | null)[][]): XLSX.WorkSheet {
  const cols = Math.max(header.length, ...body.map((row) => row.length));
  const data = [header.map((h): XLSX.CellObject => ({ t: 's', v: h })), ...body.map((row) => row.map((c) => c ?? undefined))];
  const last = { r: Math.max(body.length, 1), c: Math.max(cols - 1, 0) };
  return {
    '!data': data as XLSX.CellObject[][],
    '!ref': XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: last }),
    '!autofilter': { ref: XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: body.length, c: last.c } }) },
    '!cols': widths(header, body),
  };
}

function tableSheets(s: Sheet): [string, XLSX.WorkSheet][] {
  const out = outColumns(s.cols, 'zh');
  const header = out.map((c) => c.heading);
  const parts = Math.max(1, Math.ceil(s.rows.length / MAX_ROWS));
  return Array.from({ length: parts }, (_, k) => {
    const rows = s.rows.slice(k * MAX_ROWS, (k + 1) * MAX_ROWS);
    return [parts > 1 ? `${s.name} (${k + 1})` : s.name, sheetOf(header, rows.map((r) => out.map((c) => cell(c, c.value(r)))))];
  });
}

function notesSheet(notes: Notes, sheets: Sheet[]): XLSX.WorkSheet {
  const text = (v: string): XLSX.CellObject => ({ t: 's', v });
  const lines: (XLSX.CellObject | null)[][] = [
    ...notes.facts.map(([k, v]) => [text(k), text(v)]),
    [],
    [text('源文件'), text('县区'), text('年度'), text('部门')],
    ...notes.sources.map((f) => [text(f.source_file), text(f.county), text(f.year), text(f.department)]),
    [],
    [text('表'), text('列名'), text('含义'), text('字段')],
    ...sheets.flatMap((s) =>
      outColumns(s.cols, 'zh').map((c) => {
        const base = c.name.replace(/:code$/, '');
        const meaning = c.name.endsWith(':code') ? `${COLUMNS[base]?.zh ?? base}的代码，与 CSV 及其他工具中的取值相同` : (COLUMNS[base]?.meaning ?? '');
        return [text(s.name), text(c.heading), text(meaning), text(base)];
      }),
    ),
  ];
  const ws = sheetOf([notes.title, ''], lines);
  delete ws['!autofilter'];
  ws['!cols'] = [{ wch: 28 }, { wch: 30 }, { wch: 60 }, { wch: 20 }];
  return ws;
}

/**
 * SheetJS's free build writes no frozen panes: each worksheet's view gets one (the header row) here, in the
 * written package. Its sheet view is always the single empty `<sheetView workbookViewId="0"/>`.
 */
function freezeHeaders(xlsx: Uint8Array, sheets: number): Uint8Array {
  const files = unzipSync(xlsx);
  for (let k = 2; k <= sheets; k++) {
    const path = `xl/worksheets/sheet${k}.xml`;
    const xml = strFromU8(files[path]);
    const frozen = xml.replace(/<sheetView ([^>]*?)\/>/, '<sheetView $1><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView>');
    if (frozen === xml) throw new Error(`${path}: no sheet view to freeze`);
    files[path] = strToU8(frozen);
  }
  // Level 1: the sheets deflate again in a third of level 6's time, for a file a tenth larger.
  return zipSync(files, { level: 1 });
}

export function toWorkbook(sheets: Sheet[], notes: Notes): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, notesSheet(notes, sheets), '说明');
  const tables = sheets.flatMap(tableSheets);
  for (const [name, ws] of tables) XLSX.utils.book_append_sheet(wb, ws, name);
  wb.Props = { Title: notes.title, Author: '绩效透视 PerfLens' };
  // Deflated by SheetJS: its stored (uncompressed) output took 3.5 times as long.
  const bytes = XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true }) as ArrayBuffer;
  return freezeHeaders(new Uint8Array(bytes), tables.length + 1);
}
