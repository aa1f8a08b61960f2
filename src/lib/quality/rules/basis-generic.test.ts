import { describe, expect, it } from 'vitest';
import { checkRow } from '../fixture';
import rule from './basis-generic';

describe('basis-generic', () => {
  it('flags 山海关 “年度工作计划”, a basis that is the row’s own name, and none', () => {
    expect(checkRow(rule, { basis: '年度工作计划' })?.say).toMatch(/过于笼统/);
    expect(checkRow(rule, { basis: '受助学生人数' })?.say).toMatch(/只重复了指标名称/);
    expect(checkRow(rule, { basis: null })?.say).toMatch(/没有填写/);
  });
  it('does not flag 临西 “邢办发[2017]16号《…》”, a plan with its year, nor a template without a 依据 column', () => {
    expect(checkRow(rule, { basis: '邢办发[2017]16号《关于加强代表之家建设的意见》' })).toBeNull();
    expect(checkRow(rule, { basis: '2024年全县学生资助工作计划' })).toBeNull();
    expect(checkRow(rule, { basis: null }, { columns: ['level1', 'level2', 'level3', 'description', 'target'] })).toBeNull();
  });
});
