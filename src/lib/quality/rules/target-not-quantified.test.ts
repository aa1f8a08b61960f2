import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './target-not-quantified';

describe('target-not-quantified', () => {
  it('flags vague words without a number: 乐亭 “确保正常运行 … 完成”, 山海关 “经济发展 … 促进经济发展”, a blank target', () => {
    expect(checkRow(rule, { level2: '质量指标', level3: '确保正常运行', target: '完成' })?.say).toMatch(/只有描述性词语/);
    expect(checkRow(rule, { level1: '效益指标', level2: '经济效益指标', level3: '经济发展', target: '促进经济发展' })).not.toBeNull();
    expect(checkRow(rule, { target: null })?.say).toMatch(/未填写/);
  });
  it('does not flag a date, a number, a graded scale, or a target equal to its name (target-incomplete says that)', () => {
    expect(checkRow(rule, { level2: '时效指标', level3: '项目完成时限', target: '≤12月份' })).toBeNull();
    expect(checkRow(rule, { target: '≥95%' })).toBeNull();
    expect(checkRow(rule, { target: '完成', grades: { 优: '≥90%', 良: '≥80%', 中: '≥60%', 差: '60%以下' } })).toBeNull();
    expect(checkRow(rule, { level3: '确保正常运行', target: '确保正常运行' })).toBeNull();
  });
});
