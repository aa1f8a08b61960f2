/**
 * The workbook of the current view: the four data tables for the filters (the table on screen in its
 * sort order, the others in theirs), and the notes that say what they are.
 */
import { columns, everyRow, sources, DATA_TABLES, type DataTable, type Sort } from '../db/data-tables';
import { FILTER_KEYS, type FilterKey, type Filters } from '../db/scope';
import type { Run } from '../db/values';
import { dictionaries, type Key } from '../ui/i18n';
import { tableLabel } from './form';
import type { Sheet } from './workbook';
import { writeWorkbook } from './write-workbook';

export interface Context {
  /** The table on screen and its sort. */
  table: DataTable;
  sort: Sort;
  /** A filter value's label as the screen shows it (a county code → its name). */
  label: (key: FilterKey, value: string) => string;
  /** When the data was built (summary.json), if known. */
  built: string | null;
  now: Date;
}

const zh = dictionaries.zh;
const stamp = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} ${d.toTimeString().slice(0, 5)}`;

export async function workbookOf(run: Run, f: Filters, c: Context): Promise<Uint8Array> {
  const sheets: Sheet[] = await Promise.all(
    DATA_TABLES.map(async (t) => {
      const cols = await columns(run, t);
      const rows = await everyRow(run, t, cols, f, t === c.table ? c.sort : { column: null, desc: false });
      return { name: tableLabel('zh', t), cols, rows };
    }),
  );
  const filters = FILTER_KEYS.filter((k) => f[k] != null && f[k] !== '').map((k) => `${zh[`f_${k}` as Key]}：${c.label(k, String(f[k]))}`);
  const files = await sources(run, f);
  return writeWorkbook(sheets, {
    title: `${zh.appName} 数据导出`,
    facts: [
      ['导出时间', stamp(c.now)],
      ['数据生成时间', c.built ? stamp(new Date(c.built)) : '未记录'],
      ['筛选条件', filters.length ? filters.join('；') : '无（全部数据）'],
      ...sheets.map((s): [string, string] => [`${s.name}（行）`, String(s.rows.length)]),
      ['说明', '金额单位为元，精确到分；经费类型、严重程度、规则等列旁的“代码”列保留原始代码，可与 CSV 及其他工具关联。'],
    ],
    sources: files.map((r) => ({ source_file: String(r.source_file ?? ''), county: String(r.county ?? '未注明县区'), year: r.year == null ? '' : String(r.year), department: String(r.department ?? '') })),
  });
}
