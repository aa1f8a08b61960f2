import { block, isSatisfaction, kind } from '../classify';
import { q, row, target, qEn, rowEn, cap } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Implausible direction: flags when 成本 with ≥; a rate ≥ or > 100%; 满意度 with ≤; a deadline with ≥. */
const rule: IndicatorRule = {
  id: 'direction-implausible', level: 'indicator', severity: 'minor', source: SOURCES.cy88, cost: { part: 'fit', minus: 10 },
  name: { zh: '方向不合理', en: 'Implausible direction' },
  checks: {
    zh: '方向不合理：成本用“≥”，比率“≥”或“>”100%，满意度用“≤”，期限用“≥”。',
    en: 'An implausible direction: a cost with ≥, a rate ≥ or > 100 %, satisfaction with ≤, a deadline with ≥.',
  },
  cell: 'target',
  check: (i) => {
    const t = i.target;
    const up = t.op === '≥' || t.op === '>';
    const k = kind(i) ?? (block(i) === 'cost' ? 'cost' : null);
    if (k === 'cost' && up && t.value != null) return { evidence: target(i), say: `${row(i)}是成本指标，却写成“不低于”${q(t.raw)}；成本应设上限（“≤”）。`, en: `${cap(rowEn(i))} is a cost but is written as “at least” ${qEn(t.raw)}; a cost takes a ceiling (“≤”).` };
    if (t.unitClass === 'percent' && t.value != null && (t.value > 100 || (up && t.value >= 100))) {
      return { evidence: target(i), say: `${row(i)}的比率目标${q(t.raw)}不可能超过100%；请改为“=100%”或合理的下限。`, en: `The rate target ${qEn(t.raw)} of ${rowEn(i)} cannot exceed 100%; make it “=100%” or a reasonable floor.` };
    }
    if (isSatisfaction(i) && (t.op === '≤' || t.op === '<')) return { evidence: target(i), say: `${row(i)}是满意度，却设了上限${q(t.raw)}；满意度应设下限（“≥”）。`, en: `${cap(rowEn(i))} is a satisfaction rate but has a ceiling ${qEn(t.raw)}; satisfaction takes a floor (“≥”).` };
    if ((t.date != null || t.unitClass === 'time') && up && k === 'timeliness') return { evidence: target(i), say: `${row(i)}是完成时限，却写成“不早于”${q(t.raw)}；时限应写成“≤”或“…前”。`, en: `${cap(rowEn(i))} is a deadline but is written as “no earlier than” ${qEn(t.raw)}; a deadline is written “≤” or “by …”.` };
    return null;
  },
};

export default rule;
