import { parseAmount } from '../parse/money';
import type { Filing, Grades, Indicator, Month, Project } from '../parse/model';
import { parseTarget } from '../parse/target';
import { corpusPlaces } from './assess';
import { type CorpusRule, corpusRows, type FilingRule, type Hit, type IndicatorRule, type ProjectRule } from './rule';
import { DEFAULT_SETTINGS, type Settings } from './settings';

/**
 * A tiny builder of filings for the rules' unit tests (and the scores' tests): a clean row, project and
 * filing by default, each field overridable, so a test states only what its rule looks at.
 */

/** What a test writes of a row: its labels and texts, the target as written. */
export interface RowSpec {
  level1?: string | null;
  level2?: string | null;
  level3?: string | null;
  description?: string | null;
  target?: string | null;
  basis?: string | null;
  grades?: Grades | null;
  level1Canonical?: string | null;
  level2Canonical?: string | null;
}

/** A clean 产出—数量 row with a specific basis; what `over` says replaces it. */
export function indicator(over: RowSpec = {}, ordinal = 1): Indicator {
  const spec = { level1: '产出指标', level2: '数量指标', level3: '受助学生人数', description: '获得营养膳食补助的学生人数', target: '≥3000人', basis: '2024年全县学生资助工作计划', ...over };
  return {
    ordinal, level1: spec.level1, level2: spec.level2, level3: spec.level3, description: spec.description, target: parseTarget(spec.target),
    basis: spec.basis, grades: spec.grades ?? null, line: ordinal, level1Canonical: spec.level1Canonical ?? null, level2Canonical: spec.level2Canonical ?? null, location: null,
  };
}

/** The same, positionally (level1, level2, level3, description, target, basis). */
export function ind(level1: string, level2: string, level3: string, description: string, target: string, basis: string, ordinal = 1): Indicator {
  return indicator({ level1, level2, level3, description, target, basis }, ordinal);
}

/** A cumulative plan at the four months, as written (`'25%'`, `''` for a blank cell). */
export function plan(...cells: string[]): Project['schedule'] {
  return ([3, 6, 10, 12] as Month[]).map((month, k) => {
    const raw = cells[k] ?? '';
    const pct = raw === '' ? null : Number(raw.replace('%', ''));
    return { month, pct, raw: raw === '' ? null : raw };
  });
}

/** A 300,000 元 project on an even plan; rows are numbered in order. */
export function project(over: Partial<Project> & { indicators: Indicator[] }): Project {
  return {
    ordinal: 1, code: null, name: '测试项目', kind: 'project', category: null,
    budget: parseAmount('300000.00', '元'), fiscal: parseAmount('300000.00', '元'), other: null,
    purpose: null, goals: null, complete: true, span: { first: 1, last: 40 },
    schedule: plan('25%', '50%', '80%', '100%'),
    scheduleAsAmounts: false, narrative: null, categoryBudget: null,
    ...over,
    indicators: over.indicators.map((i, k) => ({ ...i, ordinal: k + 1 })),
  };
}

/** A filing of 测试县教育局; projects are numbered in order. */
export function filing(projects: Project[], over: Partial<Filing> = {}): Filing {
  return {
    id: 'f000000000000000', sourceFile: 'test.txt', county: '测试县', countyCode: null, city: null, year: 2024,
    department: '测试县教育局', departmentCode: null, unit: '元', layout: 'word-table', status: 'ok',
    linesTotal: 40, linesUsed: 40, overview: null, encoding: 'utf-8', findings: [], lines: [],
    ...over,
    projects: projects.map((p, k) => ({ ...p, ordinal: k + 1 })),
  };
}

/** An indicator rule's verdict on one row (`spec` over the clean row), alone in a project (`over`) of a filing. */
export function checkRow(rule: IndicatorRule, spec: RowSpec, over: Partial<Project> = {}, s: Settings = DEFAULT_SETTINGS): Hit | null {
  const f = filing([project({ ...over, indicators: [indicator(spec)] })]);
  const p = f.projects[0];
  return rule.check(p.indicators[0], p, f, s);
}

/** A project rule's hits on one project (the clean one, with `over`), alone in a filing. */
export function checkProject(rule: ProjectRule, over: Partial<Project> = {}, s: Settings = DEFAULT_SETTINGS): Hit[] {
  const f = filing([project({ indicators: CLEAN.indicators, name: CLEAN.name, goals: CLEAN.goals, purpose: CLEAN.purpose, ...over })]);
  return rule.check(f.projects[0], f, s);
}

/** A filing rule's hits on a filing of `projects`. */
export function checkFiling(rule: FilingRule, projects: Project[], over: Partial<Filing> = {}, s: Settings = DEFAULT_SETTINGS): Hit[] {
  return rule.check(filing(projects, over), s);
}

/** A project with clean, specific, quantified targets: what a county should file. */
export const CLEAN = project({
  name: '农村义务教育学生营养改善计划',
  goals: '为全县12所农村学校约3000名学生提供营养膳食补助',
  purpose: '按每生每天5元标准发放营养膳食补助',
  indicators: [
    ind('产出指标', '数量指标', '受助学生人数', '获得营养膳食补助的学生人数', '≥3000人', '2024年全县学生资助工作计划'),
    ind('产出指标', '数量指标', '覆盖学校数', '实施营养改善计划的农村学校数', '12所', '2024年全县学生资助工作计划'),
    ind('产出指标', '质量指标', '膳食达标率', '膳食营养检测达标的餐次占检测餐次的比例', '≥95%', '《学生餐营养指南》（WS/T 554-2017）'),
    ind('产出指标', '时效指标', '补助发放完成时间', '全年补助资金拨付完成的时间', '12月底前', '上年实际拨付进度'),
    ind('产出指标', '成本指标', '生均补助标准', '每生每天的膳食补助标准', '≤5元', '财教〔2021〕174号'),
    ind('效益指标', '社会效益指标', '学生营养不良检出率下降幅度', '营养不良检出人数占体检人数的比例较上年下降的幅度', '≥2%', '上年学生体检数据'),
    ind('效益指标', '可持续影响指标', '学校食堂供餐覆盖率', '由学校食堂供餐的学校占实施学校的比例', '100%', '《农村义务教育学生营养改善计划实施细则》'),
    ind('满意度指标', '服务对象满意度指标', '家长满意度', '抽样调查中满意的家长人数占调查人数的比例', '≥90%', '2023年家长满意度调查结果'),
  ],
});

/**
 * A cross-filing rule's hits on `filings` (built with `filing`), their rows gathered as the engine
 * gathers a corpus (corpusRows, corpusPlaces): every filing's rows judged against all of them.
 */
export function checkCorpus(rule: CorpusRule, filings: Filing[], s: Settings = DEFAULT_SETTINGS): Hit[] {
  const rows = filings.flatMap(corpusRows);
  const places = corpusPlaces(rows);
  return rule.check(rows, (r) => places.get(`${rule.id}\u0000${rule.key(r)}`), s);
}
