import type { Filing, Project } from '../parse/model';
import { departmentKind } from '../parse/departments';
import { band, type FilingQuality, indicatorKey, isPartialRubric, planFlags, RULES } from '../quality';
import { ownLine } from '../quality/own-line';
import type { TableRow, TableRows } from './schema';

/**
 * One parsed filing and its quality assessment, flattened into the contract's rows. Ids are stable:
 * the filing's content hash, plus ordinals.
 */
export type Tables = TableRows;

export const projectId = (filingId: string, ordinal: number) => `${filingId}-${ordinal}`;
export const indicatorId = (projectId: string, ordinal: number) => `${projectId}-${ordinal}`;

function sourceText(f: Filing, p: Project): string {
  return f.lines.slice(p.span.first - 1, p.span.last).join('\n');
}

/** The cell each rule judges (rules/<id>.ts `cell`): its finding's line. */
const CELLS = new Map(RULES.map((r) => [r.id, r.cell]));

export function toRows(f: Filing, q: FilingQuality): Tables {
  const where: Where = { county: f.county, county_code: f.countyCode, year: f.year };
  const severities = { critical: 0, major: 0, minor: 0, info: 0 };
  const allFindings = [
    ...f.findings.map((x) => ({ rule: x.rule as string, level: 'parse', severity: x.severity, message: x.message, messageEn: x.messageEn, evidence: x.evidence, project: x.project, indicator: x.indicator, line: x.line })),
    ...q.findings.filter((x) => x.level !== 'corpus').map((x) => {
      const p = x.project != null ? f.projects[x.project - 1] : null;
      const i = p && x.indicator != null ? p.indicators[x.indicator - 1] : null;
      const line = x.line ?? (p && i ? ownLine(f.lines, p, i, CELLS.get(x.rule)) : p?.span.first) ?? null;
      return { rule: x.rule, level: x.level, severity: x.severity, message: x.message, messageEn: x.messageEn, evidence: x.evidence, project: x.project, indicator: x.indicator, line };
    }),
  ];
  for (const x of allFindings) severities[x.severity]++;
  const corpus = corpusFindingRows(f.id, where, q.findings.filter((x) => x.level === 'corpus'));
  for (const x of corpus) severities[x.severity as keyof typeof severities]++;

  const filings: TableRow<'filings'>[] = [{
    filing_id: f.id, source_file: f.sourceFile, county: f.county, county_code: f.countyCode, city: f.city, year: f.year,
    department: f.department, department_code: f.departmentCode, unit: f.unit, layout: f.layout, status: f.status,
    lines_total: f.linesTotal, lines_used: f.linesUsed, score: q.score, band: q.band, partial_rubric: q.partialRubric,
    encoding: f.encoding, overview: f.overview, projects: f.projects.length,
    indicators: f.projects.reduce((a, p) => a + p.indicators.length, 0),
    budget_yuan: f.projects.some((p) => p.budget != null) ? f.projects.reduce((a, p) => a + (p.budget ?? 0n), 0n) : null,
    findings_critical: severities.critical, findings_major: severities.major, findings_minor: severities.minor, findings_info: severities.info,
    format: f.format ?? 'txt', department_kind: departmentKind(f.department),
    score_weighted: q.terms.weighted, score_plain: q.terms.plain, score_deduction: q.terms.deduction,
  }];

  const projects: TableRow<'projects'>[] = [];
  const schedule: TableRow<'schedule'>[] = [];
  const indicators: TableRow<'indicators'>[] = [];
  for (const p of f.projects) {
    const pid = projectId(f.id, p.ordinal);
    const ps = q.projects.get(p.ordinal);
    const plan = planFlags(p.schedule);
    const partial = isPartialRubric(p);
    projects.push({
      project_id: pid, filing_id: f.id, ordinal: p.ordinal, code: p.code, name: p.name, kind: p.kind, category: p.category,
      budget_yuan: p.budget, fiscal_yuan: p.fiscal, other_yuan: p.other, purpose: p.purpose, goals: p.goals, complete: p.complete,
      source_lines: `${p.span.first}-${p.span.last}`, score: ps?.score ?? null, ...where, department: f.department, band: ps?.band ?? null,
      source_text: sourceText(f, p), indicators: p.indicators.length, plan_as_amounts: p.scheduleAsAmounts,
      plan_over: plan?.over ?? false, plan_falls_back: plan?.fallsBack != null, plan_short: plan?.short ?? false, plan_blank: plan?.blank ?? false,
      score_output: ps?.output ?? null, score_effect: ps?.effect ?? null, score_satisfaction: ps?.satisfaction ?? null,
      score_funding: ps?.funding ?? null, score_penalty: ps?.penalty ?? null, partial_rubric: partial,
    });
    for (const s of p.schedule) schedule.push({ project_id: pid, month: s.month, cumulative_pct: s.pct, raw: s.raw, filing_id: f.id, ...where });
    for (const i of p.indicators) {
      const sc = q.indicators.get(indicatorKey(p.ordinal, i.ordinal));
      indicators.push({
        indicator_id: indicatorId(pid, i.ordinal), project_id: pid, ordinal: i.ordinal, level1: i.level1, level2: i.level2, level3: i.level3,
        description: i.description, target_raw: i.target.raw, target_op: i.target.op, target_value: i.target.value, target_unit: i.target.unit,
        target_yuan: i.target.yuan, quantitative: i.target.quantitative, basis: i.basis,
        grades: i.grades && Object.keys(i.grades).length > 0 ? JSON.stringify(i.grades) : null, source_line: i.line,
        score: sc?.total ?? null, filing_id: f.id, ...where, band: sc ? band(sc.total, q.settings) : null,
        score_measurable: sc?.measurable ?? null, score_fit: sc?.fit ?? null, score_clear: sc?.clear ?? null, score_evidenced: sc?.evidenced ?? null,
        level1_canonical: i.level1Canonical ?? null, level2_canonical: i.level2Canonical ?? null, source_location: i.location ?? null,
        score_cap: sc?.cap ?? null, partial_rubric: partial,
      });
    }
  }

  const at = (line: number | null | undefined) => (line != null && f.locations ? f.locations[line - 1] ?? null : null);
  const findings = allFindings.map((x, k) => findingRow(`${f.id}-f${k + 1}`, f.id, where, { ...x, location: at(x.line) }));
  return { filings, projects, schedule, indicators, findings: [...findings, ...corpus] };
}

