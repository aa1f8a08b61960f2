import { parseTarget, type Filing, type Indicator, type Project } from '../../src/lib/parse';
import { parseAmount } from '../../src/lib/parse/money';

/** Made-up rows for rules the seeds cannot show (budget arithmetic, a clean project). */
export function ind(level1: string, level2: string, level3: string, description: string, target: string, basis: string, ordinal = 1): Indicator {
  return { ordinal, level1, level2, level3, description, target: parseTarget(target), basis, grades: null, line: ordinal, level1Canonical: null, level2Canonical: null, location: null };
}

export function project(over: Partial<Project> & { indicators: Indicator[] }): Project {
  return {
    ordinal: 1, code: null, name: '测试项目', kind: 'project', category: null,
    budget: parseAmount('300000.00', '元'), fiscal: parseAmount('300000.00', '元'), other: null,
    purpose: null, goals: null, complete: true, span: { first: 1, last: 40 },
    schedule: [3, 6, 10, 12].map((month, k) => ({ month: month as 3 | 6 | 10 | 12, pct: [25, 50, 80, 100][k], raw: `${[25, 50, 80, 100][k]}%` })),
    scheduleAsAmounts: false, narrative: null, categoryBudget: null,
    ...over,
    indicators: over.indicators.map((i, k) => ({ ...i, ordinal: k + 1 })),
  };
}

export function filing(projects: Project[], over: Partial<Filing> = {}): Filing {
  return {
    id: 'f000000000000000', sourceFile: 'test.txt', county: '测试县', countyCode: null, city: null, year: 2024,
    department: '测试县教育局', departmentCode: null, unit: '元', layout: 'word-table', status: 'ok',
    linesTotal: 40, linesUsed: 40, overview: null, encoding: 'utf-8', findings: [], lines: [],
    ...over,
    projects: projects.map((p, k) => ({ ...p, ordinal: k + 1 })),
  };
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
