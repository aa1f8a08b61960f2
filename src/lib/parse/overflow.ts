import type { Filing, ParseFinding, Project, Yuan } from './model';
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
const PROJECT_AMOUNTS: { label: string; get: (p: Project) => Yuan | null; clear: (p: Project) => void }[] = [
  { label: '预算数', get: (p) => p.budget, clear: (p) => (p.budget = null) },
  { label: '财政资金', get: (p) => p.fiscal, clear: (p) => (p.fiscal = null) },
  { label: '其他资金', get: (p) => p.other, clear: (p) => (p.other = null) },
  { label: '职责预算数', get: (p) => p.categoryBudget, clear: (p) => (p.categoryBudget = null) },
  { label: '说明中的预算数', get: (p) => p.narrative?.budget ?? null, clear: (p) => (p.narrative!.budget = null) },
];

export function refuseOverflow(f: Filing): void {
  // Evidence: what the filing wrote (its line, or a target as written).
  const finding = (
    label: string, v: bigint, line: number | null, project: number | null, indicator: number | null,
    evidence = line != null ? f.lines[line - 1]?.trim() || null : null,
  ): ParseFinding => ({
    rule: OUT_OF_RANGE, severity: 'critical', line, project, indicator, evidence,
    message: `${label}${formatYuan(v as Yuan)}元超出数据表能存的范围（绝对值须小于 10^16 元），没有存入；请核对原文的金额和单位。`,
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
      f.findings.push(finding('指标值', i.target.yuan, i.line, p.ordinal, p.indicators.includes(i) ? i.ordinal : null, i.target.raw));
      i.target.yuan = null;
    }
  }
  const total = f.projects.reduce((a, p) => a + (p.budget ?? 0n), 0n);
  if (fitsTables(total)) return;
  // Each budget fits but their sum does not: the filing's total would wrap, so none of them is kept.
  f.findings.push(finding('各项目预算数之和', total, null, null, null));
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
