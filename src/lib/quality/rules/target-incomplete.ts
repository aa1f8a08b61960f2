import { isRateName, nameOf, squash } from '../classify';
import { q, row, target, qEn, rowEn } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Target incomplete: flags when a number without a unit the name does not imply, a bare unit, or a target equal to the name. */
const rule: IndicatorRule = {
  id: 'target-incomplete', level: 'indicator', severity: 'major', source: SOURCES.cy101, cost: { part: 'measurable', to: 20 },
  name: { zh: '指标值不完整', en: 'Target incomplete' },
  checks: {
    zh: '指标值有数字却缺单位（名称也看不出单位），只有单位，或指标值与指标名称相同。',
    en: 'A number without a unit the name does not imply, a bare unit, or a target equal to the indicator’s name.',
  },
  cell: 'target',
  check: (i) => {
    const t = i.target;
    if (t.raw != null && squash(t.raw) === squash(i.level3) && !t.quantitative) {
      return { evidence: target(i), say: `${row(i)}的指标值与指标名称相同，没有给出目标；请填写具体数值和单位。`, en: `The target of ${rowEn(i)} is its name again and sets no target; give a value and its unit.` };
    }
    if (t.value == null && t.unit != null) {
      return { evidence: target(i), say: `${row(i)}的指标值只有单位${q(t.raw)}，缺少数值；请补上目标值（如“≥90%”）。`, en: `The target of ${rowEn(i)} is a unit alone, ${qEn(t.raw)}, without a value; add the value (e.g. “≥90%”).` };
    }
    // A number without a unit, unless the name implies one (a rate implies %, an index none).
    if (t.value != null && t.unit == null && t.date == null && !isRateName(nameOf(i)) && !/(指数|系数|得分|分值)$/.test(nameOf(i))) {
      return { evidence: target(i), say: `${row(i)}的指标值${q(t.raw)}只有数字没有单位；请写明计量单位（如“人次”“项”“%”）。`, en: `The target ${qEn(t.raw)} of ${rowEn(i)} is a number without a unit; give its unit (e.g. “人次”, “项”, “%”).` };
    }
    return null;
  },
};

export default rule;
