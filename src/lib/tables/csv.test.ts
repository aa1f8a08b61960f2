import { describe, expect, it } from 'vitest';
import { toCSV } from './csv';
import type { Column } from './schema';

const COLS: Column[] = [{ name: 'name', type: 'text' }, { name: 'budget_yuan', type: 'yuan' }, { name: 'score', type: 'double' }, { name: 'ok', type: 'bool' }];

describe('CSV', () => {
  it('starts with a BOM, has a header, quotes per RFC 4180, keeps numbers numeric and amounts exact', () => {
    const csv = toCSV(COLS, [{ name: '代表"之家",联络站\n二行', budget_yuan: 30030000n, score: 92.5, ok: true }, { name: null, budget_yuan: null, score: null, ok: null }]);
    expect(csv).toBe('\ufeffname,budget_yuan,score,ok\r\n"代表""之家"",联络站\n二行",300300.00,92.5,true\r\n,,,\r\n');
  });
  it('neutralizes text cells a spreadsheet would run as a formula', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR']) {
      const line = toCSV(COLS.slice(0, 1), [{ name: evil }]).split('\r\n')[1];
      expect(line.replace(/^"/, '')).toMatch(/^'/);
    }
    // A negative amount is a number, not a formula.
    expect(toCSV([{ name: 'v', type: 'yuan' }], [{ v: -150n }]).split('\r\n')[1]).toBe('-1.50');
  });
});
