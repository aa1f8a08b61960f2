import { describe, expect, it } from 'vitest';
import { tabKey } from './tabs';

describe('tabKey', () => {
  it('moves along the tabs with the arrows, wrapping round', () => {
    expect(tabKey('ArrowRight', 0, 5)).toBe(1);
    expect(tabKey('ArrowRight', 4, 5)).toBe(0);
    expect(tabKey('ArrowLeft', 0, 5)).toBe(4);
    expect(tabKey('ArrowLeft', 3, 5)).toBe(2);
  });
  it('goes to the first and last with Home and End', () => {
    expect(tabKey('Home', 3, 5)).toBe(0);
    expect(tabKey('End', 1, 5)).toBe(4);
  });
  it('leaves every other key to the page; up and down only in a vertical list', () => {
    expect(tabKey('Enter', 2, 5)).toBeNull();
    expect(tabKey('ArrowDown', 2, 5)).toBeNull();
    expect(tabKey('ArrowDown', 2, 5, true)).toBe(3);
    expect(tabKey('ArrowLeft', 2, 5, true)).toBeNull();
  });
});
