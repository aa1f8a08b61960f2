import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { csvName, fenOf, toCsv } from './csv';
import type { Column } from '../db/data-tables';
import { NO_COUNTY, NO_FILTERS } from '../db/scope';

const col = (name: string, kind: Column['kind']): Column => ({ name, kind, select: name, sortBy: name });

describe('CSV download', () => {
  const cols = [col('name', 'text'), col('budget_yuan', 'money'), col('score', 'number'), col('complete', 'bool')];
  const rows = [
    { name: '=HYPERLINK("x")', budget_yuan: '300300.00', score: 49.5, complete: true },
    { name: '多行\n"引号", 逗号', budget_yuan: '-5.50', score: null, complete: false },
    { name: '@SUM(A1)', budget_yuan: null, score: 0, complete: null },
  ];
  const text = toCsv(cols, rows);

  it('has the BOM, the header and CRLF records', () => {
    expect(text.startsWith('\ufeffname,budget_yuan,score,complete\r\n')).toBe(true);
  });

  it('round-trips through an RFC 4180 parser, formulas made inert, amounts and numbers plain', () => {
    const back = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(back).toEqual([
      { name: `'=HYPERLINK("x")`, budget_yuan: '300300.00', score: '49.5', complete: 'true' },
      { name: '多行\n"引号", 逗号', budget_yuan: '-5.50', score: '', complete: 'false' },
      { name: "'@SUM(A1)", budget_yuan: '', score: '0', complete: '' },
    ]);
  });

  it('reads DECIMAL text as exact fen', () => {
    expect(fenOf('300300.00')).toBe(30030000n);
    expect(fenOf('-5.5')).toBe(-550n);
    expect(fenOf('12')).toBe(1200n);
    expect(() => fenOf('1e3')).toThrow();
  });

  it('names the file after the table and the filters, the county by its label', () => {
    const labels: Record<string, string> = { '130225': '乐亭县', '130902': '新华区（沧州市）' };
    const county = (code: string | null) => (code == null ? '未注明县区' : labels[code]);
    expect(csvName('indicators', { ...NO_FILTERS, county: '130225', year: 2022 }, county)).toBe('indicators_乐亭县_2022.csv');
    expect(csvName('indicators', { ...NO_FILTERS, county: '130902' }, county)).toBe('indicators_新华区（沧州市）.csv');
    expect(csvName('projects', { ...NO_FILTERS, county: NO_COUNTY, q: 'a/b c' }, county)).toBe('projects_未注明县区_a-b-c.csv');
    expect(csvName('findings', NO_FILTERS, county)).toBe('findings.csv');
  });
});
