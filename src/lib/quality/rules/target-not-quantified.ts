import { squash, VAGUE } from '../classify';
import { q, row, target, qEn, rowEn } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Target not quantified: flags when no number and only vague words (完成, 促进, 提升, 有效, 满意, 如期, 正常运行 …); a graded scale or a date counts as quantified. */
const rule: IndicatorRule = {
  id: 'target-not-quantified', level: 'indicator', severity: 'major', source: SOURCES.cy101, cost: { part: 'measurable', to: 0 },
  name: { zh: '指标值未量化', en: 'Target not quantified' },
  checks: {
    zh: '指标值没有数字，只有“完成”“促进”“有效”“正常运行”等笼统词语；分级标准或日期算作量化。',
    en: 'The target has no number, only vague words (完成, 促进, 有效, 正常运行 …); a graded scale or a date counts as quantified.',
  },
  cell: 'target',
  check: (i) => {
    const t = i.target;
    if (t.quantitative || t.value != null || t.unit != null || (i.grades && Object.keys(i.grades).length > 0)) return null;
    if (t.raw != null && squash(t.raw) === squash(i.level3)) return null; // target-incomplete says it
    const vague = t.raw == null ? ['未填写', 'is not filled in'] : VAGUE.test(t.raw) ? ['只有描述性词语', 'holds only descriptive words'] : ['没有数字', 'has no number'];
    return {
      evidence: target(i),
      say: `${row(i)}的指标值${q(t.raw)}${vague[0]}，年底无法核对是否达成；请改为可度量的值（如“≥95%”“≥12次”“12月底前”）。`,
      en: `The target ${qEn(t.raw)} of ${rowEn(i)} ${vague[1]}: at the year’s end nobody can check it was met; give a measurable value (e.g. “≥95%”, “≥12次”, “12月底前”).`,
    };
  },
};

export default rule;
