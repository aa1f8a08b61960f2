import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './target-contradicts-description';

describe('target-contradicts-description', () => {
  it('flags 山海关 “全部车辆完成续保 → ≥75%”', () => {
    expect(checkRow(rule, { level2: '质量指标', level3: '车辆续保率', description: '全部车辆完成续保', target: '≥75%' })).not.toBeNull();
  });
  it('does not flag 玉田 “培训合格达标率 100%”, nor a lower rate the description does not contradict', () => {
    expect(checkRow(rule, { level2: '质量指标', level3: '培训合格达标率', description: '培训合格人数占全部参训人数的比例', target: '100%' })).toBeNull();
    expect(checkRow(rule, { level2: '质量指标', level3: '车辆续保率', description: '续保车辆占车辆总数的比例', target: '≥75%' })).toBeNull();
  });
});
