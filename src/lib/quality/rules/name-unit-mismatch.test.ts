import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './name-unit-mismatch';

describe('name-unit-mismatch', () => {
  it('flags a count name with a percent (山海关 “开展社会服务活动次数 ≥90%”) and a rate name with a count', () => {
    expect(checkRow(rule, { level3: '开展社会服务活动次数', target: '≥90%' })?.say).toMatch(/名称是数量/);
    expect(checkRow(rule, { level2: '质量指标', level3: '培训合格率', target: '≥30人' })?.say).toMatch(/名称是比率/);
  });
  it('does not flag a rate with a percent (玉田 “培训参与率 ≥90%”) or a count with a count', () => {
    expect(checkRow(rule, { level2: '质量指标', level3: '培训参与率', target: '≥90%' })).toBeNull();
    expect(checkRow(rule, { level3: '培训人数', target: '≥30人' })).toBeNull();
  });
});
