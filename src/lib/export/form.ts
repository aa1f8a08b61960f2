/**
 * The two forms a download takes. `codes`: the contract's column names and values as stored (what another
 * tool joins on). `zh`: the auditors' form — Chinese headings, Chinese labels for coded values (严重 for
 * `critical`, 人员经费 for `personnel`, a rule's name for its id) with each code kept in a column of its own
 * beside the label, so a file in this form still joins back; 是 / 否 for booleans.
 */
import type { Column, ColumnKind } from '../db/data-tables';
import type { Row, Value } from '../db/values';
import { dictionaries, ruleName, type Key } from '../ui/i18n';
import { codeHeading, COLUMNS, type Coded } from './columns';

export type Form = 'codes' | 'zh';

/** A column of the file: its heading, its kind, and how a row's value becomes the cell's. */
export interface OutColumn {
  name: string;
  heading: string;
  kind: ColumnKind;
  value: (r: Row) => Value;
}

const zh = dictionaries.zh as Record<string, string>;
const keyed = (prefix: string) => (v: string) => zh[`${prefix}${v}`] ?? v;

/** A code's Chinese label; the code itself when it has none. */
export const LABEL: Record<Coded, (code: string) => string> = {
  severity: keyed('sev_'),
  kind: keyed('kind_'),
  rule: (id) => ruleName('zh', id),
  level: keyed('level_'),
  bool: (v) => (v === 'true' ? '是' : '否'),
};

/** A value's Chinese label (for coded columns), as text; other values as they are. */
export function labelOf(coded: Coded | undefined, v: Value): Value {
  if (v == null || !coded) return v;
  return LABEL[coded](String(v));
}

export function outColumns(cols: Column[], form: Form): OutColumn[] {
  if (form === 'codes') return cols.map((c) => ({ name: c.name, heading: c.name, kind: c.kind, value: (r) => r[c.name] }));
  return cols.flatMap((c): OutColumn[] => {
    const text = COLUMNS[c.name];
    const heading = text?.zh ?? c.name;
    const coded = text?.coded;
    if (!coded) return [{ name: c.name, heading, kind: c.kind, value: (r) => r[c.name] }];
    const label: OutColumn = { name: c.name, heading, kind: 'text', value: (r) => labelOf(coded, r[c.name]) };
    if (coded === 'bool') return [label];
    return [label, { name: `${c.name}:code`, heading: codeHeading(heading), kind: 'text', value: (r) => r[c.name] }];
  });
}

/** Labels the screen shows for a table's tab (项目, 指标 …), in either language. */
export const tableLabel = (lang: 'zh' | 'en', table: string) => dictionaries[lang][`tab_${table}` as Key] ?? table;
