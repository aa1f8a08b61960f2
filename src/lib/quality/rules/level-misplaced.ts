import { ALLOWED, block, isSatisfaction, kind, squash } from '../classify';
import { q, row, target, qEn, rowEn, cap } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Misplaced level: flags when level2 not allowed under its level1; satisfaction wording under 效益; an output count (开展/召开/组织 + 次/项) presented as 效益. */
const rule: IndicatorRule = {
  id: 'level-misplaced', level: 'indicator', severity: 'major', source: SOURCES.cy88, cost: { part: 'clear', to: 0 },
  name: { zh: '指标层级错位', en: 'Misplaced level' },
  checks: {
    zh: '二级指标不属于其一级指标；满意度措辞放在效益指标下；产出的次数、项数（开展、召开、组织）当作效益。',
    en: 'The second level is not allowed under its first; satisfaction wording under 效益; an output count (开展 / 召开 / 组织 + 次 / 项) presented as an effect.',
  },
  cell: 'level2',
  check: (i) => {
    const b = block(i);
    const k = kind(i);
    if (b && k && !ALLOWED[b].includes(k)) return { evidence: `${i.level1} / ${i.level2}`, say: `${row(i)}的二级指标${q(i.level2)}不应放在${q(i.level1)}下；请移到对应的一级指标。`, en: `The level 2 ${qEn(i.level2)} of ${rowEn(i)} does not belong under ${qEn(i.level1)}; move it to its own level 1.` };
    if (b === 'effect' && k !== 'satisfaction' && isSatisfaction(i)) return { evidence: `${i.level2} / ${i.level3}`, say: `${row(i)}是满意度，却作为${q(i.level2)}；请移到“满意度指标”。`, en: `${cap(rowEn(i))} is a satisfaction rate filed as ${qEn(i.level2)}; move it to “满意度指标” (satisfaction).` };
    if (b === 'effect' && /^(?:开展|召开|组织|举办)/.test(squash(i.level3)) && i.target.unitClass === 'count') {
      return { evidence: `${i.level3} ${target(i)}`, say: `${row(i)}是产出数量（${q(i.target.raw)}），不是效益；请移到“产出指标—数量指标”，并另设反映效果的效益指标。`, en: `${cap(rowEn(i))} is an output count (${qEn(i.target.raw)}), not an effect; move it to “产出指标—数量指标” (output quantity) and add an effect indicator that shows the result.` };
    }
    return null;
  },
};

export default rule;
