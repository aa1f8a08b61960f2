import type { Format } from './grid';

/**
 * The parsed model of one filing (预算绩效目标). Pure data: the parser builds it, the quality
 * engine reads it, ingest flattens it into the contract's five tables.
 */

/** An exact amount of money in yuan, held as an integer number of fen (0.01 元). Never a float. */
export type Yuan = bigint & { readonly __unit: 'fen' };

/** The money unit a filing states its amounts in. */
export type MoneyUnit = '元' | '万元';
/** Each money unit in English. */
export const MONEY_UNIT_EN: Record<MoneyUnit, string> = { 元: 'yuan', 万元: '10,000 yuan' };

/** The severities, gravest first: the order every list and sort by severity follows. */
export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Comparison operator of a target, normalized (`>=`, `>＝`, `不低于` → `≥`). */
export type TargetOp = '≥' | '≤' | '=' | '>' | '<';

/** What a target's unit measures. */
export type UnitClass = 'money' | 'time' | 'percent' | 'count' | 'score';

/** 指标值 parsed. `raw` is always what the filing said. */
export interface Target {
  raw: string | null;
  op: TargetOp | null;
  value: number | null;
  unit: string | null;
  unitClass: UnitClass | null;
  /** The target in yuan when its unit is money (元 / 万元). */
  yuan: Yuan | null;
  /** A date target such as `12月底前`, `2022年6月`: month (1–12) and year when given. */
  date: { year: number | null; month: number } | null;
  /** The target carries a number (or a date, or a graded scale). */
  quantitative: boolean;
}

/** 优/良/中/差 scale as written, e.g. { 优: '100%', 良: '85%', 中: '75%', 差: '75%以下' }. */
export type Grades = Partial<Record<'优' | '良' | '中' | '差', string>>;

export interface Indicator {
  /** Order in the project's table, from 1. */
  ordinal: number;
  level1: string | null;
  level2: string | null;
  level3: string | null;
  description: string | null;
  target: Target;
  basis: string | null;
  grades: Grades | null;
  /** First source line of the row (1-based): a text source's line, or the line of the document's canonical text. */
  line: number;
  /** The standard labels the written level 1 / level 2 mean (项目完成指标 → 产出指标); null when nothing known. */
  level1Canonical: string | null;
  level2Canonical: string | null;
  /** Where in a document the row came from (`p3 x120 y540`, `Sheet1!B12`, `table 2 row 7`); null for text. */
  location: string | null;
}

export type Month = 3 | 6 | 10 | 12;
export const MONTHS: readonly Month[] = [3, 6, 10, 12];

/** One point of the cumulative spending plan (资金支出计划). */
export interface SchedulePoint {
  month: Month;
  /** Share of the budget planned as spent by the end of that month, 0–100 (null when blank). */
  pct: number | null;
  /** The cell as written (`25%`, `1.00`). */
  raw: string | null;
}

export type ProjectKind = 'project' | 'personnel' | 'operating' | 'activity' | 'department';

/** What a part-1 narrative paragraph says about a project (玉田 style), kept for comparison. */
export interface NarrativeClaim {
  name: string;
  budget: Yuan | null;
  schedule: SchedulePoint[];
  /** Indicator count the text claims (下设9个二、三级指标). */
  claimedIndicatorCount: number | null;
  indicators: Indicator[];
  span: SourceSpan;
}

export interface SourceSpan {
  first: number;
  last: number;
}

export interface Project {
  /** Order in the filing, from 1. */
  ordinal: number;
  code: string | null;
  name: string;
  kind: ProjectKind;
  /** The duty (职责) an activity belongs to. */
  category: string | null;
  budget: Yuan | null;
  fiscal: Yuan | null;
  other: Yuan | null;
  purpose: string | null;
  goals: string | null;
  /** False when the project's table was cut off. */
  complete: boolean;
  span: SourceSpan;
  /** Always four points (Mar, Jun, Oct, Dec) for a project with a plan; empty when the filing gives none. */
  schedule: SchedulePoint[];
  /** The plan was written as cumulative amounts (converted to % of budget). */
  scheduleAsAmounts: boolean;
  indicators: Indicator[];
  /** The part-1 paragraph about the same project, when the filing has one. */
  narrative: NarrativeClaim | null;
  /** A duty heading's own budget (categories are not projects, but their sums are checked). */
  categoryBudget: Yuan | null;
  /** The columns the indicator table has, by role (`level3`, `description`, `basis`, …), when the template is
   * not the full one: a rule about a column the template does not have does not apply. */
  columns?: string[] | null;
}

/** What reading the file found: `parse/…` findings, in the rubric's severity scale. */
/** A sentence in both languages of the interface, made from the same facts (a finding's message). */
export interface Said {
  zh: string;
  en: string;
}

export interface ParseFinding {
  rule: `parse/${string}`;
  severity: Severity;
  message: string;
  /** The message in English (the site shows it in its English interface). */
  messageEn: string;
  evidence: string | null;
  line: number | null;
  /** Ordinal of the project it concerns, if any. */
  project: number | null;
  /** Ordinal of the indicator within that project, if any. */
  indicator: number | null;
}

export interface Filing {
  /** Stable id derived from the file's bytes. */
  id: string;
  sourceFile: string;
  county: string | null;
  countyCode: string | null;
  city: string | null;
  year: number | null;
  department: string;
  departmentCode: string | null;
  unit: MoneyUnit;
  /** Which layout family or families the text used, e.g. `word-table+narrative`. */
  layout: string;
  status: 'ok' | 'partial';
  linesTotal: number;
  linesUsed: number;
  /** Part 1 (部门整体绩效目标) as written. */
  overview: string | null;
  /** Encoding the bytes were decoded from. */
  encoding: string;
  /** What the file was, by its content. */
  format?: Format;
  /** For a document that is not text: where each line of its canonical text came from (index = line − 1). */
  locations?: (string | null)[];
  projects: Project[];
  findings: ParseFinding[];
  /** Every source line (1-based number and text). Kept so the UI can show any project's original. */
  lines: string[];
}

/** A file that could not be read as a filing. */
export interface Rejection {
  file: string;
  line: number | null;
  expected: string;
  found: string;
}

export type ParseResult = { ok: true; filing: Filing } | { ok: false; rejection: Rejection };

/** Sidecar `X.meta.json`: what a filing does not say about itself. */
export interface FilingMeta {
  county?: string;
  county_code?: string;
  city?: string;
  year?: number;
  department?: string;
}
