import type { Indicator, Project } from '../../parse/model';
import { isSatisfaction, squash } from '../classify';
import { q, row, qEn, rowEn, cap } from '../phrases';
import { type FilingRule, type Hit, SOURCES } from '../rule';

/** Copied across projects: flags when the same (level2, level3, target) in ≥ 2 projects of a filing (standard satisfaction rows and budget-tracking cost rows excepted). */
const rule: FilingRule = {
  id: 'copy-paste-across-projects', level: 'filing', severity: 'major', source: SOURCES.cy101, cost: { filing: 'share', deduct: 'copyPasteMax' },
  name: { zh: '项目间复制粘贴', en: 'Copied across projects' },
  checks: {
    zh: '同一（二级指标、三级指标、指标值）出现在同一文件的两个以上项目中（标准满意度行与预算执行成本行除外）。',
    en: 'The same (level 2, level 3, target) in two or more projects of one filing (standard satisfaction rows and budget-tracking cost rows excepted).',
  },
  cell: 'level3',
  check: (f) => {
    const groups = new Map<string, { p: Project; i: Indicator }[]>();
    for (const p of f.projects) {
      for (const i of p.indicators) {
        if (isSatisfaction(i) || /预算|成本控制/.test(squash(i.level3) + squash(i.target.raw))) continue;
        if (!i.target.raw || !i.level3) continue;
        const key = `${squash(i.level2)}|${squash(i.level3)}|${squash(i.target.raw)}`;
        const group = groups.get(key);
        if (group) group.push({ p, i });
        else groups.set(key, [{ p, i }]);
      }
    }
    const hits: Hit[] = [];
    for (const rows of groups.values()) {
      const projects = [...new Set(rows.map((r) => r.p.ordinal))];
      if (projects.length < 2) continue;
      const names = [...new Set(rows.map((r) => r.p.name))];
      for (const r of rows) {
        hits.push({ project: r.p.ordinal, indicator: r.i.ordinal, evidence: `${r.i.level2} / ${r.i.level3} / ${r.i.target.raw}`, say: `${row(r.i)}（${r.i.level2}，指标值${q(r.i.target.raw)}）在${projects.length}个项目中原样出现（${names.map(q).join('、')}）；请按每个项目的实际产出和效果分别设定。`, en: `${cap(rowEn(r.i))} (${r.i.level2}, target ${qEn(r.i.target.raw)}) appears word for word in ${projects.length} projects (${names.map(qEn).join(', ')}); set each project’s own from its outputs and effects.` });
      }
    }
    return hits;
  },
};

export default rule;
