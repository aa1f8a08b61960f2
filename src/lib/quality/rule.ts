import type { Filing, Indicator, Project, Severity } from '../parse/model';
import { isSatisfaction } from './classify';
import { ownLine, type RowCell } from './own-line';
import { peerOf } from './peers';
import type { Settings } from './settings';

/**
 * What a rule is: one module under rules/ per rule of the rubric (../shared/docs/quality-rubric.md), with
 * its id, level, severity, what it costs, the document it rests on, its names and its check; rules/index.ts
 * lists them in the order the engine runs them.
 */

export type Level = 'indicator' | 'project' | 'filing' | 'corpus';

/** The parts of an indicator's score (settings.ts gives their maxima). */
export type Part = 'measurable' | 'fit' | 'clear' | 'evidenced';

/**
 * What a finding costs, read by the engine alone (assess.ts). `part` rules act on an indicator's score
 * parts (`to` caps the part, `minus` takes points off, neither: the part is judged by kind); `project`
 * deducts per hit up to a cap; `funding` sets a half of the funding block by the hit's severity; `filing`
 * deducts the settings' `filing[deduct]` once (`once`) or in proportion to the share of rows hit (`share`).
 */
export type Cost =
  | { part: Part; to?: number; minus?: number }
  | { project: number; cap: number }
  | { funding: 'schedule' | 'arithmetic'; major: number; minor: number }
  | { filing: 'once' | 'share'; deduct: keyof Settings['filing'] }
  | { none: true };

export interface Hit {
  evidence: string;
  /** Fills the message: row names, numbers. */
  say: string;
  /** The same message in English, from the same facts (the filing's own text stays as written). */
  en: string;
  severity?: Severity;
  /** For project-level hits on one row, or corpus hits. */
  indicator?: number;
  project?: number;
  filing?: string;
  /** Source line, when the rule knows it better than the row it names. */
  line?: number;
}

/** The policy documents the rules rest on. */
export const SOURCES = {
  cz34: '中发〔2018〕34号',
  cy88: '财预〔2015〕88号',
  cy10: '财预〔2020〕10号',
  cy101: '财预〔2021〕101号',
} as const;
export type Source = (typeof SOURCES)[keyof typeof SOURCES];

/** Each document's title and what the rubric rests on in it (../shared/docs/quality-rubric.md, its opening). */
export const POLICY: Record<Source, { title: string; says: { zh: string; en: string } }> = {
  '中发〔2018〕34号': {
    title: '《中共中央 国务院关于全面实施预算绩效管理的意见》',
    says: { zh: '绩效目标要覆盖产出、成本、效益和满意度。', en: 'Performance targets cover outputs, cost, effects and satisfaction.' },
  },
  '财预〔2015〕88号': {
    title: '《中央部门预算绩效目标管理办法》',
    says: { zh: '绩效目标审核看完整性、相关性、适当性和可行性。', en: 'Targets are reviewed for completeness, relevance, appropriateness and feasibility.' },
  },
  '财预〔2020〕10号': {
    title: '《项目支出绩效评价管理办法》',
    says: {
      zh: '自评权重：产出 50、效益 30、满意度 10、预算执行 10；评级：优 ≥ 90，良 80–90，中 60–80，差 < 60。',
      en: 'Self-evaluation weights: output 50, effect 30, satisfaction 10, budget execution 10; grades 优 ≥ 90, 良 80–90, 中 60–80, 差 < 60.',
    },
  },
  '财预〔2021〕101号': {
    title: '《中央部门项目支出核心绩效目标和指标设置及取值指引（试行）》',
    says: {
      zh: '指标应高度关联、重点突出、量化易评；指标值依计划、行业、历史标准确定，计量单位单列。',
      en: 'Indicators closely related, focused, quantified and easy to assess; targets set against plan, sector or historical standards, with a separate unit.',
    },
  },
};

interface Base {
  id: string;
  severity: Severity;
  source: Source;
  cost: Cost;
  /** The rule's short name, as the site shows it. */
  name: { zh: string; en: string };
  /** What the rule flags, as its page (规则说明) says it: the rubric's "flags when". */
  checks: { zh: string; en: string };
  /** The cell of an indicator row the rule judges: its finding points at that cell's source line. */
  cell?: RowCell;
}

export interface IndicatorRule extends Base {
  level: 'indicator';
  check: (i: Indicator, p: Project, f: Filing, s: Settings) => Hit | null;
}
export interface ProjectRule extends Base {
  level: 'project';
  check: (p: Project, f: Filing, s: Settings) => Hit[];
}
export interface FilingRule extends Base {
  level: 'filing';
  check: (f: Filing, s: Settings) => Hit[];
}
/** What the cross-filing rules need of an indicator row: small enough to gather from every filing of a province. */
export interface CorpusRow {
  filing: string;
  /** The county, or the filing itself when it names none. */
  place: string;
  project: number;
  indicator: number;
  level2: string | null;
  level3: string | null;
  satisfaction: boolean;
  line: number;
  /** The filing's year and reporting body (the year-over-year rule compares a body's years). */
  year: number | null;
  department: string | null;
  /** The target as written. */
  target: string | null;
  /** The peer key and the target's number (peers.ts), null when the row has none. */
  peer: string | null;
  value: number | null;
}

export function corpusRows(f: Filing): CorpusRow[] {
  return f.projects.flatMap((p) =>
    p.indicators.map((i) => {
      const peer = peerOf({ level3: i.level3, op: i.target.op, value: i.target.value, unit: i.target.unit, fen: i.target.yuan });
      return {
        filing: f.id, place: f.county ?? f.id, project: p.ordinal, indicator: i.ordinal, level2: i.level2, level3: i.level3, satisfaction: isSatisfaction(i), line: ownLine(f.lines, p, i, 'level3'),
        year: f.year, department: f.department, target: i.target.raw, peer: peer?.key ?? null, value: peer?.value ?? null,
      };
    }),
  );
}

/** Where each compared key occurs (rule id + key → its rows' marks, by default their places): gathered batch by batch, so the rows need not be kept. */
export type Places = Map<string, Set<string>>;

export interface CorpusRule extends Base {
  level: 'corpus';
  /** What the rule compares across places; null: the row is not compared. */
  key: (r: CorpusRow) => string | null;
  /** What a key's set records of a row (default its place): the peer rule keeps the county and its number, the yearly rule the year. */
  mark?: (r: CorpusRow) => string;
  /** `places` holds every place of every key in the corpus, `rows` may be any part of it. */
  check: (rows: CorpusRow[], places: (r: CorpusRow) => Set<string> | undefined, s: Settings) => Hit[];
}
export type Rule = IndicatorRule | ProjectRule | FilingRule | CorpusRule;
