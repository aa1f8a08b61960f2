import { describe, expect, it } from 'vitest';
import { escapeHtml, groupedDecimal, wan, yuan } from './format';

describe('money', () => {
  it('formats exact fen as 万元 and 元 with thousands separators', () => {
    expect(wan(30030000n)).toBe('30.03'); // 300300.00 元
    expect(wan(501384446n)).toBe('501.38');
    expect(wan(920190446n)).toBe('920.19');
    expect(wan(123456789012345n)).toBe('123,456,789.01');
    expect(wan(-5000n)).toBe('-0.01');
    expect(wan(null)).toBe('—');
    expect(yuan(501384446n)).toBe('5,013,844.46');
    expect(yuan(5n)).toBe('0.05');
  });

  it('rounds half away from zero, by integer arithmetic', () => {
    expect(wan(5000n)).toBe('0.01');
    expect(wan(4999n)).toBe('0.00');
    expect(wan(99995000n)).toBe('100.00');
  });

  it('groups the decimal text of a table amount without touching its digits', () => {
    expect(groupedDecimal('1234567.80')).toBe('1,234,567.80');
    expect(groupedDecimal('-1234567.89')).toBe('-1,234,567.89');
    expect(groupedDecimal('999.00')).toBe('999.00');
    expect(groupedDecimal('12345678901234567.01')).toBe('12,345,678,901,234,567.01');
  });
});

describe('escaping', () => {
  it('escapes everything that could open markup in a tooltip', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)>')).toBe('&#60;img src=x onerror=alert(1)&#62;');
    expect(escapeHtml(`"'&\``)).toBe('&#34;&#39;&#38;&#96;');
  });
});
