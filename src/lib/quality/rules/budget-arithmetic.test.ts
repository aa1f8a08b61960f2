import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../parse/money';
import { DEFAULT_SETTINGS } from '../settings';
import { CLEAN, filing, indicator, project } from '../fixture';
import rule from './budget-arithmetic';

const yuan = (s: string) => parseAmount(s, '元');
const hits = (...projects: Parameters<typeof project>[0][]) => {
  const f = filing(projects.map(project));
  return f.projects.flatMap((p) => rule.check(p, f, DEFAULT_SETTINGS));
};

describe('budget-arithmetic', () => {
  it('flags 预算数 ≠ 财政资金 + 其他资金, and a duty heading ≠ the sum of its activities (none in the seeds: made-up rows)', () => {
    expect(hits({ indicators: CLEAN.indicators, fiscal: yuan('200000.00'), other: yuan('50000.00') })).toHaveLength(1);
    const act = (budget: string) => ({ kind: 'activity' as const, category: '代表工作', categoryBudget: yuan('100000.00'), budget: yuan(budget), fiscal: null, indicators: [indicator()] });
    expect(hits(act('60000.00'), act('30000.00'))[0].say).toMatch(/职责“代表工作”/);
  });
  it('does not flag sums that add up', () => {
    expect(hits({ indicators: CLEAN.indicators, fiscal: yuan('250000.00'), other: yuan('50000.00') })).toEqual([]);
    const act = (budget: string) => ({ kind: 'activity' as const, category: '代表工作', categoryBudget: yuan('100000.00'), budget: yuan(budget), fiscal: null, indicators: [indicator()] });
    expect(hits(act('60000.00'), act('40000.00'))).toEqual([]);
  });
});
