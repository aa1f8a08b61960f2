import { formatYuan, yuanToNumber } from '../parse/money';
import type { Filing, Indicator, Project, Severity } from '../parse/model';
import { ALLOWED, basisKind, block, hasColumn, isCountName, isRateName, isSatisfaction, kind, nameOf, squash, VAGUE } from './classify';
import type { Settings } from './settings';

/**
 * The rubric as data: one row per rule with its id, level, severity, what it costs, the document it
 * rests on, a Chinese message a user can act on, and the check. ../shared/docs/quality-rubric.md is the
 * source; where the seeds showed a rule wrong, the row says so.
 */

export type Level = 'indicator' | 'project' | 'filing' | 'corpus';

/** What a finding costs. `part` rules act on an indicator's score parts; the rest deduct from a project or filing. */
export type Cost =
  | { part: 'measurable' | 'fit' | 'clear' | 'evidenced'; to?: number; minus?: number }
  | { project: number; cap: number }
  | { funding: 'schedule' | 'arithmetic'; major: number; minor: number }
  | { filing: 'copy-paste' | 'off-department' }
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

interface Base {
  id: string;
  severity: Severity;
  source: string;
  cost: Cost;
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
}

export function corpusRows(f: Filing): CorpusRow[] {
  return f.projects.flatMap((p) =>
    p.indicators.map((i) => ({ filing: f.id, place: f.county ?? f.id, project: p.ordinal, indicator: i.ordinal, level2: i.level2, level3: i.level3, satisfaction: isSatisfaction(i), line: i.line })),
  );
}

/** Where each compared key occurs (rule id + key → places): gathered batch by batch, so the rows need not be kept. */
export type Places = Map<string, Set<string>>;

export interface CorpusRule extends Base {
  level: 'corpus';
  /** What the rule compares across places; null: the row is not compared. */
  key: (r: CorpusRow) => string | null;
  /** `places` holds every place of every key in the corpus, `rows` may be any part of it. */
  check: (rows: CorpusRow[], places: (r: CorpusRow) => Set<string> | undefined, s: Settings) => Hit[];
}
export type Rule = IndicatorRule | ProjectRule | FilingRule | CorpusRule;

const SRC = {
  cz34: '中发〔2018〕34号',
  cy88: '财预〔2015〕88号',
  cy10: '财预〔2020〕10号',
  cy101: '财预〔2021〕101号',
};

const q = (s: string | null | undefined) => `“${(s ?? '').trim() || '（空）'}”`;
const row = (i: Indicator) => `第${i.ordinal}行指标${q(i.level3 ?? i.description)}`;
const sq = squash;
const unitClass = (i: Indicator) => i.target.unitClass;
const target = (i: Indicator) => i.target.raw ?? '';
/** Two targets say the same when they parse the same (`>＝90%` is `≥90%`), or read the same. */
const sameTarget = (a: Indicator, b: Indicator) =>
  a.target.quantitative && b.target.quantitative
    ? a.target.op === b.target.op && a.target.value === b.target.value && a.target.unit === b.target.unit
    : sq(a.target.raw) === sq(b.target.raw);

