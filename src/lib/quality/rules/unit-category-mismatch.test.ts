import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './unit-category-mismatch';

describe('unit-category-mismatch', () => {
  it('flags a count under 成本 (乐亭 “生成决议决定 ≥8项”) and a count under 时效 (山海关 “完成率 … 45人”)', () => {
    expect(checkRow(rule, { level2: '成本指标', level3: '生成决议决定', target: '≥8项' })?.say).toMatch(/金额/);
    expect(checkRow(rule, { level2: '时效指标', level3: '完成率', target: '45人' })?.say).toMatch(/时间或日期/);
  });
  it('does not flag a timeliness rate (临西 “代表活动完成及时率 ≥90%”), money under 成本, a count under 数量', () => {
    expect(checkRow(rule, { level2: '时效指标', level3: '代表活动完成及时率', target: '≥90%' })).toBeNull();
    expect(checkRow(rule, { level2: '成本指标', level3: '项目成本', target: '≤23万元' })).toBeNull();
    expect(checkRow(rule, {})).toBeNull();
  });
});
