import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './level-misplaced';

describe('level-misplaced', () => {
  it('flags 乐亭 满意度 block holding “数量指标 开展视察 2次”, satisfaction under 效益, an output count presented as 效益', () => {
    expect(checkRow(rule, { level1: '满意度指标', level2: '数量指标', level3: '开展视察', target: '2次' })?.say).toMatch(/不应放在/);
    expect(checkRow(rule, { level1: '效益指标', level2: '社会效益指标', level3: '群众满意度', target: '≥90%' })?.say).toMatch(/满意度/);
    expect(checkRow(rule, { level1: '效益指标', level2: '社会效益指标', level3: '开展宣传活动', target: '≥4次' })?.say).toMatch(/不是效益/);
  });
  it('does not flag a row in its own block, nor a standard label written another way (项目完成指标 is 产出指标)', () => {
    expect(checkRow(rule, {})).toBeNull();
    expect(checkRow(rule, { level1: '项目完成指标', level1Canonical: '产出指标' })).toBeNull();
  });
});
