import { describe, expect, it } from 'vitest';
import type { Filing } from '../../src/lib/parse';
import { parseAmount } from '../../src/lib/parse/money';
import { assess, assessCorpus, corpusPlaces, corpusRows, RULES, type QualityFinding } from '../../src/lib/quality';
import { seed } from '../seeds';
import { CLEAN, filing, project } from '../../src/lib/quality/fixture';

/**
 * Every rule against the rubric's own examples on the real seeds: the rows it must flag are flagged, the
 * rows it must not flag are not. Where the seeds have no example, made-up rows (fixtures.ts).
 */
const ALL = ['000', '001', '002', '003', '004'].map(seed);
const Q = assess(ALL);
const byId = (f: Filing) => Q.get(f.id)!;
const F = { leting: seed('000'), shanhaiguan: seed('001'), yutian: seed('002'), linxi: seed('003'), duty: seed('004') };

function found(f: Filing, rule: string): QualityFinding[] {
  return byId(f).findings.filter((x) => x.rule === rule);
}
/** Findings of `rule` on the row of project `name` whose 三级指标 is `level3` (and target, if given). */
function on(f: Filing, rule: string, name: string, level3: string, target?: string): QualityFinding[] {
  const p = f.projects.find((x) => x.name === name)!;
  expect(p, name).toBeDefined();
  const rows = p.indicators.filter((i) => i.level3 === level3 && (target == null || i.target.raw === target));
  expect(rows.length, `${name} / ${level3}`).toBeGreaterThan(0);
  return found(f, rule).filter((x) => x.project === p.ordinal && rows.some((r) => r.ordinal === x.indicator));
}
function onProject(f: Filing, rule: string, name: string): QualityFinding[] {
  const p = f.projects.find((x) => x.name === name)!;
  return found(f, rule).filter((x) => x.project === p.ordinal);
}

describe('the rule table', () => {
  it('has the rubric’s 21 rules and the two peer and year-over-year rules of #14, each once, each with a severity, a cost and a source', () => {
    expect(RULES.length).toBe(23);
    expect(new Set(RULES.map((r) => r.id)).size).toBe(23);
    for (const r of RULES) expect(r.source).toMatch(/〔20\d\d〕\d+号/);
  });
});

describe('indicator rules on the seeds', () => {
  it('target-not-quantified: 乐亭 “确保正常运行 … 完成”, 山海关 “经济发展 … 促进经济发展”; not 临西 “≤12月份”', () => {
    expect(on(F.leting, 'target-not-quantified', '智慧人大系统运行维护经费', '确保正常运行', '完成').length).toBeGreaterThan(0);
    expect(on(F.shanhaiguan, 'target-not-quantified', '人大代表活动费', '经济发展')).toHaveLength(1);
    expect(on(F.linxi, 'target-not-quantified', '代表之家运行经费', '项目完成时限')).toHaveLength(0);
  });
  it('target-incomplete: 山海关 “群众满意度 … %”, 玉田 “…参观学习人次 … 200”; not 乐亭 “100百分比”', () => {
    expect(on(F.shanhaiguan, 'target-incomplete', '车辆保险费', '群众满意度', '%')).toHaveLength(1);
    expect(on(F.yutian, 'target-incomplete', '人大专项工作经费', '爱国主义教育基地参观学习人次', '200')).toHaveLength(1);
    expect(on(F.leting, 'target-incomplete', '代表工作经费', '代表工作经费保障', '100百分比')).toHaveLength(0);
  });
  it('unit-category-mismatch: 乐亭 成本 “生成决议决定 ≥8项”, 山海关 时效 “完成率 … 45人”; not 临西 “代表活动完成及时率 ≥90%”', () => {
    expect(on(F.leting, 'unit-category-mismatch', '人代会经费', '生成决议决定', '≥8项')).toHaveLength(1);
    expect(on(F.shanhaiguan, 'unit-category-mismatch', '综合事务管理费', '完成率', '45人')).toHaveLength(1);
    expect(on(F.linxi, 'unit-category-mismatch', '人大代表及委员活动经费', '代表活动完成及时率')).toHaveLength(0);
  });
  it('name-unit-mismatch: 山海关 “开展社会服务活动次数 ≥90%”; not 玉田 “培训参与率 ≥90%”', () => {
    expect(on(F.shanhaiguan, 'name-unit-mismatch', '人大代表活动费', '开展社会服务活动次数')).toHaveLength(1);
    expect(on(F.yutian, 'name-unit-mismatch', '人大代表活动', '培训参与率')).toHaveLength(0);
  });
  it('direction-implausible: 山海关 成本 “按总成本控制 ≥100%”; not 临西 “项目成本 ≤23万元”', () => {
    expect(on(F.shanhaiguan, 'direction-implausible', '车辆保险费', '按总成本控制')).toHaveLength(1);
    expect(on(F.linxi, 'direction-implausible', '人大会议经费', '项目成本', '≤23万元')).toHaveLength(0);
  });
  it('satisfaction-weak: 玉田 “阅读者…是否满意 → 满意”, 乐亭 “群众满意率 ≥80%”; not 玉田 “培训参与者满意度 ≥90%”', () => {
    expect(on(F.yutian, 'satisfaction-weak', '人大代表订刊', '服务对象满意度', '满意')).toHaveLength(1);
    expect(on(F.leting, 'satisfaction-weak', '代表工作经费', '群众满意率', '≥80百分比')).toHaveLength(1);
    expect(on(F.yutian, 'satisfaction-weak', '人大代表活动', '培训参与者满意度情况')).toHaveLength(0);
  });
  it('description-adds-nothing: every one of 乐亭’s 43 rows; not 临西 “反映…占计划数的比例”', () => {
    const rows = F.leting.projects.reduce((a, p) => a + p.indicators.length, 0);
    expect(rows).toBe(43);
    expect(found(F.leting, 'description-adds-nothing')).toHaveLength(43);
    expect(on(F.linxi, 'description-adds-nothing', '代表之家运行经费', '工作计划完成率')).toHaveLength(0);
  });
  it('basis-generic: every 山海关 row (“年度工作计划”); not 临西 “邢办发[2017]16号《…》”', () => {
    const rows = F.shanhaiguan.projects.reduce((a, p) => a + p.indicators.length, 0);
    expect(found(F.shanhaiguan, 'basis-generic')).toHaveLength(rows);
    expect(on(F.linxi, 'basis-generic', '代表之家运行经费', '集中活动的次数')).toHaveLength(0);
  });
  it('level-misplaced: 乐亭’s 满意度 block holding “数量指标 开展视察 2次”; not the order of rows inside a block', () => {
    const misplaced = on(F.leting, 'level-misplaced', '代表视察与监督经费', '开展视察', '2次');
    expect(misplaced.some((x) => x.message.includes('满意度指标'))).toBe(true);
    // 玉田 lists 成本 before 时效 in 代表之家联络站: order inside a block is not a defect.
    expect(onProject(F.yutian, 'level-misplaced', '代表之家联络站')).toHaveLength(0);
  });
  it('target-contradicts-description: 山海关 “全部车辆完成续保 → ≥75%”; not 玉田 “培训合格达标率 100%”', () => {
    expect(on(F.shanhaiguan, 'target-contradicts-description', '车辆保险费', '完成续保车辆的数量')).toHaveLength(1);
    expect(on(F.yutian, 'target-contradicts-description', '市县人大代表人大干部履职培训经费', '培训合格率')).toHaveLength(0);
  });
});

