import { describe, expect, it } from 'vitest';
import { checkCorpus, filing, indicator, project } from '../fixture';
import { DEFAULT_SETTINGS } from '../settings';
import rule from './repeated-yearly';

const rows = (...targets: string[]) => targets.map((target, k) => indicator({ level3: `指标${k + 1}`, target }));
const year = (y: number, targets: string[], over = {}) => filing([project({ indicators: rows(...targets) })], { id: `f${y}`, year: y, ...over });

describe('repeated-yearly', () => {
  it('flags rows repeated word for word from the body’s filing of the year before, info when the project changed', () => {
    const hits = checkCorpus(rule, [year(2022, ['≥4次', '≥10人']), year(2023, ['≥4次', '≥12人'])]);
    expect(hits.map((h) => [h.filing, h.indicator, h.severity])).toEqual([['f2023', 1, 'info']]);
    expect(hits[0].say).toContain('与本单位2022年的文件一字不差');
  });
  it('is minor on a project copied whole (settings.repeatedYearly.minorShare: 100), each year after the first', () => {
    const hits = checkCorpus(rule, [year(2022, ['≥4次', '≥10人']), year(2023, ['≥4次', '≥10人']), year(2024, ['≥4次', '≥10人'])]);
    expect(hits.map((h) => [h.filing, h.severity])).toEqual([['f2023', 'minor'], ['f2023', 'minor'], ['f2024', 'minor'], ['f2024', 'minor']]);
    const lenient = checkCorpus(rule, [year(2022, ['≥4次']), year(2023, ['≥4次'])], { ...DEFAULT_SETTINGS, repeatedYearly: { minorShare: 101 } });
    expect(lenient.map((h) => h.severity)).toEqual(['info']);
  });
  it('does not compare other bodies, other counties, two years apart, or the standard satisfaction rows', () => {
    expect(checkCorpus(rule, [year(2022, ['≥4次']), year(2023, ['≥4次'], { department: '测试县民政局' })])).toEqual([]);
    expect(checkCorpus(rule, [year(2022, ['≥4次']), year(2023, ['≥4次'], { county: '别的县' })])).toEqual([]);
    expect(checkCorpus(rule, [year(2021, ['≥4次']), year(2023, ['≥4次'])])).toEqual([]);
    const sat = (y: number) => filing([project({ indicators: [indicator({ level1: '满意度指标', level2: '服务对象满意度指标', level3: '群众满意度', target: '≥90%' })] })], { id: `s${y}`, year: y });
    expect(checkCorpus(rule, [sat(2022), sat(2023)])).toEqual([]);
  });
});