interface FindingLike {
  rule: string;
  level: string;
  severity: string;
  message: string;
  messageEn: string;
  evidence: string | null;
  project: number | null;
  indicator: number | null;
  line?: number | null;
  /** Where in a document (not text) the line is. */
  location?: string | null;
}

/** Where and when a filing is from: every table carries it, so each filters without a join. */
export interface Where {
  county: string | null;
  county_code: string | null;
  year: number | null;
}

function findingRow(id: string, filingId: string, where: Where, x: FindingLike): TableRow<'findings'> {
  const pid = x.project != null ? projectId(filingId, x.project) : null;
  return {
    finding_id: id, filing_id: filingId, project_id: pid, indicator_id: pid && x.indicator != null ? indicatorId(pid, x.indicator) : null,
    rule_id: x.rule, severity: x.severity, message: x.message, evidence: x.evidence, ...where, level: x.level, line: x.line ?? null,
    location: x.location ?? null, message_en: x.messageEn,
  };
}

/** Cross-filing findings of one filing, numbered on their own (`…-c1`) so a parallel ingest that adds them later gives the same ids. */
export function corpusFindingRows(filingId: string, where: Where, list: FindingLike[]): TableRow<'findings'>[] {
  return list.map((x, k) => findingRow(`${filingId}-c${k + 1}`, filingId, where, x));
}