describe('project rules on the seeds', () => {
  it('framework-incomplete: 乐亭 代表视察与监督经费 has no 成本', () => {
    expect(onProject(F.leting, 'framework-incomplete', '代表视察与监督经费').map((x) => x.evidence)).toContain('成本指标');
    expect(onProject(F.linxi, 'framework-incomplete', '代表之家运行经费')).toHaveLength(0);
  });
  it('level3-duplicated: 乐亭 智慧人大 “确保正常运行” × 7', () => {
    expect(onProject(F.leting, 'level3-duplicated', '智慧人大系统运行维护经费').filter((x) => x.evidence === '确保正常运行')).toHaveLength(6);
  });
  it('cost-over-budget: 玉田 “≤30.03万元” on a 300,000 元 project is critical', () => {
    const hits = onProject(F.yutian, 'cost-over-budget', '市县人大代表人大干部履职培训经费');
    expect(hits).toHaveLength(1);
    expect(hits[0].severity).toBe('critical');
    expect(hits[0].evidence).toContain('300000.00');
    expect(found(F.linxi, 'cost-over-budget')).toHaveLength(0);
  });
  it('schedule-shape: 山海关 车辆保险费’s blank March; 临西’s amounts under a % header', () => {
    expect(onProject(F.shanhaiguan, 'schedule-shape', '车辆保险费').map((x) => x.severity)).toContain('minor');
    expect(found(F.linxi, 'schedule-shape').every((x) => x.message.includes('金额'))).toBe(true);
    expect(onProject(F.leting, 'schedule-shape', '智慧人大系统运行维护经费')).toHaveLength(0);
  });
  it('schedule-shape: a plan that falls back, stops short or exceeds 100 is major', () => {
    const plan = (xs: (number | null)[]) => project({ indicators: CLEAN.indicators, schedule: xs.map((pct, k) => ({ month: ([3, 6, 10, 12] as const)[k], pct, raw: pct == null ? null : `${pct}%` })) });
    for (const xs of [[30, 20, 80, 100], [25, 50, 75, 90], [25, 50, 110, 100]]) {
      const f = filing([plan(xs)]);
      expect(assess([f]).get(f.id)!.findings.filter((x) => x.rule === 'schedule-shape' && x.severity === 'major').length, xs.join('/')).toBeGreaterThan(0);
    }
  });
  it('budget-arithmetic: 预算数 ≠ 财政资金 + 其他资金, and a duty heading ≠ the sum of its activities (made-up rows)', () => {
    const bad = project({ indicators: CLEAN.indicators, budget: parseAmount('300000', '元'), fiscal: parseAmount('200000', '元'), other: parseAmount('50000', '元') });
    const ok = project({ indicators: CLEAN.indicators, budget: parseAmount('300000', '元'), fiscal: parseAmount('250000', '元'), other: parseAmount('50000', '元') });
    const f = filing([bad, ok]);
    const hits = assess([f]).get(f.id)!.findings.filter((x) => x.rule === 'budget-arithmetic');
    expect(hits.map((x) => x.project)).toEqual([1]);
    expect(hits[0].severity).toBe('critical');
    const act = (name: string, wan: string) => project({ name, kind: 'activity', category: '教育管理', categoryBudget: parseAmount('10.00', '万元'), budget: parseAmount(wan, '万元'), fiscal: null, schedule: [], indicators: [] });
    const duty = filing([act('甲', '4.00'), act('乙', '5.00')]);
    expect(assess([duty]).get(duty.id)!.findings.filter((x) => x.rule === 'budget-arithmetic')).toHaveLength(1);
    const balanced = filing([act('甲', '4.00'), act('乙', '6.00')]);
    expect(assess([balanced]).get(balanced.id)!.findings.filter((x) => x.rule === 'budget-arithmetic')).toHaveLength(0);
    expect(found(F.duty, 'budget-arithmetic')).toHaveLength(0);
  });
  it('goal-indicator-misaligned: 山海关 人大会议 “6次以上常委会会议” with no 次 indicator', () => {
    expect(onProject(F.shanhaiguan, 'goal-indicator-misaligned', '人大会议').some((x) => x.evidence?.includes('6次以上'))).toBe(true);
  });
  it('narrative-table-inconsistent: 玉田 人大代表活动 plan 20/40/80/100 in the text vs 25/50/80/100 in the table', () => {
    expect(onProject(F.yutian, 'narrative-table-inconsistent', '人大代表活动').some((x) => x.evidence?.includes('20%/40%/80%/100%'))).toBe(true);
    // `>＝90%` in the text and `≥90%` in the table say the same.
    expect(onProject(F.yutian, 'narrative-table-inconsistent', '人大会议费').some((x) => x.indicator != null)).toBe(false);
  });
});

