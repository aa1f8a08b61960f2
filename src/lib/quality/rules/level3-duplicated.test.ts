import { describe, expect, it } from 'vitest';
import { CLEAN, checkProject, indicator } from '../fixture';
import rule from './level3-duplicated';

describe('level3-duplicated', () => {
  it('flags the same 三级指标 twice and one non-percent target stamped on three rows (乐亭 智慧人大 “确保正常运行” × 7)', () => {
    const twice = [indicator({ level3: '确保正常运行', target: '完成' }), indicator({ level2: '质量指标', level3: '确保正常运行', target: '完成' })];
    expect(checkProject(rule, { indicators: twice })).toHaveLength(1);
    const stamped = ['系统运行', '网络维护', '设备保养'].map((level3) => indicator({ level3, target: '完成' }));
    expect(checkProject(rule, { indicators: stamped })[0].evidence).toBe('完成 × 3');
  });
  it('does not flag distinct rows, nor the same percent threshold on different rates (临西)', () => {
    expect(checkProject(rule, { indicators: CLEAN.indicators })).toEqual([]);
    const rates = ['验收合格率', '培训覆盖率', '资料归档率'].map((level3) => indicator({ level2: '质量指标', level3, target: '≥90%' }));
    expect(checkProject(rule, { indicators: rates })).toEqual([]);
  });
});
