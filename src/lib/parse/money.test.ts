import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, parseAmount } from './money';

describe('money is exact', () => {
  it.each([
    ['30.03', '万元', '300300.00'],
    ['3.00', '万元', '30000.00'],
    ['5013844.46', '元', '5013844.46'],
    ['1,250.50', '万元', '12505000.00'],
    ['０．５', '万元', '5000.00'],
    ['0.123456', '万元', '1234.56'],
    ['0', '元', '0.00'],
  ] as const)('%s %s is %s 元', (text, unit, yuan) => {
    expect(formatYuan(parseAmount(text, unit)!)).toBe(yuan);
  });

  it('refuses what is not an amount', () => {
    for (const s of ['', '约3万', '3.00万元', 'abc', '1.2.3']) expect(parseAmount(s, '元')).toBeNull();
  });

  it('never goes through binary floating point: any decimal with two places round-trips', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 15n }), (fen) => {
        const text = `${fen / 100n}.${(fen % 100n).toString().padStart(2, '0')}`;
        expect(formatYuan(parseAmount(text, '元')!)).toBe(text);
        expect(parseAmount(text, '万元')).toBe(fen * 10000n);
      }),
    );
  });
});