describe('filing rules on the seeds', () => {
  it('copy-paste-across-projects: 山海关 “社会稳定水平 … 促进社会稳定” in 3 projects', () => {
    const hits = found(F.shanhaiguan, 'copy-paste-across-projects').filter((x) => x.evidence?.includes('社会稳定水平'));
    expect(new Set(hits.map((x) => x.project)).size).toBe(3);
  });
  it('cross-filing-boilerplate: “可持续影响指标 长期使用性” in 山海关 and 玉田, as info', () => {
    for (const f of [F.shanhaiguan, F.yutian]) {
      const hits = found(f, 'cross-filing-boilerplate').filter((x) => x.evidence === '可持续影响指标 / 长期使用性');
      expect(hits.length).toBeGreaterThan(0);
      expect(hits.every((x) => x.severity === 'info')).toBe(true);
    }
  });
  it('cross-filing rules judged part by part against the whole corpus’s places find what one pass finds', () => {
    const filings = Object.values(F);
    const whole = assessCorpus(filings.flatMap(corpusRows));
    const places = filings.reduce((acc, f) => corpusPlaces(corpusRows(f), acc), new Map());
    const parts = filings.flatMap((f) => assessCorpus(corpusRows(f), places));
    expect(parts).toEqual(whole);
    expect(whole.length).toBeGreaterThan(0);
    // Judged alone, a filing has no other place to share its rows with.
    expect(filings.flatMap((f) => assessCorpus(corpusRows(f)))).toEqual([]);
  });
  it('off-department-content: 004’s 政协 section, and nothing else of 004', () => {
    const hits = found(F.duty, 'off-department-content');
    expect(hits.length).toBe(2);
    expect(hits.every((x) => F.duty.projects[x.project! - 1].category === '政协事务管理')).toBe(true);
  });
  it('grade-scale-inconsistent: 004’s 政协 rows “…90% / 85%” (差 not an open bound, scales differ)', () => {
    const hits = found(F.duty, 'grade-scale-inconsistent');
    expect(hits.some((x) => x.evidence?.includes('100%/95%/90%/85%'))).toBe(true);
    expect(hits.filter((x) => x.project != null).every((x) => F.duty.projects[x.project! - 1].category === '政协事务管理')).toBe(true);
  });
});

describe('messages', () => {
  it('every finding is a Chinese sentence that names its row or project and says what to change', () => {
    for (const f of ALL) {
      for (const x of byId(f).findings) {
        expect(x.message, x.rule).toMatch(/[\u4e00-\u9fff]/);
        expect(x.message, x.rule).toMatch(/请|应/);
        expect(x.message, x.rule).toMatch(/“.+”/);
      }
    }
  });
});
