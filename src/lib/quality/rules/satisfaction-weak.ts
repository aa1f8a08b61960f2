import { block, isSatisfaction, kind } from '../classify';
import { q, row, target, qEn, rowEn, cap } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Weak satisfaction target: flags when satisfaction not numeric, below the threshold (setting, default 85%), or not under 满意度指标. */
const rule: IndicatorRule = {
  id: 'satisfaction-weak', level: 'indicator', severity: 'minor', source: SOURCES.cy10, cost: { part: 'fit', minus: 10 },
  name: { zh: '满意度指标偏弱', en: 'Weak satisfaction target' },
  checks: {
    zh: '满意度指标没有数值、低于阈值（设置，默认 85%），或不在满意度指标之下。',
    en: 'A satisfaction target that is not numeric, below the threshold (a setting, 85 % by default), or not under 满意度指标.',
  },
  cell: 'target',
  check: (i, _p, _f, s) => {
    if (!isSatisfaction(i)) return null;
    const t = i.target;
    if (t.value == null) return { evidence: target(i), say: `${row(i)}是满意度，指标值${q(t.raw)}不是数值；请改为“≥${s.satisfactionThreshold}%”这样的可测目标。`, en: `${cap(rowEn(i))} is a satisfaction rate whose target ${qEn(t.raw)} is not a number; give a measurable target such as “≥${s.satisfactionThreshold}%”.` };
    if (t.unitClass === 'percent' && t.value < s.satisfactionThreshold) return { evidence: target(i), say: `${row(i)}的满意度目标${q(t.raw)}低于${s.satisfactionThreshold}%；请提高到不低于${s.satisfactionThreshold}%。`, en: `The satisfaction target ${qEn(t.raw)} of ${rowEn(i)} is below ${s.satisfactionThreshold}%; raise it to at least ${s.satisfactionThreshold}%.` };
    if (block(i) !== 'satisfaction' && kind(i) !== 'satisfaction') return { evidence: `${i.level1} / ${i.level2}`, say: `${row(i)}是满意度，却放在${q(i.level1)}${q(i.level2)}下；请移到“满意度指标—服务对象满意度指标”。`, en: `${cap(rowEn(i))} is a satisfaction rate placed under ${qEn(i.level1)} ${qEn(i.level2)}; move it to “满意度指标—服务对象满意度指标” (satisfaction of those served).` };
    return null;
  },
};

export default rule;
