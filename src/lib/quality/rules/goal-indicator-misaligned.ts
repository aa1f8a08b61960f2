import { q, qEn } from '../phrases';
import { type ProjectRule, type Hit, SOURCES } from '../rule';

/** Goals and indicators misaligned: flags when a count in 绩效目标 / 资金用途 (6次, 四辆) that no indicator carries; fewer than half the goal clauses echoed by any indicator; the same goal line repeated. */
const rule: ProjectRule = {
  id: 'goal-indicator-misaligned', level: 'project', severity: 'major', source: SOURCES.cy88, cost: { project: 5, cap: 10 },
  name: { zh: '目标与指标脱节', en: 'Goals and indicators misaligned' },
  checks: {
    zh: '绩效目标或资金用途里的数量（6次、四辆）没有指标承载；不到一半的目标分句有指标呼应；同一目标句重复。',
    en: 'A count in 绩效目标 / 资金用途 (6次, 四辆) that no indicator carries; fewer than half of the goal’s clauses echoed by an indicator; the same goal line repeated.',
  },
  check: (p) => {
    if (p.kind === 'activity' || p.indicators.length === 0) return [];
    const hits: Hit[] = [];
    const text = `${p.goals ?? ''}\n${p.purpose ?? ''}`;
    const carried = new Set(p.indicators.map((i) => i.target.unit).filter(Boolean));
    const missed = [...text.matchAll(/(\d+|[一二两三四五六七八九十]+)\s*(次|辆|人次|人|项|场|期|家|所|份|批)(?:以上)?/g)]
      .filter((m) => !carried.has(m[2]) && !(/^[一二两三四五六七八九十]$/.test(m[1]) && !/[辆次场期批]/.test(m[2])))
      .map((m) => m[0])
      .filter((m, k, all) => all.indexOf(m) === k);
    if (missed.length > 0) {
      const units = [...new Set(missed.map((m) => m.replace(/^[\d一二两三四五六七八九十]+\s*|以上$/g, '')))];
      hits.push({
        evidence: missed.join('、'),
        say: `项目${q(p.name)}的绩效目标或资金用途写明“${missed.join('、')}”，但没有任何指标以${units.map((u) => `“${u}”`).join('、')}衡量；请增设对应的数量指标。`,
        en: `Project ${qEn(p.name)}: its goals or use of funds state "${missed.join(', ')}", but no indicator is measured in ${units.map(qEn).join(', ')}; add the matching quantity indicators.`,
      });
    }
    const lines = (p.goals ?? '').split(/\n/).map((l) => l.replace(/^\s*\d+[.、．]\s*/, '').trim()).filter((l) => l.length > 0);
    const repeated = lines.find((l, k) => lines.indexOf(l) !== k);
    if (repeated) hits.push({ evidence: repeated, say: `项目${q(p.name)}的绩效目标重复填写了同一句“${repeated}”；请分别写出不同的目标。`, en: `Project ${qEn(p.name)}: its goals repeat the same sentence "${repeated}"; write each goal of its own.` });
    return hits;
  },
};

export default rule;
