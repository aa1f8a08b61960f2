import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { checkProject, indicator } from '../fixture';
import rule from './cost-over-budget';

const cost = (target: string) => [indicator({ level2: '成本指标', level3: '项目成本', target })];

describe('cost-over-budget', () => {
  it('flags 玉田 “≤30.03万元” on a 300,000 元 project (0.1% over: amounts are exact)', () => {
    const hits = checkProject(rule, { indicators: cost('≤30.03万元') });
    expect(hits).toHaveLength(1);
    expect(hits[0].say).toMatch(/300300\.00元/);
  });
  it('does not flag a ceiling at the budget, nor within the settings’ tolerance, nor a project without a budget', () => {
    expect(checkProject(rule, { indicators: cost('≤30万元') })).toEqual([]);
    expect(checkProject(rule, { indicators: cost('≤30.03万元') }, { ...DEFAULT_SETTINGS, costTolerance: 0.005 })).toEqual([]);
    expect(checkProject(rule, { indicators: cost('≤30.03万元'), budget: null })).toEqual([]);
  });
});
