import { formatYuan } from '../../parse/money';
import { squash } from '../classify';
import { q, row, sameTarget, qEn, rowEn } from '../phrases';
import { type ProjectRule, type Hit, SOURCES } from '../rule';

/** Narrative and table disagree: flags when the part-1 paragraph and the table disagree on schedule, a target or the indicator count. */
const rule: ProjectRule = {
  id: 'narrative-table-inconsistent', level: 'project', severity: 'minor', source: SOURCES.cy88, cost: { project: 2, cap: 6 },
  name: { zh: '文字与表格不一致', en: 'Narrative and table disagree' },
  checks: {
    zh: '第一部分文字说明与表格在支出计划、指标值或指标数量上不一致。',
    en: 'The part-1 paragraph and the table disagree on the spending plan, a target or the number of indicators.',
  },
  check: (p) => {
    const n = p.narrative;
    if (!n || n.span.first === p.span.first) return [];
    const hits: Hit[] = [];
    const plan = (xs: typeof p.schedule, blank = '空') => xs.map((x) => (x.pct == null ? blank : `${x.pct}%`)).join('/');
    if (n.schedule.length === 4 && p.schedule.length === 4 && n.schedule.some((x, k) => x.pct !== p.schedule[k].pct)) {
      hits.push({ evidence: `文字 ${plan(n.schedule)}；表格 ${plan(p.schedule)}`, say: `项目${q(p.name)}第一部分文字写的支出进度（${plan(n.schedule)}）与绩效目标表（${plan(p.schedule)}）不一致；请统一。`, en: `Project ${qEn(p.name)}: the spending plan in part 1’s text (${plan(n.schedule, 'blank')}) differs from the target table’s (${plan(p.schedule, 'blank')}); make them one.` });
    }
    if (n.budget != null && p.budget != null && n.budget !== p.budget) {
      hits.push({ evidence: `${formatYuan(n.budget)} / ${formatYuan(p.budget)}`, say: `项目${q(p.name)}文字中的预算${formatYuan(n.budget)}元与表格预算数${formatYuan(p.budget)}元不一致；请统一。`, en: `Project ${qEn(p.name)}: the budget in the text, ${formatYuan(n.budget)} yuan, differs from the table’s, ${formatYuan(p.budget)} yuan; make them one.` });
    }
    const claimed = n.claimedIndicatorCount;
    if (claimed != null && claimed !== p.indicators.length) {
      hits.push({ evidence: `文字 ${claimed} 个；表格 ${p.indicators.length} 个`, say: `项目${q(p.name)}文字称设${claimed}个指标，绩效目标表实有${p.indicators.length}个；请统一。`, en: `Project ${qEn(p.name)}: the text speaks of ${claimed} indicators, the target table has ${p.indicators.length}; make them one.` });
    }
    for (const ni of n.indicators) {
      const same = p.indicators.find((i) => squash(i.level3) !== '' && (squash(i.level3) === squash(ni.level3) || squash(i.description) === squash(ni.description)));
      if (same && ni.target.raw && same.target.raw && !sameTarget(ni, same)) {
        hits.push({ indicator: same.ordinal, evidence: `文字 ${ni.target.raw}；表格 ${same.target.raw}`, say: `项目${q(p.name)}${row(same)}的指标值在文字中为${q(ni.target.raw)}，表格中为${q(same.target.raw)}；请统一。`, en: `Project ${qEn(p.name)}, ${rowEn(same)}: the target is ${qEn(ni.target.raw)} in the text and ${qEn(same.target.raw)} in the table; make them one.` });
      }
    }
    return hits;
  },
};

export default rule;
