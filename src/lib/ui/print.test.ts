import { describe, expect, it } from 'vitest';
import { cssString, pageMargins, printDate } from './print';

describe('print margins', () => {
  it('a CSS string holds any text as text: quotes, backslashes, line breaks cannot end it', () => {
    expect(cssString('玉田县')).toBe('"玉田县"');
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('x\n}\u2028@import "y";')).toBe('"x\\a }\\2028 @import \\"y\\";"');
  });

  it('the date is the local day, zero-padded', () => {
    expect(printDate(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });

  it('names the document top left and the day bottom right of every page', () => {
    const css = pageMargins('审核意见 · "x"', '打印日期 2025-01-05');
    expect(css).toContain('@top-left { content: "审核意见 · \\"x\\""; }');
    expect(css).toContain('@bottom-right { content: "打印日期 2025-01-05"; }');
  });
});
