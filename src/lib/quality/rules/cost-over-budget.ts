import { formatYuan, yuanToNumber } from '../../parse/money';
import { block, kind } from '../classify';
import { q, row, qEn, rowEn } from '../phrases';
import { type ProjectRule, SOURCES } from '../rule';

/** Cost over budget: flags when ≤-money cost targets exceed 预算数 (beyond the settings’ costTolerance: 0 by default, amounts being exact). */
const rule: ProjectRule = {
  id: 'cost-over-budget', level: 'project', severity: 'critical', source: SOURCES.cy101, cost: { project: 15, cap: 15 },
  name: { zh: '成本超预算', en: 'Cost over budget' },
  checks: {
    zh: '“≤金额”的成本指标超过了项目预算数（容差为设置 costTolerance，默认 0：金额精确到分）。',
    en: 'A ≤-money cost target exceeds the project’s 预算数 (beyond the costTolerance setting, 0 by default: amounts are exact to the fen).',
  },
  cell: 'target',
  check: (p, _f, s) => {
    if (p.budget == null || p.budget <= 0n) return [];
    return p.indicators.flatMap((i) => {
      const k = kind(i) ?? (block(i) === 'cost' ? 'cost' : null);
      const t = i.target;
      if (k !== 'cost' || t.yuan == null || (t.op !== '≤' && t.op !== '<' && t.op != null)) return [];
      const over = yuanToNumber(t.yuan) / yuanToNumber(p.budget!) - 1;
      if (over <= s.costTolerance) return [];
      return [{ indicator: i.ordinal, evidence: `${t.raw} > 预算数 ${formatYuan(p.budget!)}元`, say: `项目${q(p.name)}${row(i)}的成本上限${q(t.raw)}（${formatYuan(t.yuan)}元）超过了预算数${formatYuan(p.budget!)}元；成本目标不能高于预算，请核对。`, en: `Project ${qEn(p.name)}, ${rowEn(i)}: the cost ceiling ${qEn(t.raw)} (${formatYuan(t.yuan)} yuan) exceeds the budget of ${formatYuan(p.budget!)} yuan; a cost target cannot be above the budget, check it.` }];
    });
  },
};

export default rule;
