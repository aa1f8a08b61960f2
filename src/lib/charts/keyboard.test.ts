import { describe, expect, it } from 'vitest';
import { stepItem, type KeyItem } from './keyboard';

// A heatmap with a hole: row 0 has columns 0, 1, 2; row 1 only column 2; row 3 columns 0 and 1.
const at = (row: number, col: number): KeyItem => ({ row, col, seriesIndex: 0, dataIndex: 0, label: `${row},${col}` });
const items = [at(0, 0), at(0, 1), at(0, 2), at(1, 2), at(3, 0), at(3, 1)];
const go = (from: number, key: string) => {
  const i = stepItem(items, from, key);
  return i == null ? null : items[i].label;
};

describe('stepItem', () => {
  it('moves along a row and stops at its ends', () => {
    expect(go(0, 'ArrowRight')).toBe('0,1');
    expect(go(2, 'ArrowRight')).toBe('0,2');
    expect(go(1, 'ArrowLeft')).toBe('0,0');
    expect(go(1, 'End')).toBe('0,2');
    expect(go(2, 'Home')).toBe('0,0');
  });
  it('moves to the next row that has items, to the nearest column', () => {
    expect(go(0, 'ArrowDown')).toBe('1,2');
    expect(go(3, 'ArrowDown')).toBe('3,1');
    expect(go(4, 'ArrowUp')).toBe('1,2');
    expect(go(0, 'ArrowUp')).toBe('0,0');
  });
  it('leaves other keys alone', () => {
    expect(go(0, 'Enter')).toBeNull();
    expect(go(0, 'a')).toBeNull();
  });
});
