import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Column } from '../db/data-tables';
import { toWorkbook } from './workbook';

const col = (name: string, kind: Column['kind']): Column => ({ name, kind, select: name, sortBy: name });

/** The workbook as another spreadsheet library reads it (exceljs, independent of the SheetJS writer). */
async function read(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

describe('Excel workbook', () => {
  const projects = [col('name', 'text'), col('kind', 'text'), col('budget_yuan', 'money'), col('score', 'number'), col('complete', 'bool')];
  const findings = [col('rule_id', 'text'), col('severity', 'text'), col('message', 'text')];
  const rows = [
    { name: '=HYPERLINK("http://example.invalid","点我")', kind: 'personnel', budget_yuan: '300300.07', score: 49.5, complete: true },
    { name: '多行\n"引号", 逗号😀𠮷', kind: 'project', budget_yuan: '-5.50', score: null, complete: false },
    { name: '巨额', kind: 'project', budget_yuan: '9999999999999999.99', score: 0, complete: null },
  ];
  const bytes = toWorkbook(
    [
      { name: '项目', cols: projects, rows },
      { name: '发现', cols: findings, rows: [{ rule_id: 'cost-over-budget', severity: 'critical', message: '＝SUM(A1)' }] },
    ],
    { title: '绩效透视 数据导出', facts: [['导出时间', '2026-12-01 10:00'], ['筛选', '县区：乐亭县']], sources: [{ source_file: 'a.txt', county: '乐亭县', year: '2022', department: '人大' }] },
  );

  it('has the notes sheet first, then a sheet per table, headers frozen and filtered', async () => {
    const wb = await read(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', '项目', '发现']);
    const p = wb.getWorksheet('项目')!;
    expect(p.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(p.autoFilter).toBe('A1:F4');
    expect(p.getRow(1).values).toEqual([undefined, '项目名称', '经费类型', '经费类型代码', '预算数（元）', '得分', '表格完整']);
    expect(p.getColumn(1).width).toBeGreaterThan(10);
  });

  it('keeps money as numbers exact to the fen under #,##0.00, and one too long for a double as its text', async () => {
    const p = (await read(bytes)).getWorksheet('项目')!;
    expect(p.getCell('D2').value).toBe(300300.07);
    expect(p.getCell('D2').numFmt).toBe('#,##0.00');
    expect(p.getCell('D3').value).toBe(-5.5);
    expect(p.getCell('D4').value).toBe('9999999999999999.99');
    expect(p.getCell('E2').value).toBe(49.5);
    expect(p.getCell('E3').value).toBe(null);
  });

  it('writes text as text: a formula sign is a string cell, never a formula; labels beside codes', async () => {
    const wb = await read(bytes);
    const p = wb.getWorksheet('项目')!;
    expect(p.getCell('A2').value).toBe('=HYPERLINK("http://example.invalid","点我")');
    expect(p.getCell('A2').type).toBe(ExcelJS.ValueType.String);
    expect(p.getCell('A3').value).toBe('多行\n"引号", 逗号😀𠮷');
    expect([p.getCell('B2').value, p.getCell('C2').value, p.getCell('F2').value, p.getCell('F3').value]).toEqual(['人员经费', 'personnel', '是', '否']);
    const f = wb.getWorksheet('发现')!;
    expect(f.getRow(2).values).toEqual([undefined, '成本超预算', 'cost-over-budget', '严重', 'critical', '＝SUM(A1)']);
    expect(f.getCell('E2').type).toBe(ExcelJS.ValueType.String);
  });

  it('explains itself: the facts, the source files and what every column means', async () => {
    const n = (await read(bytes)).getWorksheet('说明')!;
    const text = n.getSheetValues().flat().filter((v) => typeof v === 'string');
    for (const s of ['导出时间', '县区：乐亭县', 'a.txt', '经费类型代码', '预算数，元，精确到分（万元已乘 10000）', 'budget_yuan']) expect(text).toContain(s);
  });
});
