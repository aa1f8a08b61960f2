import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../tests/readback';
import { fenOf, toCsv } from './csv';
import { fileName } from './download';
import type { Column } from '../db/data-tables';
import { NO_COUNTY, NO_FILTERS, type FilterKey } from '../db/scope';

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
    expect(readCsv(text)).toEqual([
      ['name', 'budget_yuan', 'score', 'complete'],
      [`'=HYPERLINK("x")`, '300300.00', '49.5', 'true'],
      ['多行\n"引号", 逗号', '-5.50', '', 'false'],
      ["'@SUM(A1)", '', '0', ''],
    ]);
  });

  it('in the Chinese form: Chinese headings, labels for codes with each code in a column of its own, 是 / 否', () => {
    const findings = [col('rule_id', 'text'), col('severity', 'text'), col('level', 'text'), col('kind', 'text'), col('quantitative', 'bool'), col('message', 'text'), col('budget_yuan', 'money')];
    const zh = toCsv(findings, [
      { rule_id: 'cost-over-budget', severity: 'critical', level: 'project', kind: 'personnel', quantitative: true, message: '超预算', budget_yuan: '300000.00' },
      { rule_id: 'parse/unused-line', severity: 'info', level: 'parse', kind: null, quantitative: false, message: null, budget_yuan: null },
      { rule_id: 'a-rule-of-tomorrow', severity: 'minor', level: 'corpus', kind: 'department', quantitative: null, message: 'x', budget_yuan: '1.00' },
    ], 'zh');
    expect(readCsv(zh)).toEqual([
      ['规则', '规则代码', '严重程度', '严重程度代码', '层面', '层面代码', '经费类型', '经费类型代码', '已量化', '说明', '预算数（元）'],
      ['成本超预算', 'cost-over-budget', '严重', 'critical', '项目', 'project', '人员经费', 'personnel', '是', '超预算', '300000.00'],
      ['未使用的行', 'parse/unused-line', '提示', 'info', '读取', 'parse', '', '', '否', '', ''],
      ['a-rule-of-tomorrow', 'a-rule-of-tomorrow', '次要', 'minor', '跨文件', 'corpus', '部门整体', 'department', '', 'x', '1.00'],
    ]);
  });

  it('reads DECIMAL text as exact fen', () => {
    expect(fenOf('300300.00')).toBe(30030000n);
    expect(fenOf('-5.5')).toBe(-550n);
    expect(fenOf('12')).toBe(1200n);
    expect(() => fenOf('1e3')).toThrow();
  });

  it('names the file by the labels the screen shows: the tab, the county, the rule, the kind', () => {
    const counties: Record<string, string> = { '130225': '乐亭县', '130902': '新华区（沧州市）' };
    const label = (k: FilterKey, v: string) =>
      k === 'county' ? (v === NO_COUNTY ? '未注明县区' : counties[v]) : k === 'rule' ? ({ 'cost-over-budget': '成本超预算' } as Record<string, string>)[v] : k === 'kind' ? '人员经费' : v;
    expect(fileName('zh', 'indicators', { ...NO_FILTERS, county: '130225', year: 2022 }, label, 'csv')).toBe('指标_乐亭县_2022.csv');
    expect(fileName('zh', 'indicators', { ...NO_FILTERS, county: '130902' }, label, 'xlsx')).toBe('指标_新华区（沧州市）.xlsx');
    expect(fileName('zh', 'projects', { ...NO_FILTERS, county: NO_COUNTY, q: 'a/b c' }, label, 'csv')).toBe('项目_未注明县区_a-b-c.csv');
    expect(fileName('zh', 'findings', { ...NO_FILTERS, rule: 'cost-over-budget', kind: 'personnel' }, label, 'csv')).toBe('发现_人员经费_成本超预算.csv');
    expect(fileName('en', 'findings', NO_FILTERS, label, 'csv')).toBe('Findings.csv');
  });
});
