import { formatYuan } from '../../parse/money';
import { q, qEn } from '../phrases';
import { type ProjectRule, type Hit, SOURCES } from '../rule';

/** Budget arithmetic: flags when 预算数 ≠ 财政资金 + 其他资金; a duty heading ≠ sum of its activities. */
const rule: ProjectRule = {
  id: 'budget-arithmetic', level: 'project', severity: 'critical', source: SOURCES.cy10, cost: { funding: 'arithmetic', major: 0, minor: 0 },
  name: { zh: '预算金额不平', en: 'Budget arithmetic' },
  checks: {
    zh: '预算数不等于财政资金与其他资金之和；职责的预算数不等于其下各项活动之和。',
    en: '预算数 ≠ 财政资金 + 其他资金; a duty heading’s budget ≠ the sum of its activities.',
  },
  check: (p, f) => {
    const hits: Hit[] = [];
    if (p.budget != null && p.fiscal != null) {
      const sum = p.fiscal + (p.other ?? 0n);
      if (sum !== p.budget) hits.push({ evidence: `${formatYuan(p.budget)} ≠ ${formatYuan(p.fiscal)} + ${formatYuan(p.other ?? (0n as typeof p.budget))}`, say: `项目${q(p.name)}的预算数${formatYuan(p.budget)}元不等于财政资金${formatYuan(p.fiscal)}元与其他资金之和${formatYuan(sum as typeof p.budget)}元；请核对金额。`, en: `Project ${qEn(p.name)}: the budget of ${formatYuan(p.budget)} yuan is not the fiscal funds of ${formatYuan(p.fiscal)} yuan plus the other funds, ${formatYuan(sum as typeof p.budget)} yuan; check the amounts.` });
    }
    // A duty heading's budget against the sum of its activities (checked once, on the first activity).
    if (p.kind === 'activity' && p.category && p.categoryBudget != null) {
      const siblings = f.projects.filter((x) => x.kind === 'activity' && x.category === p.category);
      if (siblings[0] === p && siblings.every((x) => x.budget != null)) {
        const sum = siblings.reduce((a, x) => a + x.budget!, 0n);
        if (sum !== p.categoryBudget) hits.push({ evidence: `${formatYuan(p.categoryBudget)} ≠ ${siblings.map((x) => formatYuan(x.budget!)).join(' + ')}`, say: `职责${q(p.category)}的年度预算数${formatYuan(p.categoryBudget)}元不等于其下各项活动之和${formatYuan(sum as typeof p.budget & bigint)}元；请核对，避免重复或遗漏。`, en: `Duty ${qEn(p.category)}: the year’s budget of ${formatYuan(p.categoryBudget)} yuan is not the sum of its activities, ${formatYuan(sum as typeof p.budget & bigint)} yuan; check for anything counted twice or left out.` });
      }
    }
    return hits;
  },
};

export default rule;
