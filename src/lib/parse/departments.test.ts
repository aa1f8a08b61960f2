import { describe, expect, it } from 'vitest';
import { departmentKind } from './departments';
import { SEEDS, seed } from '../../../tests/seeds';
import { departments, counties } from '../../../scripts/synth/model';

describe('departmentKind', () => {
  it('lines up the counties’ spellings of one body (the issue’s 乐亭 and 玉田 人大)', () => {
    expect(departmentKind('乐亭县人大常委会')).toBe('人大常委会');
    expect(departmentKind('玉田县人民代表大会常务委员会本级')).toBe('人大常委会');
    expect(departmentKind('山海关区人大常委会机关')).toBe('人大常委会');
    expect(departmentKind('玉田县 人 大')).toBe('人大常委会');
    expect(departmentKind('临西县卫生健康局')).toBe('卫健委');
    expect(departmentKind('某县卫健委')).toBe('卫健委');
    expect(departmentKind('某县教育和体育局')).toBe('教育局');
    expect(departmentKind('某县政协办公室')).toBe('政协');
  });
  it('keeps bodies whose names overlap apart', () => {
    expect(departmentKind('某县人民政府办公室')).toBe('人民政府');
    expect(departmentKind('某县人民法院')).toBe('人民法院');
    expect(departmentKind('某县司法局')).toBe('司法局');
    expect(departmentKind('某县文化广电和旅游局')).toBe('文旅局');
  });
  it('says nothing of a name it does not know, nor of no name', () => {
    expect(departmentKind('某县档案馆')).toBeNull();
    expect(departmentKind(null)).toBeNull();
    expect(departmentKind('')).toBeNull();
  });
  it('knows every body of the synthetic province', () => {
    const names = departments(counties('13', 1)[0], 16).map((d) => d.name);
    expect(names.filter((n) => departmentKind(n) == null)).toEqual([]);
    expect(new Set(names.map(departmentKind)).size).toBe(16);
  });
  it('knows the body of every seed (all five are 人大常委会, however spelled)', () => {
    const names = SEEDS.map((f) => seed(f.slice(0, 3)).department);
    expect(names.map(departmentKind)).toEqual(names.map(() => '人大常委会'));
  });
});
