import type { Filing, ParseFinding, Project, Said, Yuan } from './model';
import { FEN_PER, fitsTables, formatYuan } from './money';
import { halfWidth } from './text';

/**
 * Every reading's amounts checked against what the tables can hold (DECIMAL(18,2), `fitsTables`): an
 * amount past it is refused — the field left empty, a `parse/amount-out-of-range` finding on the line
 * that wrote it — never stored as another number. So are a filing's project budgets when only their sum
 * is too large for the filings table.
 */
export const OUT_OF_RANGE = 'parse/amount-out-of-range';

/** A project's amounts, by the label a filing gives them. */
const PROJECT_AMOUNTS: { label: Said; get: (p: Project) => Yuan | null; clear: (p: Project) => void }[] = [
  { label: { zh: '预算数', en: 'The budget' }, get: (p) => p.budget, clear: (p) => (p.budget = null) },
  { label: { zh: '财政资金', en: 'The fiscal funds' }, get: (p) => p.fiscal, clear: (p) => (p.fiscal = null) },
  { label: { zh: '其他资金', en: 'The other funds' }, get: (p) => p.other, clear: (p) => (p.other = null) },
  { label: { zh: '职责预算数', en: 'The duty’s budget' }, get: (p) => p.categoryBudget, clear: (p) => (p.categoryBudget = null) },
  { label: { zh: '说明中的预算数', en: 'The budget in the narrative' }, get: (p) => p.narrative?.budget ?? null, clear: (p) => (p.narrative!.budget = null) },
];

export function refuseOverflow(f: Filing): void {
  // Evidence: what the filing wrote (its line, or a target as written).
  const finding = (
    label: Said, v: bigint, line: number | null, project: number | null, indicator: number | null,
    evidence = line != null ? f.lines[line - 1]?.trim() || null : null,
  ): ParseFinding => ({
    rule: OUT_OF_RANGE, severity: 'critical', line, project, indicator, evidence,
    message: `${label.zh}${formatYuan(v as Yuan)}元超出数据表能存的范围（绝对值须小于 10^16 元），没有存入；请核对原文的金额和单位。`,
    messageEn: `${label.en} ${formatYuan(v as Yuan)} yuan is beyond what the tables can hold (under 10^16 yuan in absolute value) and was not stored; check the amount and unit in the original.`,
  });
  for (const p of f.projects) {
    for (const a of PROJECT_AMOUNTS) {
      const v = a.get(p);
      if (v == null || fitsTables(v)) continue;
      a.clear(p);
      f.findings.push(finding(a.label, v, lineOf(f, p, v), p.ordinal, null));
    }
    for (const i of [...p.indicators, ...(p.narrative?.indicators ?? [])]) {
      if (i.target.yuan == null || fitsTables(i.target.yuan)) continue;
      f.findings.push(finding({ zh: '指标值', en: 'The target' }, i.target.yuan, i.line, p.ordinal, p.indicators.includes(i) ? i.ordinal : null, i.target.raw));
      i.target.yuan = null;
    }
  }
  const total = f.projects.reduce((a, p) => a + (p.budget ?? 0n), 0n);
  if (fitsTables(total)) return;
  // Each budget fits but their sum does not: the filing's total would wrap, so none of them is kept.
  f.findings.push(finding({ zh: '各项目预算数之和', en: 'The sum of the projects’ budgets' }, total, null, null, null));
  for (const p of f.projects) p.budget = null;
}

/** The line of the project that writes the amount's whole part (in the filing's unit), else its first line. */
function lineOf(f: Filing, p: Project, v: bigint): number {
  const whole = ((v < 0n ? -v : v) / FEN_PER[f.unit]).toString();
  for (let n = p.span.first; n <= p.span.last; n++) {
    if (halfWidth(f.lines[n - 1] ?? '').replace(/[,，\s]/g, '').includes(whole)) return n;
  }
  return p.span.first;
}
