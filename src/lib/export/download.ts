/**
 * Saving a download: its file name from the labels the screen shows, and the browser's save.
 */
import { FILTER_KEYS, type FilterKey, type Filters } from '../db/scope';
import { tableLabel } from './form';

/**
 * `指标_乐亭县_2022_产出指标.csv`: the table's tab label, then the filter values in filter order, each by
 * the label the screen shows (`label`: a county code → 新华区（沧州市）, a rule id → 成本超预算, a kind → 人员经费).
 */
export function fileName(lang: 'zh' | 'en', table: string, f: Filters, label: (key: FilterKey, value: string) => string, ext: 'csv' | 'xlsx'): string {
  const parts = FILTER_KEYS.filter((k) => f[k] != null && f[k] !== '')
    .map((k) => label(k, String(f[k])))
    .map((v) => v.replace(/[\\/:*?"<>|\s\u0000-\u001f]+/g, '-').slice(0, 40));
  return `${[tableLabel(lang, table), ...parts].join('_')}.${ext}`;
}

const TYPES: Record<string, string> = {
  csv: 'text/csv;charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', zip: 'application/zip',
};

export function download(name: string, body: string | Uint8Array) {
  const type = TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? TYPES.csv;
  const url = URL.createObjectURL(new Blob([body as BlobPart], { type }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
