import { describe, expect, it } from 'vitest';
import { CLEAN, checkProject } from '../fixture';
import rule from './framework-incomplete';

describe('framework-incomplete', () => {
  it('flags each missing block or 产出 kind (乐亭 代表视察与监督经费 has no 成本)', () => {
    const noCost = CLEAN.indicators.filter((i) => i.level2 !== '成本指标');
    expect(checkProject(rule, { indicators: noCost }).map((h) => h.evidence)).toEqual(['成本指标']);
    const noSatisfaction = CLEAN.indicators.filter((i) => i.level1 !== '满意度指标');
    expect(checkProject(rule, { indicators: noSatisfaction }).map((h) => h.evidence)).toEqual(['满意度指标']);
  });
  it('does not flag a full framework, 101号’s first-level 成本, nor a duty activity', () => {
    expect(checkProject(rule)).toEqual([]);
    const firstLevelCost = CLEAN.indicators.map((i) => (i.level2 === '成本指标' ? { ...i, level1: '成本指标', level2: '经济成本指标' } : i));
    expect(checkProject(rule, { indicators: firstLevelCost })).toEqual([]);
    expect(checkProject(rule, { kind: 'activity', indicators: CLEAN.indicators.slice(0, 1) })).toEqual([]);
  });
});
