import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './target-incomplete';

describe('target-incomplete', () => {
  it('flags a bare unit (山海关 “群众满意度 … %”), a number without a unit (玉田 “…参观学习人次 … 200”), a target equal to the name', () => {
    expect(checkRow(rule, { level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', target: '%' })?.say).toMatch(/只有单位/);
    expect(checkRow(rule, { level3: '爱国主义教育基地参观学习人次', target: '200' })?.say).toMatch(/只有数字没有单位/);
    expect(checkRow(rule, { level3: '确保正常运行', target: '确保正常运行' })?.say).toMatch(/与指标名称相同/);
  });
  it('does not flag 乐亭 “100百分比” (= 100%), a number whose name implies its unit, or a full target', () => {
    expect(checkRow(rule, { level3: '代表工作经费保障', target: '100百分比' })).toBeNull();
    expect(checkRow(rule, { level2: '质量指标', level3: '验收合格率', target: '100' })).toBeNull();
    expect(checkRow(rule, { level3: '满意度指数', target: '90' })).toBeNull();
    expect(checkRow(rule, {})).toBeNull();
  });
});
