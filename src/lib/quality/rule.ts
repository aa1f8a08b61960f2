import type { Filing, Indicator, Project, Severity } from '../parse/model';
import { isSatisfaction } from './classify';
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

interface Base {
  id: string;
  severity: Severity;
  source: (typeof SOURCES)[keyof typeof SOURCES];
  cost: Cost;
  /** The rule's short name, as the site shows it. */
  name: { zh: string; en: string };
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
        filing: f.id, place: f.county ?? f.id, project: p.ordinal, indicator: i.ordinal, level2: i.level2, level3: i.level3, satisfaction: isSatisfaction(i), line: i.line,
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
