import { squash } from '../classify';
import { q, row, qEn, rowEn } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Target contradicts description: flags when description says 全部/所有/100% and the target is a lower %. */
const rule: IndicatorRule = {
  id: 'target-contradicts-description', level: 'indicator', severity: 'minor', source: SOURCES.cy88, cost: { part: 'clear', minus: 10 },
  name: { zh: '指标值与描述矛盾', en: 'Target contradicts description' },
  checks: {
    zh: '描述说“全部”“所有”“100%”，指标值却是更低的百分比。',
    en: 'The description says 全部 / 所有 / 100 % and the target is a lower percent.',
  },
  cell: 'target',
  check: (i) => {
    const t = i.target;
    if (!/全部|所有|100%|百分之百|全覆盖|全额/.test(squash(i.description) + squash(i.level3)) || t.unitClass !== 'percent' || t.value == null || t.value >= 100) return null;
    return { evidence: `${i.description} / ${t.raw}`, say: `${row(i)}的描述要求“全部”，指标值却只有${q(t.raw)}；请统一（目标改为100%，或修改描述）。`, en: `The description of ${rowEn(i)} asks for “all” (全部) but the target is only ${qEn(t.raw)}; make them agree (a target of 100%, or another description).` };
  },
};

export default rule;
