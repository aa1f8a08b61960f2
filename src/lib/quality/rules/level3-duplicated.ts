import type { Indicator } from '../../parse/model';
import { block, squash } from '../classify';
import { q, row, qEn, rowEn } from '../phrases';
import { type ProjectRule, type Hit, SOURCES } from '../rule';

/** Repeated indicators: flags when the same level3 in several rows, or one target stamped on ≥ 3 产出/效益 rows (−3 each, cap −15). */
const rule: ProjectRule = {
  id: 'level3-duplicated', level: 'project', severity: 'major', source: SOURCES.cy101, cost: { project: 3, cap: 15 },
  name: { zh: '三级指标重复', en: 'Repeated indicators' },
  checks: {
    zh: '同一三级指标出现在多行，或同一指标值套用在三行以上的产出、效益指标上。',
    en: 'The same third-level indicator in several rows, or one target stamped on three or more 产出 / 效益 rows.',
  },
  cell: 'level3',
  check: (p) => {
    const hits: Hit[] = [];
    const seen = new Map<string, Indicator>();
    for (const i of p.indicators) {
      const n = squash(i.level3);
      if (n === '') continue;
      const first = seen.get(n);
      if (first) hits.push({ indicator: i.ordinal, evidence: i.level3 ?? '', say: `项目${q(p.name)}${row(i)}与第${first.ordinal}行重复；每个三级指标应衡量不同的内容，请删除或改写。`, en: `Project ${qEn(p.name)}, ${rowEn(i)} repeats row ${first.ordinal}; each level-3 indicator should measure something of its own: delete or rewrite it.` });
      else seen.set(n, i);
    }
    // One target stamped on ≥ 3 output/effect rows. Percent thresholds (≥90% on three different rates) are a
    // norm, not a stamp: the seeds' 临西 would otherwise be flagged for doing it right. (Narrower than the rubric.)
    const byTarget = new Map<string, Indicator[]>();
    for (const i of p.indicators) {
      const b = block(i);
      if ((b === 'output' || b === 'effect' || b === 'cost') && i.target.raw && i.target.unitClass !== 'percent') byTarget.set(squash(i.target.raw), [...(byTarget.get(squash(i.target.raw)) ?? []), i]);
    }
    for (const [t, rows] of byTarget) {
      if (rows.length >= 3 && new Set(rows.map((r) => squash(r.level3))).size > 1) {
        hits.push({ indicator: rows[0].ordinal, evidence: `${t} × ${rows.length}`, say: `项目${q(p.name)}有${rows.length}个产出/效益指标使用同一指标值${q(t)}；请为每个指标设定各自的目标。`, en: `Project ${qEn(p.name)} has ${rows.length} output / effect indicators with the same target ${qEn(t)}; give each indicator its own.` });
      }
    }
    return hits;
  },
};

export default rule;
