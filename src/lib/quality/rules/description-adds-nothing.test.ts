import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './description-adds-nothing';

describe('description-adds-nothing', () => {
  it('flags a description equal to the name (乐亭, all rows), a blank one, and a rate without its denominator', () => {
    expect(checkRow(rule, { level3: '视察次数', description: '视察次数' })?.say).toMatch(/只重复了指标名称/);
    expect(checkRow(rule, { level3: '视察次数', description: '反映视察次数情况' })?.say).toMatch(/只重复了指标名称/);
    expect(checkRow(rule, { level3: '视察次数', description: null })?.say).toMatch(/为空/);
    expect(checkRow(rule, { level2: '质量指标', level3: '代表活动完成率', description: '代表活动完成得好', target: '≥90%' })?.say).toMatch(/分母/);
  });
  it('does not flag 临西 “反映…占计划数的比例”, nor a template without a description column', () => {
    expect(checkRow(rule, { level2: '质量指标', level3: '代表活动完成率', description: '反映代表活动完成数占计划数的比例', target: '≥90%' })).toBeNull();
    expect(checkRow(rule, { level3: '视察次数', description: null }, { columns: ['level1', 'level2', 'level3', 'target', 'basis'] })).toBeNull();
  });
});