export const RULES: Rule[] = [
  // ---------------------------------------------------------------- indicator rules
  {
    id: 'target-not-quantified', level: 'indicator', severity: 'major', source: SRC.cy101, cost: { part: 'measurable', to: 0 },
    check: (i) => {
      const t = i.target;
      if (t.quantitative || t.value != null || t.unit != null || (i.grades && Object.keys(i.grades).length > 0)) return null;
      if (t.raw != null && sq(t.raw) === sq(i.level3)) return null; // target-incomplete says it
      const vague = t.raw == null ? '未填写' : VAGUE.test(t.raw) ? '只有描述性词语' : '没有数字';
      return { evidence: target(i), say: `${row(i)}的指标值${q(t.raw)}${vague}，年底无法核对是否达成；请改为可度量的值（如“≥95%”“≥12次”“12月底前”）。` };
    },
  },
  {
    id: 'target-incomplete', level: 'indicator', severity: 'major', source: SRC.cy101, cost: { part: 'measurable', to: 20 },
    check: (i) => {
      const t = i.target;
      if (t.raw != null && sq(t.raw) === sq(i.level3) && !t.quantitative) {
        return { evidence: target(i), say: `${row(i)}的指标值与指标名称相同，没有给出目标；请填写具体数值和单位。` };
      }
      if (t.value == null && t.unit != null) {
        return { evidence: target(i), say: `${row(i)}的指标值只有单位${q(t.raw)}，缺少数值；请补上目标值（如“≥90%”）。` };
      }
      // A number without a unit, unless the name implies one (a rate implies %, an index none).
      if (t.value != null && t.unit == null && t.date == null && !isRateName(nameOf(i)) && !/(指数|系数|得分|分值)$/.test(nameOf(i))) {
        return { evidence: target(i), say: `${row(i)}的指标值${q(t.raw)}只有数字没有单位；请写明计量单位（如“人次”“项”“%”）。` };
      }
      return null;
    },
  },
  {
    id: 'unit-category-mismatch', level: 'indicator', severity: 'major', source: SRC.cy101, cost: { part: 'fit', to: 0 },
    check: (i, _p, f) => {
      const cls = unitClass(i);
      if (cls == null || f.projects.length === 0) return null;
      const name = nameOf(i) + sq(i.description);
      const k = kind(i) ?? (block(i) === 'cost' ? 'cost' : null);
      const fits: Partial<Record<NonNullable<typeof k>, boolean>> = {
        cost: cls === 'money' || (cls === 'percent' && /节约率|执行率|控制率|节支率/.test(name)),
        timeliness: cls === 'time' || (cls === 'percent' && /及时|按时|进度|准时/.test(name)),
        quantity: cls === 'count' || (cls === 'percent' && /率|比例|比率|覆盖/.test(name)),
        satisfaction: cls === 'percent' || cls === 'score',
      };
      if (k == null || fits[k] !== false) return null;
      const want = { cost: '金额（元/万元）', timeliness: '时间或日期（如“12月底前”）', quantity: '数量单位（次、人、项…）', satisfaction: '百分比或分值' } as Record<string, string>;
      return { evidence: `${i.level2} / ${target(i)}`, say: `${row(i)}属于${q(i.level2)}，指标值${q(i.target.raw)}的单位不相符；应使用${want[k]}。` };
    },
  },
  {
    id: 'name-unit-mismatch', level: 'indicator', severity: 'minor', source: SRC.cy101, cost: { part: 'fit', minus: 10 },
    check: (i) => {
      const name = nameOf(i);
      const cls = unitClass(i);
      if (isCountName(name) && cls === 'percent') return { evidence: `${name} / ${target(i)}`, say: `${row(i)}的名称是数量（次数、人数），指标值却是百分比${q(i.target.raw)}；请改为具体数量，或把名称改为“…率”。` };
      if (isRateName(name) && cls === 'count') return { evidence: `${name} / ${target(i)}`, say: `${row(i)}的名称是比率，指标值却是数量${q(i.target.raw)}；请改为百分比，或把名称改为数量。` };
      return null;
    },
  },
  {
    id: 'direction-implausible', level: 'indicator', severity: 'minor', source: SRC.cy88, cost: { part: 'fit', minus: 10 },
    check: (i) => {
      const t = i.target;
      const up = t.op === '≥' || t.op === '>';
      const k = kind(i) ?? (block(i) === 'cost' ? 'cost' : null);
      if (k === 'cost' && up && t.value != null) return { evidence: target(i), say: `${row(i)}是成本指标，却写成“不低于”${q(t.raw)}；成本应设上限（“≤”）。` };
      if (t.unitClass === 'percent' && t.value != null && (t.value > 100 || (up && t.value >= 100))) {
        return { evidence: target(i), say: `${row(i)}的比率目标${q(t.raw)}不可能超过100%；请改为“=100%”或合理的下限。` };
      }
      if (isSatisfaction(i) && (t.op === '≤' || t.op === '<')) return { evidence: target(i), say: `${row(i)}是满意度，却设了上限${q(t.raw)}；满意度应设下限（“≥”）。` };
      if ((t.date != null || t.unitClass === 'time') && up && k === 'timeliness') return { evidence: target(i), say: `${row(i)}是完成时限，却写成“不早于”${q(t.raw)}；时限应写成“≤”或“…前”。` };
      return null;
    },
  },
  {
    id: 'satisfaction-weak', level: 'indicator', severity: 'minor', source: SRC.cy10, cost: { part: 'fit', minus: 10 },
    check: (i, _p, _f, s) => {
      if (!isSatisfaction(i)) return null;
      const t = i.target;
      if (t.value == null) return { evidence: target(i), say: `${row(i)}是满意度，指标值${q(t.raw)}不是数值；请改为“≥${s.satisfactionThreshold}%”这样的可测目标。` };
      if (t.unitClass === 'percent' && t.value < s.satisfactionThreshold) return { evidence: target(i), say: `${row(i)}的满意度目标${q(t.raw)}低于${s.satisfactionThreshold}%；请提高到不低于${s.satisfactionThreshold}%。` };
      if (block(i) !== 'satisfaction' && kind(i) !== 'satisfaction') return { evidence: `${i.level1} / ${i.level2}`, say: `${row(i)}是满意度，却放在${q(i.level1)}${q(i.level2)}下；请移到“满意度指标—服务对象满意度指标”。` };
      return null;
    },
  },
  {
    id: 'description-adds-nothing', level: 'indicator', severity: 'minor', source: SRC.cy88, cost: { part: 'clear', to: 0 },
    check: (i, p) => {
      if (!hasColumn(p, 'description')) return null;
      const d = sq(i.description);
      const n = sq(i.level3);
      if (n === '' && d === '') return null;
      if (d === '' || d === n || (n !== '' && d.replace(n, '').replace(/^(?:反映|反应)|情况$/g, '').length <= 1)) {
        return { evidence: i.description ?? '', say: `${row(i)}的指标描述${d === '' ? '为空' : '只重复了指标名称'}；请说明衡量什么、怎样计算（如“已完成数占计划数的比例”）。` };
      }
      if (isRateName(n) && !/占|比例|比率|比重|\/|除以|与.{1,12}之比|百分比/.test(d)) {
        return { evidence: i.description ?? '', say: `${row(i)}是比率，描述却没有写分母；请写明“…占…的比例”。` };
      }
      return null;
    },
  },
  {
    id: 'basis-generic', level: 'indicator', severity: 'minor', source: SRC.cy101, cost: { part: 'evidenced' },
    check: (i, p) => {
      if (!hasColumn(p, 'basis')) return null;
      const k = basisKind(i);
      if (k === 'specific') return null;
      const what = { missing: '没有填写', 'own-name': '只重复了指标名称', generic: `${q(i.basis)}过于笼统` }[k];
      return { evidence: i.basis ?? '', say: `${row(i)}的指标值确定依据${what}；请写明具体依据：文件文号、《文件名称》、带年份的工作计划，或上年实际、行业标准。` };
    },
  },
  {
    id: 'level-misplaced', level: 'indicator', severity: 'major', source: SRC.cy88, cost: { part: 'clear', to: 0 },
    check: (i) => {
      const b = block(i);
      const k = kind(i);
      if (b && k && !ALLOWED[b].includes(k)) return { evidence: `${i.level1} / ${i.level2}`, say: `${row(i)}的二级指标${q(i.level2)}不应放在${q(i.level1)}下；请移到对应的一级指标。` };
      if (b === 'effect' && k !== 'satisfaction' && isSatisfaction(i)) return { evidence: `${i.level2} / ${i.level3}`, say: `${row(i)}是满意度，却作为${q(i.level2)}；请移到“满意度指标”。` };
      if (b === 'effect' && /^(?:开展|召开|组织|举办)/.test(sq(i.level3)) && i.target.unitClass === 'count') {
        return { evidence: `${i.level3} ${target(i)}`, say: `${row(i)}是产出数量（${q(i.target.raw)}），不是效益；请移到“产出指标—数量指标”，并另设反映效果的效益指标。` };
      }
      return null;
    },
  },
  {
    id: 'target-contradicts-description', level: 'indicator', severity: 'minor', source: SRC.cy88, cost: { part: 'clear', minus: 10 },
    check: (i) => {
      const t = i.target;
      if (!/全部|所有|100%|百分之百|全覆盖|全额/.test(sq(i.description) + sq(i.level3)) || t.unitClass !== 'percent' || t.value == null || t.value >= 100) return null;
      return { evidence: `${i.description} / ${t.raw}`, say: `${row(i)}的描述要求“全部”，指标值却只有${q(t.raw)}；请统一（目标改为100%，或修改描述）。` };
    },
  },

  // ---------------------------------------------------------------- project rules
  {
    id: 'framework-incomplete', level: 'project', severity: 'major', source: SRC.cz34, cost: { project: 5, cap: 20 },
    check: (p) => {
      if (p.kind === 'activity' || p.indicators.length === 0) return [];
      const blocks = new Set(p.indicators.map((i) => block(i)));
      const kinds = new Set(p.indicators.filter((i) => block(i) === 'output' || block(i) === 'cost').map((i) => kind(i)));
      const missing: string[] = [];
      for (const [b, name] of [['output', '产出指标'], ['effect', '效益指标'], ['satisfaction', '满意度指标']] as const) {
        if (!blocks.has(b) && !(b === 'satisfaction' && p.indicators.some((i) => kind(i) === 'satisfaction'))) missing.push(name);
      }
      if (blocks.has('output')) {
        for (const [k, name] of [['quantity', '数量指标'], ['quality', '质量指标'], ['timeliness', '时效指标'], ['cost', '成本指标']] as const) {
          if (!kinds.has(k) && !(k === 'cost' && blocks.has('cost'))) missing.push(name);
        }
      }
      return missing.map((m) => ({ evidence: m, say: `项目${q(p.name)}缺少${q(m)}；绩效指标应覆盖产出（数量、质量、时效、成本）、效益和满意度，请补充。` }));
    },
  },
  {
    id: 'level3-duplicated', level: 'project', severity: 'major', source: SRC.cy101, cost: { project: 3, cap: 15 },
    check: (p) => {
      const hits: Hit[] = [];
      const seen = new Map<string, Indicator>();
      for (const i of p.indicators) {
        const n = sq(i.level3);
        if (n === '') continue;
        const first = seen.get(n);
        if (first) hits.push({ indicator: i.ordinal, evidence: i.level3 ?? '', say: `项目${q(p.name)}${row(i)}与第${first.ordinal}行重复；每个三级指标应衡量不同的内容，请删除或改写。` });
        else seen.set(n, i);
      }
      // One target stamped on ≥ 3 output/effect rows. Percent thresholds (≥90% on three different rates) are a
      // norm, not a stamp: the seeds' 临西 would otherwise be flagged for doing it right. (Narrower than the rubric.)
      const byTarget = new Map<string, Indicator[]>();
      for (const i of p.indicators) {
        const b = block(i);
        if ((b === 'output' || b === 'effect' || b === 'cost') && i.target.raw && i.target.unitClass !== 'percent') byTarget.set(sq(i.target.raw), [...(byTarget.get(sq(i.target.raw)) ?? []), i]);
      }
      for (const [t, rows] of byTarget) {
        if (rows.length >= 3 && new Set(rows.map((r) => sq(r.level3))).size > 1) {
          hits.push({ indicator: rows[0].ordinal, evidence: `${t} × ${rows.length}`, say: `项目${q(p.name)}有${rows.length}个产出/效益指标使用同一指标值${q(t)}；请为每个指标设定各自的目标。` });
        }
      }
      return hits;
    },
  },
  {
    id: 'cost-over-budget', level: 'project', severity: 'critical', source: SRC.cy101, cost: { project: 15, cap: 15 },
    check: (p, _f, s) => {
      if (p.budget == null || p.budget <= 0n) return [];
      return p.indicators.flatMap((i) => {
        const k = kind(i) ?? (block(i) === 'cost' ? 'cost' : null);
        const t = i.target;
        if (k !== 'cost' || t.yuan == null || (t.op !== '≤' && t.op !== '<' && t.op != null)) return [];
        const over = yuanToNumber(t.yuan) / yuanToNumber(p.budget!) - 1;
        if (over <= s.costTolerance) return [];
        return [{ indicator: i.ordinal, evidence: `${t.raw} > 预算数 ${formatYuan(p.budget!)}元`, say: `项目${q(p.name)}${row(i)}的成本上限${q(t.raw)}（${formatYuan(t.yuan)}元）超过了预算数${formatYuan(p.budget!)}元；成本目标不能高于预算，请核对。` }];
      });
    },
  },
  {
    id: 'schedule-shape', level: 'project', severity: 'major', source: SRC.cy10, cost: { funding: 'schedule', major: 0, minor: 0.5 },
    check: (p) => {
      const pts = p.schedule;
      if (pts.length === 0) return [];
      const hits: Hit[] = [];
      const vals = pts.map((x) => x.pct);
      const shown = pts.map((x) => x.raw ?? '空').join(' / ');
      if (vals.some((v) => v != null && (v < 0 || v > 100))) hits.push({ evidence: shown, say: `项目${q(p.name)}的资金支出计划超出0–100%（${shown}）；累计进度不能超过100%。` });
      for (let k = 1; k < vals.length; k++) {
        const prev = vals.slice(0, k).filter((v) => v != null).at(-1);
        if (prev != null && vals[k] != null && vals[k]! < prev) {
          hits.push({ evidence: shown, say: `项目${q(p.name)}的累计支出计划在${pts[k].month}月底回落（${shown}）；累计进度应逐月不减。` });
          break;
        }
      }
      const dec = vals[3];
      if (dec == null || Math.abs(dec - 100) > 0.01) if (dec == null || dec < 100) hits.push({ evidence: shown, say: `项目${q(p.name)}的资金支出计划到12月底未达到100%（${shown}）；请补齐全年支出安排。` });
      if (vals.some((v) => v == null)) hits.push({ severity: 'minor', evidence: shown, say: `项目${q(p.name)}的资金支出计划有空格（${shown}）；请填写每个时点的累计进度。` });
      if (p.scheduleAsAmounts) hits.push({ severity: 'minor', evidence: shown, say: `项目${q(p.name)}的资金支出计划表头为“%”，填写的却是金额（${shown}）；已按预算数换算为百分比，请改填百分比。` });
      return hits;
    },
  },
  {
    id: 'budget-arithmetic', level: 'project', severity: 'critical', source: SRC.cy10, cost: { funding: 'arithmetic', major: 0, minor: 0 },
    check: (p, f) => {
      const hits: Hit[] = [];
      if (p.budget != null && p.fiscal != null) {
        const sum = p.fiscal + (p.other ?? 0n);
        if (sum !== p.budget) hits.push({ evidence: `${formatYuan(p.budget)} ≠ ${formatYuan(p.fiscal)} + ${formatYuan(p.other ?? (0n as typeof p.budget))}`, say: `项目${q(p.name)}的预算数${formatYuan(p.budget)}元不等于财政资金${formatYuan(p.fiscal)}元与其他资金之和${formatYuan(sum as typeof p.budget)}元；请核对金额。` });
      }
      // A duty heading's budget against the sum of its activities (checked once, on the first activity).
      if (p.kind === 'activity' && p.category && p.categoryBudget != null) {
        const siblings = f.projects.filter((x) => x.kind === 'activity' && x.category === p.category);
        if (siblings[0] === p && siblings.every((x) => x.budget != null)) {
          const sum = siblings.reduce((a, x) => a + x.budget!, 0n);
          if (sum !== p.categoryBudget) hits.push({ evidence: `${formatYuan(p.categoryBudget)} ≠ ${siblings.map((x) => formatYuan(x.budget!)).join(' + ')}`, say: `职责${q(p.category)}的年度预算数${formatYuan(p.categoryBudget)}元不等于其下各项活动之和${formatYuan(sum as typeof p.budget & bigint)}元；请核对，避免重复或遗漏。` });
        }
      }
      return hits;
    },
  },
  {
    id: 'goal-indicator-misaligned', level: 'project', severity: 'major', source: SRC.cy88, cost: { project: 5, cap: 10 },
    check: (p) => {
      if (p.kind === 'activity' || p.indicators.length === 0) return [];
      const hits: Hit[] = [];
      const text = `${p.goals ?? ''}\n${p.purpose ?? ''}`;
      const carried = new Set(p.indicators.map((i) => i.target.unit).filter(Boolean));
      const missed = [...text.matchAll(/(\d+|[一二两三四五六七八九十]+)\s*(次|辆|人次|人|项|场|期|家|所|份|批)(?:以上)?/g)]
        .filter((m) => !carried.has(m[2]) && !(/^[一二两三四五六七八九十]$/.test(m[1]) && !/[辆次场期批]/.test(m[2])))
        .map((m) => m[0])
        .filter((m, k, all) => all.indexOf(m) === k);
      if (missed.length > 0) {
        const units = [...new Set(missed.map((m) => m.replace(/^[\d一二两三四五六七八九十]+\s*|以上$/g, '')))].map((u) => `“${u}”`).join('、');
        hits.push({ evidence: missed.join('、'), say: `项目${q(p.name)}的绩效目标或资金用途写明“${missed.join('、')}”，但没有任何指标以${units}衡量；请增设对应的数量指标。` });
      }
      const lines = (p.goals ?? '').split(/\n/).map((l) => l.replace(/^\s*\d+[.、．]\s*/, '').trim()).filter((l) => l.length > 0);
      const repeated = lines.find((l, k) => lines.indexOf(l) !== k);
      if (repeated) hits.push({ evidence: repeated, say: `项目${q(p.name)}的绩效目标重复填写了同一句“${repeated}”；请分别写出不同的目标。` });
      return hits;
    },
  },
  {
    id: 'narrative-table-inconsistent', level: 'project', severity: 'minor', source: SRC.cy88, cost: { project: 2, cap: 6 },
    check: (p) => {
      const n = p.narrative;
      if (!n || n.span.first === p.span.first) return [];
      const hits: Hit[] = [];
      const plan = (xs: typeof p.schedule) => xs.map((x) => (x.pct == null ? '空' : `${x.pct}%`)).join('/');
      if (n.schedule.length === 4 && p.schedule.length === 4 && n.schedule.some((x, k) => x.pct !== p.schedule[k].pct)) {
        hits.push({ evidence: `文字 ${plan(n.schedule)}；表格 ${plan(p.schedule)}`, say: `项目${q(p.name)}第一部分文字写的支出进度（${plan(n.schedule)}）与绩效目标表（${plan(p.schedule)}）不一致；请统一。` });
      }
      if (n.budget != null && p.budget != null && n.budget !== p.budget) {
        hits.push({ evidence: `${formatYuan(n.budget)} / ${formatYuan(p.budget)}`, say: `项目${q(p.name)}文字中的预算${formatYuan(n.budget)}元与表格预算数${formatYuan(p.budget)}元不一致；请统一。` });
      }
      const claimed = n.claimedIndicatorCount;
      if (claimed != null && claimed !== p.indicators.length) {
        hits.push({ evidence: `文字 ${claimed} 个；表格 ${p.indicators.length} 个`, say: `项目${q(p.name)}文字称设${claimed}个指标，绩效目标表实有${p.indicators.length}个；请统一。` });
      }
      for (const ni of n.indicators) {
        const same = p.indicators.find((i) => sq(i.level3) !== '' && (sq(i.level3) === sq(ni.level3) || sq(i.description) === sq(ni.description)));
        if (same && ni.target.raw && same.target.raw && !sameTarget(ni, same)) {
          hits.push({ indicator: same.ordinal, evidence: `文字 ${ni.target.raw}；表格 ${same.target.raw}`, say: `项目${q(p.name)}${row(same)}的指标值在文字中为${q(ni.target.raw)}，表格中为${q(same.target.raw)}；请统一。` });
        }
      }
      return hits;
    },
  },

  // ---------------------------------------------------------------- filing rules
  {
    id: 'copy-paste-across-projects', level: 'filing', severity: 'major', source: SRC.cy101, cost: { filing: 'copy-paste' },
    check: (f) => {
      const groups = new Map<string, { p: Project; i: Indicator }[]>();
      for (const p of f.projects) {
        for (const i of p.indicators) {
          if (isSatisfaction(i) || /预算|成本控制/.test(sq(i.level3) + sq(i.target.raw))) continue;
          if (!i.target.raw || !i.level3) continue;
          const key = `${sq(i.level2)}|${sq(i.level3)}|${sq(i.target.raw)}`;
          const group = groups.get(key);
          if (group) group.push({ p, i });
          else groups.set(key, [{ p, i }]);
        }
      }
      const hits: Hit[] = [];
      for (const rows of groups.values()) {
        const projects = [...new Set(rows.map((r) => r.p.ordinal))];
        if (projects.length < 2) continue;
        const names = [...new Set(rows.map((r) => r.p.name))].map(q).join('、');
        for (const r of rows) {
          hits.push({ project: r.p.ordinal, indicator: r.i.ordinal, evidence: `${r.i.level2} / ${r.i.level3} / ${r.i.target.raw}`, say: `${row(r.i)}（${r.i.level2}，指标值${q(r.i.target.raw)}）在${projects.length}个项目中原样出现（${names}）；请按每个项目的实际产出和效果分别设定。` });
        }
      }
      return hits;
    },
  },
  {
    id: 'off-department-content', level: 'filing', severity: 'major', source: SRC.cy88, cost: { filing: 'off-department' },
    check: (f) => {
      const BODIES: [string, RegExp][] = [['政协', /政协/], ['法院', /法院/], ['检察院', /检察院/], ['人大', /人大|人民代表大会/], ['政府', /人民政府/]];
      const own = BODIES.find(([, re]) => re.test(f.department))?.[0];
      if (!own) return [];
      return f.projects.flatMap((p) => {
        const head = `${p.category ?? ''}${p.name}`;
        const other = BODIES.find(([b, re]) => b !== own && re.test(head) && !BODIES.find(([ob]) => ob === own)![1].test(head));
        return other ? [{ project: p.ordinal, evidence: head, say: `${q(f.department)}的文件中有${other[0]}的内容（${q(p.category ?? p.name)}：${q(p.name)}）；请核实是否误收，应由${other[0]}单独报送。` }] : [];
      });
    },
  },
  {
    id: 'grade-scale-inconsistent', level: 'filing', severity: 'minor', source: SRC.cy10, cost: { none: true },
    check: (f) => {
      const hits: Hit[] = [];
      const scales = new Map<string, number>();
      const num = (s: string | undefined) => (s == null ? null : Number(/[\d.]+/.exec(s)?.[0] ?? NaN));
      for (const p of f.projects) {
        for (const i of p.indicators) {
          const g = i.grades;
          if (!g || Object.keys(g).length === 0) continue;
          const [a, b, c] = [num(g.优), num(g.良), num(g.中)];
          const scale = `${g.优}/${g.良}/${g.中}/${g.差}`;
          scales.set(scale, (scales.get(scale) ?? 0) + 1);
          if (a != null && b != null && c != null && !(a >= b && b >= c)) hits.push({ project: p.ordinal, indicator: i.ordinal, evidence: scale, say: `${q(p.name)}${row(i)}的评价标准不满足“优≥良≥中”（${scale}）；请修正。` });
          if (g.差 && !/以下|以上|低于|不足|<|＜|≤|未/.test(g.差)) hits.push({ project: p.ordinal, indicator: i.ordinal, evidence: scale, say: `${q(p.name)}${row(i)}的“差”档写成${q(g.差)}，不是开区间；应写成“${g.中 ?? ''}以下”之类。` });
        }
      }
      if (scales.size > 1) {
        const list = [...scales.keys()].join('；');
        hits.push({ evidence: list, say: `同一文件中各活动的“优/良/中/差”评价标准不一致（${list}）；请统一尺度。` });
      }
      return hits;
    },
  },

  // ---------------------------------------------------------------- corpus rules
  {
    id: 'cross-filing-boilerplate', level: 'corpus', severity: 'info', source: SRC.cy101, cost: { none: true },
    key: (r) => (r.level3 && !r.satisfaction ? `${sq(r.level2)}|${sq(r.level3)}` : null),
    check: (rows, placesOf) => {
      const hits: Hit[] = [];
      for (const r of rows) {
        const others = [...(placesOf(r) ?? [])].filter((x) => x !== r.place);
        if (others.length === 0) continue;
        const named = others.map((o) => (/^[0-9a-f]{16}$/.test(o) ? '未注明县区的文件' : o));
        const shown = named.length > 5 ? `${named.slice(0, 5).join('、')}等${named.length}个县区` : named.join('、');
        hits.push({ filing: r.filing, project: r.project, indicator: r.indicator, line: r.line, evidence: `${r.level2} / ${r.level3}`, say: `第${r.indicator}行指标${q(r.level3)}（${r.level2}）与${shown}的文件中的指标完全相同；请确认它反映的是本单位的实际情况。` });
      }
      return hits;
    },
  },
];

export const RULE_IDS = RULES.map((r) => r.id);
