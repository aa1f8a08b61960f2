import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './direction-implausible';

describe('direction-implausible', () => {
  it('flags 成本 with ≥ (山海关 “按总成本控制 ≥100%”), a rate above 100%, 满意度 with ≤, a deadline with ≥', () => {
    expect(checkRow(rule, { level2: '成本指标', level3: '按总成本控制', target: '≥100%' })?.say).toMatch(/成本指标/);
    expect(checkRow(rule, { level2: '质量指标', level3: '验收合格率', target: '120%' })?.say).toMatch(/超过100%/);
    expect(checkRow(rule, { level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', target: '≤90%' })?.say).toMatch(/上限/);
    expect(checkRow(rule, { level2: '时效指标', level3: '完成时间', target: '≥12月底' })?.say).toMatch(/时限/);
  });
  it('does not flag a cost ceiling (临西 “项目成本 ≤23万元”), a rate of 100%, a satisfaction floor', () => {
    expect(checkRow(rule, { level2: '成本指标', level3: '项目成本', target: '≤23万元' })).toBeNull();
    expect(checkRow(rule, { level2: '质量指标', level3: '验收合格率', target: '100%' })).toBeNull();
    expect(checkRow(rule, { level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', target: '≥90%' })).toBeNull();
  });
});
