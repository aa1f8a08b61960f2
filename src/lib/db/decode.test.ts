import { describe, expect, it } from 'vitest';
import { columnsOf, decode, each } from './decode';

const SHAPE = { id: 'text', n: 'int', budget_fen: 'fen?', ok: 'bool', ...each(['a', 'b'] as const, 'double?') } as const;
const good = { id: 'p-1', n: 3, budget_fen: 12_345n, ok: true, a: 1.5, b: null };

describe('decoding a result', () => {
  it('passes rows of the declared shape through as they are', () => {
    const rows = [good, { ...good, budget_fen: null, a: null }];
    expect(decode(SHAPE, rows)).toBe(rows);
    expect(decode(SHAPE, [])).toEqual([]);
  });

  it('names the column that is missing, of another kind, or null where it may not be', () => {
    const { n: _, ...without } = good;
    expect(() => decode(SHAPE, [without])).toThrow('column n: missing from the result (expected int)');
    expect(() => decode(SHAPE, [{ ...good, budget_fen: 123.45 }])).toThrow('column budget_fen: expected fen?, got number');
    expect(() => decode(SHAPE, [{ ...good, n: 2.5 }])).toThrow('column n: expected int, got number');
    expect(() => decode(SHAPE, [good, { ...good, id: null }])).toThrow('column id: expected text, got null');
  });

  it('makes a select list of its columns', () => {
    expect(columnsOf({ finding_id: 'text', line: 'int?' }, 'x')).toBe('x.finding_id, x.line');
  });
});
