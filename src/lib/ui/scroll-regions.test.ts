import { describe, expect, it } from 'vitest';
import { overflow } from './scroll-regions';

describe('overflow', () => {
  it('says which ways content is larger than its box, past a pixel of rounding', () => {
    expect(overflow({ scrollWidth: 900, clientWidth: 360, scrollHeight: 200, clientHeight: 200 })).toBe('x');
    expect(overflow({ scrollWidth: 361, clientWidth: 360, scrollHeight: 900, clientHeight: 320 })).toBe('y');
    expect(overflow({ scrollWidth: 900, clientWidth: 360, scrollHeight: 900, clientHeight: 320 })).toBe('x y');
    expect(overflow({ scrollWidth: 360, clientWidth: 360, scrollHeight: 320, clientHeight: 320 })).toBe('');
  });
});
