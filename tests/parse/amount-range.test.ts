import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFiling } from '../../src/lib/parse';
import { fitsTables, MAX_FEN, parseAmount } from '../../src/lib/parse/money';
import { OUT_OF_RANGE } from '../../src/lib/parse/overflow';
import { fromArrowIPC, toArrowIPC } from '../../src/lib/tables';
import { seedBytes } from '../seeds';

/** Amounts at and past what DECIMAL(18,2) holds: exact below, refused at and beyond, never another number. */
const SEED_003 = new TextDecoder().decode(seedBytes('003'));
/** Project 1's 预算数 line of seed 003 (万元). */
const BUDGET_LINE = 126;

describe('amounts past DECIMAL(18,2)', () => {
  it('the limit is 10^16 yuan: 9999999999999999.99 fits, 10000000000000000.00 does not', () => {
    expect(fitsTables(parseAmount('9999999999999999.99', '元')!)).toBe(true);
    expect(fitsTables(parseAmount('10000000000000000.00', '元')!)).toBe(false);
    expect(fitsTables(parseAmount('-9999999999999999.99', '元')!)).toBe(true);
    expect(fitsTables(parseAmount('1000000000000', '万元')!)).toBe(false);
  });

  it('Arrow keeps any amount that fits exactly, and refuses one that does not rather than wrap it', () => {
    const cols = [{ name: 'v', type: 'yuan' }] as const;
    fc.assert(
      fc.property(fc.bigInt({ min: -(MAX_FEN * 1000n), max: MAX_FEN * 1000n }), (v) => {
        if (fitsTables(v)) expect(fromArrowIPC(toArrowIPC(cols, [{ v }]))[0].v).toBe(v);
        else expect(() => toArrowIPC(cols, [{ v }])).toThrow(RangeError);
      }),
      { numRuns: 500 },
    );
  });

  it('a budget written with any number of digits is read exactly or refused with a finding on its line', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{0,23}(\.\d{1,2})?$/), (written) => {
        const lines = SEED_003.split('\n');
        lines[BUDGET_LINE - 1] = `预算数 ${written}`;
        const r = parseFiling(new TextEncoder().encode(lines.join('\n')), 'amount.txt');
        if (!r.ok) throw new Error(r.rejection.found);
        const fen = parseAmount(written, '万元')!;
        const refused = r.filing.findings.filter((x) => x.rule === OUT_OF_RANGE);
        if (fitsTables(fen)) {
          expect(r.filing.projects[0].budget).toBe(fen);
          expect(refused).toEqual([]);
        } else {
          expect(r.filing.projects[0].budget).toBeNull();
          expect(refused.map((x) => [x.line, x.project, x.severity])).toEqual([[BUDGET_LINE, 1, 'critical']]);
        }
      }),
      { numRuns: 300 },
    );
  });
});
