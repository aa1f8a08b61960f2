import { describe, expect, it } from 'vitest';
import { CLEAN, checkFiling, indicator, project } from '../fixture';
import rule from './copy-paste-across-projects';

const stock = indicator({ level1: '效益指标', level2: '社会效益指标', level3: '社会稳定水平', target: '促进社会稳定' });

describe('copy-paste-across-projects', () => {
  it('flags the same (level2, level3, target) in two projects (山海关 “社会稳定水平 … 促进社会稳定”), once per row', () => {
    expect(checkFiling(rule, [project({ indicators: [stock] }), project({ name: '另一个项目', indicators: [stock] })])).toHaveLength(2);
  });
  it('does not flag it within one project, nor the standard satisfaction rows', () => {
    expect(checkFiling(rule, [project({ indicators: [stock, { ...stock }] })])).toEqual([]);
    const satisfied = CLEAN.indicators.filter((i) => i.level1 === '满意度指标');
    expect(checkFiling(rule, [project({ indicators: satisfied }), project({ name: '另一个项目', indicators: satisfied })])).toEqual([]);
  });
});
