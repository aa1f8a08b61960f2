import type { Filing, Indicator, Project, Severity } from '../parse/model';
import { basisKind, block, hasColumn, kind } from './classify';
import { type CorpusRow, type CorpusRule, corpusRows, type Cost, type Hit, type Level, type Part, type Places } from './rule';
import { RULES } from './rules';
import { band, type Band, DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * The engine: runs the rule table over parsed filings, then combines what it found into scores
 * (the rubric's "Scores" section). Pure: filings in, findings and scores out.
 */

export interface QualityFinding {
  rule: string;
  level: Level;
  severity: Severity;
  message: string;
  messageEn: string;
  evidence: string | null;
  /** Project ordinal, indicator ordinal within it. */
  project: number | null;
  indicator: number | null;
  /** Source line, when known. */
  line?: number | null;
}

/** The four parts of an indicator's score; null where the filing's layout has nothing to judge. */
export interface IndicatorScore {
  measurable: number;
  fit: number | null;
  clear: number | null;
  evidenced: number | null;
  total: number;
  /** The settings' `criticalCap`, when a critical finding on the row held the total to it (else null). */
  cap: number | null;
}

/**
 * A project's score, term by term (`projectScore`): each block's mean indicator score (0–100, null when the
 * project has no such rows: it adds 0), the funding block's share (0–1) and the project penalties. The site
 * fills the formula in with them, so a project's score can be checked against its rows.
 */
export interface ProjectTerms {
  score: number | null;
  output: number | null;
  effect: number | null;
  satisfaction: number | null;
  funding: number | null;
  penalty: number;
}

/** A filing's score, term by term: budget-weighted and plain means of its project scores, the filing deductions. */
export interface FilingTerms {
  weighted: number | null;
  plain: number | null;
  deduction: number;
}

export interface FilingQuality {
  score: number | null;
  band: Band | null;
  /** Scored on what exists (a duty-activity table has no full indicator table). */
  partialRubric: boolean;
  projects: Map<number, ProjectTerms & { band: Band | null }>;
  indicators: Map<string, IndicatorScore>;
  terms: FilingTerms;
  findings: QualityFinding[];
  /** The settings it was scored with. */
  settings: Settings;
}

export const indicatorKey = (project: number, indicator: number) => `${project}-${indicator}`;

export function assess(filings: Filing[], settings: Settings = DEFAULT_SETTINGS): Map<string, FilingQuality> {
  const out = new Map<string, FilingQuality>();
  for (const f of filings) out.set(f.id, assessFiling(f, settings));
  for (const { filing, finding } of assessCorpus(filings.flatMap(corpusRows), undefined, settings)) out.get(filing)?.findings.push(finding);
  return out;
}

const CORPUS_RULES = RULES.filter((r): r is CorpusRule => r.level === 'corpus');

/** Adds the rows' keys and places to `into`; merging the places of every batch gives the corpus's. `rules`: the corpus rules (the benchmark times them one by one). */
export function corpusPlaces(rows: Iterable<CorpusRow>, into: Places = new Map(), rules: readonly CorpusRule[] = CORPUS_RULES): Places {
  for (const r of rows) {
    for (const rule of rules) {
      const k = rule.key(r);
      if (k == null) continue;
      const id = `${rule.id}\u0000${k}`;
      const set = into.get(id);
      const mark = rule.mark ? rule.mark(r) : r.place;
      if (set) set.add(mark);
      else into.set(id, new Set([mark]));
    }
  }
  return into;
}

/**
 * Corpus rules look across filings (by their compact rows and the places of the whole corpus, so a
 * province can be read by parallel workers and judged part by part); they inform, they do not score.
 */
export function assessCorpus(rows: CorpusRow[], places: Places = corpusPlaces(rows), settings: Settings = DEFAULT_SETTINGS): { filing: string; finding: QualityFinding }[] {
  const out: { filing: string; finding: QualityFinding }[] = [];
  for (const rule of RULES) {
    if (rule.level !== 'corpus') continue;
    const placesOf = (r: CorpusRow) => {
      const k = rule.key(r);
      return k == null ? undefined : places.get(`${rule.id}\u0000${k}`);
    };
    for (const h of rule.check(rows, placesOf, settings)) out.push({ filing: h.filing!, finding: finding(rule.id, 'corpus', h.severity ?? rule.severity, h, h.project ?? null, h.indicator ?? null) });
  }
  return out;
}

function finding(rule: string, level: Level, severity: Severity, h: Hit, project: number | null, indicator: number | null): QualityFinding {
  return { rule, level, severity, message: h.say, messageEn: h.en, evidence: h.evidence || null, project, indicator, line: h.line ?? null };
}

/** Every rule that looks at one filing alone, and its scores. */
export function assessFiling(f: Filing, s: Settings = DEFAULT_SETTINGS): FilingQuality {
  const findings: QualityFinding[] = [];
  const indicators = new Map<string, IndicatorScore>();
  const projects = new Map<number, ProjectTerms & { band: Band | null }>();
  const partialRubric = f.projects.some(isPartialRubric);

  for (const p of f.projects) {
    for (const i of p.indicators) {
      const hits: { cost: Cost }[] = [];
      for (const rule of RULES) {
        if (rule.level !== 'indicator') continue;
        if ('part' in rule.cost && !scoredParts(p).includes(rule.cost.part)) continue; // a part the layout has not: nothing to judge
        const h = rule.check(i, p, f, s);
        if (!h) continue;
        hits.push({ cost: rule.cost });
        findings.push(finding(rule.id, 'indicator', h.severity ?? rule.severity, h, p.ordinal, i.ordinal));
      }
      indicators.set(indicatorKey(p.ordinal, i.ordinal), indicatorScore(i, p, hits.map((h) => h.cost), s));
    }
  }

  const projectHits = new Map<number, { rule: string; cost: Cost; severity: Severity }[]>();
  for (const p of f.projects) {
    const list: { rule: string; cost: Cost; severity: Severity }[] = [];
    for (const rule of RULES) {
      if (rule.level !== 'project') continue;
      for (const h of rule.check(p, f, s)) {
        const severity = h.severity ?? rule.severity;
        list.push({ rule: rule.id, cost: rule.cost, severity });
        findings.push(finding(rule.id, 'project', severity, h, p.ordinal, h.indicator ?? null));
      }
    }
    projectHits.set(p.ordinal, list);
  }
  // A critical finding on a row (its own rule's or a project rule's that names it) caps the row's total.
  for (const x of findings) {
    if (x.severity !== 'critical' || x.project == null || x.indicator == null) continue;
    const sc = indicators.get(indicatorKey(x.project, x.indicator));
    if (sc && sc.total > s.criticalCap) indicators.set(indicatorKey(x.project, x.indicator), { ...sc, total: s.criticalCap, cap: s.criticalCap });
  }

  let filingDeduction = 0;
  const rowsTotal = f.projects.reduce((a, p) => a + p.indicators.length, 0);
  for (const rule of RULES) {
    if (rule.level !== 'filing') continue;
    const hits = rule.check(f, s);
    for (const h of hits) findings.push(finding(rule.id, 'filing', h.severity ?? rule.severity, h, h.project ?? null, h.indicator ?? null));
    if ('filing' in rule.cost && hits.length > 0) {
      const most = s.filing[rule.cost.deduct];
      filingDeduction += rule.cost.filing === 'once' ? most : Math.min(most, most * (rowsTotal === 0 ? 0 : hits.length / rowsTotal));
    }
  }

  for (const p of f.projects) {
    const terms = projectScore(p, indicators, projectHits.get(p.ordinal) ?? [], s);
    projects.set(p.ordinal, { ...terms, band: band(terms.score, s) });
  }
  // The filing score is about project targets. 人员经费 / 日常公用经费 (basic expenditure, described in a
  // paragraph, not a 项目绩效目标表) are scored and shown, but would swamp the budget weighting: they count
  // only when a filing has nothing else. (A change to the rubric, which weighs every project by budget.)
  const withScore = f.projects.filter((p) => projects.get(p.ordinal)?.score != null);
  const projectsProper = withScore.filter((p) => p.kind === 'project' || p.kind === 'activity');
  const scored = projectsProper.length > 0 ? projectsProper : withScore;
  let score: number | null = null;
  const terms: FilingTerms = { weighted: null, plain: null, deduction: round2(filingDeduction) };
  if (scored.length > 0) {
    const plain = mean(scored.map((p) => projects.get(p.ordinal)!.score!));
    const weights = scored.map((p) => (p.budget != null && p.budget > 0n ? Number(p.budget) : 0));
    const wsum = weights.reduce((a, b) => a + b, 0);
    const weighted = wsum > 0 ? scored.reduce((a, p, k) => a + projects.get(p.ordinal)!.score! * weights[k], 0) / wsum : plain;
    score = clamp(0.5 * weighted + 0.5 * plain - filingDeduction);
    Object.assign(terms, { weighted: round2(weighted), plain: round2(plain) });
  }
  return { score: round1(score), band: band(round1(score), s), partialRubric, projects, indicators, terms, findings, settings: s };
}

/** A project scored on fewer parts than the rubric's four (a duty table, a template without 依据): labelled "partial rubric". */
export const isPartialRubric = (p: Project) => p.kind === 'activity' || (p.indicators.length > 0 && !hasColumn(p, 'basis'));

/**
 * The parts a project's layout can be judged on: a duty table gives a name and a graded scale only, a
 * template without a 依据 column has nothing to evidence (the rubric's partial rubric).
 */
export function scoredParts(p: Project): readonly Part[] {
  if (p.kind === 'activity') return ['measurable', 'fit'];
  return hasColumn(p, 'basis') ? ['measurable', 'fit', 'clear', 'evidenced'] : ['measurable', 'fit', 'clear'];
}

/** Specific basis 15, generic 5, its own name or none 0: the evidenced part, which no rule caps, judged by kind. */
export const evidencedByKind = (s: Settings) => ({ specific: s.indicator.evidenced, generic: Math.round(s.indicator.evidenced / 3), 'own-name': 0, missing: 0 });

/** measurable 40 + fit 25 + clear 20 + evidenced 15, each part as the rules' costs say; on fewer parts, scaled to 100. */
function indicatorScore(i: Indicator, p: Project, costs: Cost[], s: Settings): IndicatorScore {
  const w = s.indicator;
  const evidenced = evidencedByKind(s)[basisKind(i)];
  const part = (name: Part) => {
    let v = name === 'evidenced' ? evidenced : w[name];
    for (const c of costs) if ('part' in c && c.part === name && c.to != null) v = Math.min(v, c.to);
    for (const c of costs) if ('part' in c && c.part === name && c.minus != null) v -= c.minus;
    return Math.max(0, v);
  };
  const parts = scoredParts(p);
  const got = { measurable: part('measurable'), fit: null, clear: null, evidenced: null } as Record<Part, number | null>;
  for (const name of parts) got[name] = part(name);
  const sum = parts.reduce((a, name) => a + got[name]!, 0);
  const most = parts.reduce((a, name) => a + w[name], 0);
  const total = parts.length === 4 ? sum : round1((sum / most) * 100);
  return { measurable: got.measurable!, fit: got.fit, clear: got.clear, evidenced: got.evidenced, total, cap: null };
}

/** 50 × 产出 + 30 × 效益 + 10 × 满意度 + 10 × funding − capped project penalties; a missing block adds 0. */
function projectScore(p: Project, scores: Map<string, IndicatorScore>, hits: { rule: string; cost: Cost; severity: Severity }[], s: Settings): ProjectTerms {
  const none = { output: null, effect: null, satisfaction: null, funding: null, penalty: 0 };
  if (p.indicators.length === 0) return { score: null, ...none };
  const rows = p.indicators.map((i) => ({ i, score: scores.get(indicatorKey(p.ordinal, i.ordinal))!.total }));
  if (p.kind === 'activity') return { score: round1(mean(rows.map((r) => r.score))), ...none };
  const blockMean = (pred: (i: Indicator) => boolean) => {
    const xs = rows.filter((r) => pred(r.i)).map((r) => r.score);
    return xs.length === 0 ? null : mean(xs);
  };
  const sat = (i: Indicator) => block(i) === 'satisfaction' || (block(i) === 'effect' && kind(i) === 'satisfaction');
  const output = blockMean((i) => !sat(i) && (block(i) === 'output' || block(i) === 'cost'));
  const effect = blockMean((i) => !sat(i) && block(i) === 'effect');
  const satisfaction = blockMean(sat);

  const fundingPart = (which: 'schedule' | 'arithmetic') => {
    let v = 1;
    for (const h of hits) {
      if ('funding' in h.cost && h.cost.funding === which) v = Math.min(v, h.severity === 'minor' || h.severity === 'info' ? h.cost.minor : h.cost.major);
    }
    return v;
  };
  const funding = p.schedule.length === 0 && p.kind !== 'project' ? fundingPart('arithmetic') : (fundingPart('schedule') + fundingPart('arithmetic')) / 2;

  const penalties = new Map<string, { sum: number; cap: number }>();
  hits.forEach((h) => {
    if (!('project' in h.cost)) return;
    const cur = penalties.get(h.rule) ?? { sum: 0, cap: h.cost.cap };
    cur.sum += h.cost.project;
    penalties.set(h.rule, cur);
  });
  const penalty = [...penalties.values()].reduce((a, x) => a + Math.min(x.sum, x.cap), 0);
  const w = s.project;
  const share = (m: number | null) => (m ?? 0) / 100;
  const score = round1(clamp(w.output * share(output) + w.effect * share(effect) + w.satisfaction * share(satisfaction) + w.funding * funding - penalty));
  return { score, output: round2(output), effect: round2(effect), satisfaction: round2(satisfaction), funding: round2(funding), penalty };
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const clamp = (x: number) => Math.max(0, Math.min(100, x));
function round1(x: number): number;
function round1(x: number | null): number | null;
function round1(x: number | null): number | null {
  return x == null ? null : Math.round(x * 10) / 10;
}
/** Terms are kept to two decimals: enough to redo the sum to the one decimal a score shows. */
function round2(x: number): number;
function round2(x: number | null): number | null;
function round2(x: number | null): number | null {
  return x == null ? null : Math.round(x * 100) / 100;
}
