import { hasColumn, isRateName, squash } from '../classify';
import { row, rowEn, cap } from '../phrases';
import { type IndicatorRule, SOURCES } from '../rule';

/** Description adds nothing: flags when description equals or contains only the name, or a 率 without its denominator (占, 比例, /). */
const rule: IndicatorRule = {
  id: 'description-adds-nothing', level: 'indicator', severity: 'minor', source: SOURCES.cy88, cost: { part: 'clear', to: 0 },
  name: { zh: '描述无新增信息', en: 'Description adds nothing' },
  checks: {
    zh: '指标描述与名称相同或只重复名称，或比率没有说明分母（占、比例、/）。',
    en: 'The description equals or only repeats the name, or a rate has no denominator (占, 比例, /).',
  },
  cell: 'description',
  check: (i, p) => {
    if (!hasColumn(p, 'description')) return null;
    const d = squash(i.description);
    const n = squash(i.level3);
    if (n === '' && d === '') return null;
    if (d === '' || d === n || (n !== '' && d.replace(n, '').replace(/^(?:反映|反应)|情况$/g, '').length <= 1)) {
      return { evidence: i.description ?? '', say: `${row(i)}的指标描述${d === '' ? '为空' : '只重复了指标名称'}；请说明衡量什么、怎样计算（如“已完成数占计划数的比例”）。`, en: `The description of ${rowEn(i)} ${d === '' ? 'is empty' : 'only repeats the indicator’s name'}; say what it measures and how it is computed (e.g. “the share of the planned number completed”).` };
    }
    if (isRateName(n) && !/占|比例|比率|比重|\/|除以|与.{1,12}之比|百分比/.test(d)) {
      return { evidence: i.description ?? '', say: `${row(i)}是比率，描述却没有写分母；请写明“…占…的比例”。`, en: `${cap(rowEn(i))} is a rate but its description names no denominator; write it as “the share of … in …”.` };
    }
    return null;
  },
};

export default rule;
