import { q, qEn } from '../phrases';
import { planFlags } from '../plan';
import { type ProjectRule, type Hit, SOURCES } from '../rule';

/** Irregular spending plan: flags when the plan is outside 0–100, falls back, or does not reach 100 in December (major); blank cells or amounts under a % header (minor). The flags are plan.ts's. */
const rule: ProjectRule = {
  id: 'schedule-shape', level: 'project', severity: 'major', source: SOURCES.cy10, cost: { funding: 'schedule', major: 0, minor: 0.5 },
  name: { zh: '支出计划异常', en: 'Irregular spending plan' },
  checks: {
    zh: '资金支出计划超出 0–100%、回落、12 月未达 100%（重要）；有空格或“%”表头下填的是金额（次要）；每个项目计划相同（提示）。',
    en: 'A spending plan outside 0–100 %, falling back, or short of 100 % in December (major); blank cells or amounts under a % header (minor); the same plan on every project (info).',
  },
  check: (p) => {
    const flags = planFlags(p.schedule);
    if (!flags) return [];
    const shown = p.schedule.map((x) => x.raw ?? '空').join(' / ');
    const shownEn = p.schedule.map((x) => x.raw ?? 'blank').join(' / ');
    const hits: Hit[] = [];
    if (flags.over) hits.push({ evidence: shown, say: `项目${q(p.name)}的资金支出计划超出0–100%（${shown}）；累计进度不能超过100%。`, en: `Project ${qEn(p.name)}: the spending plan leaves 0–100% (${shownEn}); a cumulative plan cannot pass 100%.` });
    if (flags.fallsBack) hits.push({ evidence: shown, say: `项目${q(p.name)}的累计支出计划在${flags.fallsBack}月底回落（${shown}）；累计进度应逐月不减。`, en: `Project ${qEn(p.name)}: the cumulative spending plan falls back at the end of month ${flags.fallsBack} (${shownEn}); a cumulative plan never falls.` });
    if (flags.short) hits.push({ evidence: shown, say: `项目${q(p.name)}的资金支出计划到12月底未达到100%（${shown}）；请补齐全年支出安排。`, en: `Project ${qEn(p.name)}: the spending plan stops short of 100% at the end of December (${shownEn}); plan the whole year’s spending.` });
    if (flags.blank) hits.push({ severity: 'minor', evidence: shown, say: `项目${q(p.name)}的资金支出计划有空格（${shown}）；请填写每个时点的累计进度。`, en: `Project ${qEn(p.name)}: the spending plan has blank cells (${shownEn}); fill in the cumulative share at every date.` });
    if (p.scheduleAsAmounts) hits.push({ severity: 'minor', evidence: shown, say: `项目${q(p.name)}的资金支出计划表头为“%”，填写的却是金额（${shown}）；已按预算数换算为百分比，请改填百分比。`, en: `Project ${qEn(p.name)}: the spending plan’s header says “%” but amounts are filled in (${shownEn}); converted to percentages of the budget, fill in percentages.` });
    return hits;
  },
};

export default rule;
