import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, readCsv, readCsvRecords } from '../../../tests/readback';
import { toCSV } from './csv';
import type { Cell, Column, Row } from './schema';

const COLS: Column[] = [{ name: 'name', type: 'text' }, { name: 'budget_yuan', type: 'yuan' }, { name: 'score', type: 'double' }, { name: 'ok', type: 'bool' }];

/** Fen as the decimal a reader must find, by bigint arithmetic of its own. */
function decimal(fen: bigint): string {
  const abs = fen < 0n ? -fen : fen;
  return `${fen < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}
const expected = (c: Column, v: Cell) => (c.type === 'yuan' && v != null ? decimal(v as bigint) : csvCell(v));

/** Text that has broken CSV writers: separators, quotes, every line break, formula signs, astral and GB18030-only characters. */
const HOSTILE = ['', ',', '"', "'", '\n', '\r', '\r\n', '\t', '\u2028', '\u2029', '=', '+', '-', '@', '＝', '＋', '－', '＠', '😀', '𠮷', '䶮', '㈠', '€', 'HYPERLINK("x")', ' ', '代表之家', 'a'];
const text = fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((parts) => parts.join(''));
const cell: Record<Column['type'], fc.Arbitrary<Cell>> = {
  text: fc.option(text),
  yuan: fc.option(fc.bigInt({ min: -(10n ** 18n) + 1n, max: 10n ** 18n - 1n })),
  double: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true })),
  int: fc.option(fc.integer()),
  bool: fc.option(fc.boolean()),
};

describe('CSV', () => {
  it('starts with a BOM, has a header, quotes per RFC 4180, keeps numbers numeric and amounts exact', () => {
    const csv = toCSV(COLS, [{ name: '代表"之家",联络站\n二行', budget_yuan: 30030000n, score: 92.5, ok: true }, { name: null, budget_yuan: null, score: null, ok: null }]);
    expect(csv).toBe('\ufeffname,budget_yuan,score,ok\r\n"代表""之家"",联络站\n二行",300300.00,92.5,true\r\n,,,\r\n');
  });

  it('quotes a field holding a bare LF or CR, which CRLF records would otherwise split', () => {
    expect(toCSV(COLS.slice(0, 1), [{ name: '第一行\n第二行' }, { name: '回车\r在中间' }])).toBe('\ufeffname\r\n"第一行\n第二行"\r\n"回车\r在中间"\r\n');
  });

  it('neutralizes text cells a spreadsheet would run as a formula, full-width signs too', () => {
    for (const evil of ['=HYPERLINK("http://x")', '+1', '-2+3', '@SUM(A1)', '\tTAB', '\rCR', '＝HYPERLINK("x")', '＋SUM(A1)', '－1', '＠A1']) {
      const back = readCsvRecords(toCSV(COLS.slice(0, 1), [{ name: evil }]));
      expect(back[0].name).toBe(`'${evil}`);
    }
    // A negative amount is a number, not a formula.
    expect(toCSV([{ name: 'v', type: 'yuan' }], [{ v: -150n }]).split('\r\n')[1]).toBe('-1.50');
  });

  it('reads back through an independent RFC 4180 parser cell for cell, whatever the text holds', () => {
    const cols: Column[] = (['text', 'yuan', 'double', 'int', 'bool', 'text'] as const).map((type, k) => ({ name: `c${k}`, type }));
    const rows = fc.array(fc.tuple(...cols.map((c) => cell[c.type])), { maxLength: 6 });
    fc.assert(
      fc.property(rows, (tuples) => {
        const data: Row[] = tuples.map((t) => Object.fromEntries(cols.map((c, k) => [c.name, t[k]])));
        const back = readCsv(toCSV(cols, data));
        expect(back).toEqual([cols.map((c) => c.name), ...data.map((r) => cols.map((c) => expected(c, r[c.name])))]);
      }),
      { numRuns: 400 },
    );
  });
});
