import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../settings';
import { checkRow } from '../fixture';
import rule from './satisfaction-weak';

const SAT = { level1: '满意度指标', level2: '服务对象满意度指标' };

describe('satisfaction-weak', () => {
  it('flags a satisfaction without a number (玉田 “…是否满意 → 满意”), below 85% (乐亭 “群众满意率 ≥80%”), or outside 满意度指标', () => {
    expect(checkRow(rule, { ...SAT, level3: '阅读者是否满意', target: '满意' })?.say).toMatch(/不是数值/);
    expect(checkRow(rule, { ...SAT, level3: '群众满意率', target: '≥80%' })?.say).toMatch(/低于85%/);
    expect(checkRow(rule, { level1: '效益指标', level2: '社会效益指标', level3: '群众满意度', target: '≥90%' })?.say).toMatch(/请移到/);
  });
  it('does not flag 玉田 “培训参与者满意度 ≥90%”, nor any row that is not about satisfaction', () => {
    expect(checkRow(rule, { ...SAT, level3: '培训参与者满意度', target: '≥90%' })).toBeNull();
    expect(checkRow(rule, {})).toBeNull();
  });
  it('reads its threshold from the settings', () => {
    expect(checkRow(rule, { ...SAT, level3: '群众满意率', target: '≥80%' }, {}, { ...DEFAULT_SETTINGS, satisfactionThreshold: 80 })).toBeNull();
  });
});
