import { block, kind } from '../classify';
import { q, qEn } from '../phrases';
import { type ProjectRule, SOURCES } from '../rule';

/** Incomplete framework: flags when missing 产出, 效益 or 满意度; 产出 missing one of 数量/质量/时效/成本 (−5 each, cap −20); all four 效益 subtypes are NOT required. */
const rule: ProjectRule = {
  id: 'framework-incomplete', level: 'project', severity: 'major', source: SOURCES.cz34, cost: { project: 5, cap: 20 },
  name: { zh: '指标框架不完整', en: 'Incomplete framework' },
  checks: {
    zh: '项目缺少产出、效益或满意度指标，或产出指标缺少数量、质量、时效、成本之一；效益的四个子类不要求齐全。',
    en: 'The project lacks 产出, 效益 or 满意度 indicators, or its 产出 lacks one of 数量 / 质量 / 时效 / 成本; the four kinds of 效益 are not all required.',
  },
  check: (p) => {
    if (p.kind === 'activity' || p.indicators.length === 0) return [];
    const blocks = new Set(p.indicators.map((i) => block(i)));
    const kinds = new Set(p.indicators.filter((i) => block(i) === 'output' || block(i) === 'cost').map((i) => kind(i)));
    const missing: string[] = [];
    for (const [b, name] of [['output', '产出指标'], ['effect', '效益指标'], ['satisfaction', '满意度指标']] as const) {
      if (!blocks.has(b) && !(b === 'satisfaction' && p.indicators.some((i) => kind(i) === 'satisfaction'))) missing.push(name);
    }
    if (blocks.has('output')) {
      for (const [k, name] of [['quantity', '数量指标'], ['quality', '质量指标'], ['timeliness', '时效指标'], ['cost', '成本指标']] as const) {
        if (!kinds.has(k) && !(k === 'cost' && blocks.has('cost'))) missing.push(name);
      }
    }
    return missing.map((m) => ({ evidence: m, say: `项目${q(p.name)}缺少${q(m)}；绩效指标应覆盖产出（数量、质量、时效、成本）、效益和满意度，请补充。`, en: `Project ${qEn(p.name)} lacks ${qEn(m)}; the indicators should cover outputs (quantity, quality, timeliness, cost), effects and satisfaction: add it.` }));
  },
};

export default rule;
