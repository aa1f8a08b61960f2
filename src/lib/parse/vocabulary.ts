import type { TargetOp, UnitClass } from './model';
import { labelKey } from './text';

/**
 * What the filings' words mean, as data: form labels and their synonyms, indicator-table column headers,
 * level labels with the standard label each means, and the words that close a form. Adding a province's
 * template is an entry here (and a fixture), not a change to reading code. Labels are compared by
 * `labelKey` (half-width, no spaces), so `项目名称`, `项目 名称` and `项目名称：` are one label.
 */

/** A form field a recognizer fills. `skip` fields are read (their value accounted for) but not kept. */
export type FormField =
  | 'name' | 'code' | 'department' | 'budget' | 'budgetExtra' | 'fiscal' | 'other' | 'otherPart'
  | 'purpose' | 'goals' | 'longGoals' | 'section' | 'skip'
  /** Who filled the form in, or carries the project out: the reporting body when no field names it. */
  | 'reporter';

/** Field labels, each with its synonyms. Longest first within a field does not matter: matching is by whole key. */
export const FORM_LABELS: Record<FormField, string[]> = {
  name: ['项目名称', '项目支出名称', '项目(名称)', '二级项目名称', '项目名'],
  code: ['项目编码', '项目代码', '项目编号'],
  department: [
    '主管部门', '项目主管部门', '主管部门及代码', '主管部门名称', '预算部门', '预算单位', '部门名称', '单位名称', '部门(单位)名称',
    '预算单位名称', '部门', '申报单位',
  ],
  budget: [
    '年度资金总额', '资金总额', '项目资金总额', '年度预算数', '预算数', '预算金额', '项目预算', '年度预算', '预算资金', '项目金额',
    '项目总金额', '年度本级预算金额', '本级预算金额', '年度资金', '资金总额(万元)', '年度金额', '绩效金额',
  ],
  budgetExtra: ['该项目支出上级资金', '上级资金', '上级补助资金'],
  fiscal: ['其中:财政拨款', '其中:财政资金', '财政拨款', '财政资金', '财政拨款小计', '其中财政拨款', '其中财政资金', '财政性资金'],
  other: ['其他资金', '其它资金', '其中:其他资金', '自筹资金'],
  /** Parts of "other" money that a template lists separately (Sichuan: 自有资金小计 + 其他收入). */
  otherPart: ['自有资金小计', '其他收入', '自有资金'],
  purpose: ['资金用途', '项目概况', '项目内容', '主要内容', '项目主要内容'],
  goals: [
    '年度绩效目标', '本年度绩效目标', '本年度目标', '年度目标', '年度总体目标', '绩效目标', '项目绩效目标', '总体绩效目标', '年度目标值',
  ],
  /** Goals for the whole implementation period: kept only when a form gives no yearly goal. */
  longGoals: ['实施期绩效目标', '实施期目标', '中长期目标', '长期目标', '总体目标'],
  reporter: ['填报单位', '填报部门', '实施单位', '项目实施单位'],
  /** Labels that head a part of the form and carry no value of their own. */
  section: [
    '资金情况', '项目资金', '资金情况(万元)', '项目资金(万元)', '金额(万元)', '金额(元)', '金额', '预算规模及资金用途', '预算规模',
    '绩效指标', '本年度绩效指标', '年度绩效指标', '产出和效益指标', '年度总体目标完成情况', '实施期', '资金来源',
  ],
  skip: [
    '项目负责人及电话', '项目负责人', '联系电话', '联系人', '项目属性', '项目期', '项目支出实施期', '项目实施期', '项目类型', '项目周期',
    '填报日期', '一般公共预算', '政府性基金', '国有资本经营预算', '事业收入', '经营性收入',
    '财政专户管理资金', '单位资金', '上年结转', '项目起止时间', '项目实施时间',
  ],
};

/** The role a column of an indicator table plays. */
export type ColumnRole =
  | 'group' | 'level1' | 'level2' | 'level3' | 'description' | 'op' | 'target' | 'longTarget' | 'unit' | 'basis'
  | 'weight' | 'direction' | 'skip'
  // A one-table-per-department export puts the project's own fields in columns too.
  | 'department' | 'name' | 'budget' | 'goals';

/** Column headers of an indicator table, by role. A header that begins with a synonym and a bracket counts too. */
export const COLUMN_HEADERS: [ColumnRole, string[]][] = [
  ['level1', ['一级指标', '一级', '一级指标名称']],
  ['level2', ['二级指标', '二级', '二级指标名称']],
  ['level3', ['三级指标', '三级', '三级指标名称', '指标名称', '具体指标']],
  ['description', ['绩效指标描述', '指标描述', '指标内容', '指标解释', '指标说明']],
  ['op', ['指标性质', '计算符号', '指标值类型', '比较符号', '运算符号']],
  ['longTarget', ['中长期指标值', '长期指标值', '实施期指标值', '实施期指标']],
  ['target', ['年度指标值', '指标值', '年度数值', '指标值及单位', '目标值', '年度目标值', '本年度指标值', '年度指标', '数值']],
  ['unit', ['度量单位', '计量单位', '指标单位']],
  ['basis', ['指标值确定依据', '指标值设定依据', '确定依据', '设定依据', '绩效标准', '评分标准', '备注', '指标值说明', '评(扣)分标准']],
  ['weight', ['权重', '分值', '指标权重']],
  ['direction', ['指标方向性', '指标方向', '方向']],
  // Columns a form may have that the contract does not keep: read, not stored.
  ['skip', ['序号', '实际完成值', '全年实际值', '完成情况', '得分', '偏差原因分析及改进措施', '偏差原因', '指标类型', '是否核心指标']],
  ['department', ['单位名称', '部门名称', '预算单位']],
  ['name', ['项目名称']],
  ['budget', ['预算数', '预算金额', '项目金额', '资金总额']],
  ['goals', ['年度目标', '绩效目标', '年度绩效目标']],
  ['group', ['绩效指标', '本年度绩效指标', '年度绩效指标', '产出和效益指标']],
];

/** Level-1 labels, with the standard label each means (null: a known level-1 label with no standard meaning). */
export const LEVEL1_LABELS: Record<string, string | null> = {
  产出指标: '产出指标', 效益指标: '效益指标', 满意度指标: '满意度指标', 成本指标: '成本指标',
  项目完成指标: '产出指标', 项目效益指标: '效益指标', 效果指标: '效益指标', 产出值: '产出指标', 效益值: '效益指标',
  满意度值: '满意度指标', 成本值: '成本指标', 实施效果指标: null, 过程管理指标: null, 管理指标: null, 产出: '产出指标',
  效益: '效益指标', 满意度: '满意度指标',
};

/** Level-2 labels, with the standard label each means. */
export const LEVEL2_LABELS: Record<string, string> = {
  数量指标: '数量指标', 质量指标: '质量指标', 时效指标: '时效指标', 成本指标: '成本指标',
  经济效益指标: '经济效益指标', 社会效益指标: '社会效益指标', 生态效益指标: '生态效益指标', 可持续影响指标: '可持续影响指标',
  服务对象满意度指标: '服务对象满意度指标', 满意度指标: '服务对象满意度指标', 社会公众或服务对象满意度指标: '服务对象满意度指标',
  社会公众满意度指标: '服务对象满意度指标', 服务对象满意度: '服务对象满意度指标',
  经济成本指标: '经济成本指标', 社会成本指标: '社会成本指标', 生态环境成本指标: '生态环境成本指标', 生态成本指标: '生态环境成本指标',
  经济效益: '经济效益指标', 社会效益: '社会效益指标', 生态效益: '生态效益指标', 可持续影响: '可持续影响指标',
  数量值: '数量指标', 质量值: '质量指标', 时效值: '时效指标', 成本值: '成本指标', 经济效益值: '经济效益指标',
  社会效益值: '社会效益指标', 生态效益值: '生态效益指标', 可持续影响值: '可持续影响指标', 满意度值: '服务对象满意度指标',
  数量: '数量指标', 质量: '质量指标', 时效: '时效指标', 成本: '成本指标',
};

/** The level 1 each standard level 2 belongs under; a level 2 with two homes (成本指标: 产出 in the 2015
 * template, its own level 1 in 2021) lists both. */
export const LEVEL2_PARENTS: Record<string, string[]> = {
  数量指标: ['产出指标'], 质量指标: ['产出指标'], 时效指标: ['产出指标'], 成本指标: ['产出指标', '成本指标'],
  经济效益指标: ['效益指标'], 社会效益指标: ['效益指标'], 生态效益指标: ['效益指标'], 可持续影响指标: ['效益指标'],
  服务对象满意度指标: ['满意度指标', '效益指标'], 经济成本指标: ['成本指标'], 社会成本指标: ['成本指标'], 生态环境成本指标: ['成本指标'],
};

/** Words that end a form: the approval and signature block under the table. */
export const CLOSING = ['审核意见', '初审意见', '审批意见', '审核意见(盖章)', '填表人', '单位负责人', '财务负责人', '附件下载', '附件'];

/**
 * The bodies a filing may speak for, by what their names contain: the reader takes a filing without a header
 * to be the one its text names most (`inferred`; a government's name is in every body's text, so never
 * that), and the off-department rule flags a section of another body inside a filing.
 */
export const BODIES: { short: string; formal: string; pattern: RegExp; inferred: boolean }[] = [
  { short: '人大', formal: '人大常委会', pattern: /人大|人民代表大会/, inferred: true },
  { short: '政协', formal: '政协', pattern: /政协/, inferred: true },
  { short: '法院', formal: '人民法院', pattern: /法院/, inferred: true },
  { short: '检察院', formal: '人民检察院', pattern: /检察院/, inferred: true },
  { short: '政府', formal: '人民政府', pattern: /人民政府/, inferred: false },
];

/** Placeholders a template leaves in a value cell: no value. */
export const PLACEHOLDERS = ['(盖章)', '盖章', '/', '-', '—', '无', '——'];

/** Operator words and signs, longest first, to their normalized sign. */
export const OPS: [RegExp, TargetOp][] = [
  [/^(?:≥|≧|>=|=>|大于等于|大于或等于|不低于|不少于|不小于|至少|达到)/, '≥'],
  [/^(?:≤|≦|<=|=<|小于等于|小于或等于|不超过|不高于|不大于|不多于|控制在|最多)/, '≤'],
  [/^(?:>|大于|高于|超过|多于)/, '>'],
  [/^(?:<|小于|低于|少于)/, '<'],
  [/^(?:=|等于)/, '='],
];

/** Units, longest first, with their class. `百分比` is `%`. */
export const UNITS: [string, string, UnitClass][] = [
  ['百分比', '%', 'percent'], ['%', '%', 'percent'], ['％', '%', 'percent'], ['‰', '‰', 'percent'],
  ['万元', '万元', 'money'], ['亿元', '亿元', 'money'], ['千元', '千元', 'money'], ['元', '元', 'money'],
  ['个工作日', '个工作日', 'time'], ['工作日', '工作日', 'time'], ['个月', '个月', 'time'], ['月份', '月份', 'time'],
  ['小时', '小时', 'time'], ['天', '天', 'time'], ['日', '日', 'time'], ['周', '周', 'time'], ['月', '月', 'time'], ['年', '年', 'time'],
  ['分钟', '分钟', 'time'], ['人次', '人次', 'count'], ['批次', '批次', 'count'], ['台次', '台次', 'count'], ['户次', '户次', 'count'],
  ['场次', '场次', 'count'], ['车次', '车次', 'count'], ['课时', '课时', 'count'], ['学时', '学时', 'count'], ['公斤', '公斤', 'count'],
  ['千克', '千克', 'count'], ['万亩', '万亩', 'count'], ['立方米', '立方米', 'count'], ['千米', '千米', 'count'], ['米', '米', 'count'], ['万人', '万人', 'count'], ['平方米', '平方米', 'count'], ['公里', '公里', 'count'],
  ['次', '次', 'count'], ['人', '人', 'count'], ['项', '项', 'count'], ['份', '份', 'count'], ['个', '个', 'count'],
  ['场', '场', 'count'], ['期', '期', 'count'], ['辆', '辆', 'count'], ['家', '家', 'count'], ['篇', '篇', 'count'],
  ['条', '条', 'count'], ['件', '件', 'count'], ['台', '台', 'count'], ['套', '套', 'count'], ['本', '本', 'count'],
  ['册', '册', 'count'], ['户', '户', 'count'], ['所', '所', 'count'], ['处', '处', 'count'], ['名', '名', 'count'],
  ['批', '批', 'count'], ['起', '起', 'count'], ['座', '座', 'count'], ['亩', '亩', 'count'], ['吨', '吨', 'count'], ['株', '株', 'count'],
  ['分', '分', 'score'],
];

/** The signs an operator is written with (full-width and ≧ ≦ included), as a regex class. */
const SIGNS = '[≥≤≧≦><=＞＜＝]';
/** A target that begins with an operator, a sign or a word (`≥95%`, `不低于90%`). */
export const OP_START = new RegExp(`^(?:${SIGNS}|大于等于|小于等于|大于|小于|等于|不低于|不少于|不超过|不高于|不大于|不小于)`);
/** A cell that is only an operator: a column of its own (指标性质), with the 2021 template's words for it. */
export const OP_ONLY = new RegExp(`^(?:${SIGNS}+|定性|定量|正向|反向)$`);

/** Every unit a target may carry, longest first, as a regex alternation (the one list every unit pattern uses). */
export const UNIT_ALTERNATION = [...UNITS.map((u) => u[0])].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

// ---------------------------------------------------------------- derived lookups

/** A label's marks stripped (`成本指标(必填硬性指标)`, `*数量指标`, `（一）财政拨款小计`, `1、一般公共预算`), keyed. */
export function labelCore(text: string): string {
  return labelKey(text)
    .replace(/^\*+/, '')
    .replace(/^(?:\([一二三四五六七八九十\d]+\)|[一二三四五六七八九十]+、|\d+[、.])/, '')
    // Marks a template adds to a label: 必填, a weight (30分, 权重20%).
    .replace(/\((?:必填|选填|权重)?[^)]*?(?:必填|选填|\d+(?:\.\d+)?[分%])[^)]*\)$/, '')
    .replace(/[:：]$/, '');
}

const fieldByKey = new Map<string, FormField>();
for (const [field, labels] of Object.entries(FORM_LABELS) as [FormField, string[]][]) {
  for (const l of labels) if (!fieldByKey.has(labelKey(l))) fieldByKey.set(labelKey(l), field);
}

/** The form field a label cell names, or null. A unit in brackets (`资金总额(万元)`) is allowed after it. */
export function formField(text: string): FormField | null {
  const k = labelCore(text);
  return fieldByKey.get(k) ?? fieldByKey.get(k.replace(/\((?:万元|元)\)$/, '')) ?? null;
}

/** A label at the start of a cell that also holds its value (`年度资金总额: 10`, `单位名称：某局`). */
export function formFieldPrefix(text: string): { field: FormField; rest: string } | null {
  // The label may hold a colon of its own (`其中：财政拨款：300`): try each colon in turn.
  const re = /[:：]/g;
  for (let k = 0; k < 3; k++) {
    const m = re.exec(text);
    if (!m || m.index > 20) return null;
    const label = text.slice(0, m.index).trim();
    const rest = text.slice(m.index + 1).trim();
    if (label.length < 2 || rest === '' || /\s/.test(label.replace(/^[\s\u3000]+/, ''))) continue;
    const field = formField(label);
    if (field) return { field, rest };
  }
  return null;
}

const headerByKey = new Map<string, ColumnRole>();
for (const [role, names] of COLUMN_HEADERS) for (const n of names) if (!headerByKey.has(labelKey(n))) headerByKey.set(labelKey(n), role);

/** The role of an indicator-table column header, or null. */
export function columnRole(text: string): ColumnRole | null {
  const k = labelKey(text).replace(/[:：]$/, '');
  const exact = headerByKey.get(k);
  if (exact) return exact;
  const bracket = /^([^(]+)\(/.exec(k);
  return bracket ? headerByKey.get(bracket[1]) ?? null : null;
}

const L1 = new Map(Object.entries(LEVEL1_LABELS).map(([k, v]) => [labelKey(k), v]));
const L2 = new Map(Object.entries(LEVEL2_LABELS).map(([k, v]) => [labelKey(k), v]));
/** Bare words (产出, 数量) name a level only in a cell of their own column; in free text they are words. */
const BARE = new Set(['产出', '效益', '满意度', '数量', '质量', '时效', '成本']);

export interface LevelLabel {
  levels: (1 | 2)[];
  canonical1: string | null;
  canonical2: string | null;
}

/** Which levels a cell's text can be as a whole label, and what it means. `bare` allows 产出 / 数量. */
export function levelLabel(text: string, bare = false): LevelLabel | null {
  const k = labelCore(text);
  if (!bare && BARE.has(k)) return null;
  const levels: (1 | 2)[] = [];
  if (L1.has(k)) levels.push(1);
  if (L2.has(k)) levels.push(2);
  if (levels.length === 0) return null;
  return { levels, canonical1: L1.get(k) ?? null, canonical2: L2.get(k) ?? null };
}

/** The standard level-1 / level-2 label a written one means; null when it means nothing known. Asked of
 * every row of a province, of a few hundred distinct labels: remembered. */
export const canonicalLevel1 = remembered((text) => L1.get(labelCore(text)) ?? null);
export const canonicalLevel2 = remembered((text) => L2.get(labelCore(text)) ?? null);

function remembered(f: (text: string) => string | null): (text: string | null) => string | null {
  const seen = new Map<string, string | null>();
  return (text) => {
    if (text == null) return null;
    let v = seen.get(text);
    if (v === undefined) {
      v = f(text);
      if (seen.size < 10_000) seen.set(text, v);
    }
    return v;
  };
}

const closingKeys = CLOSING.map(labelKey);
/** A cell that opens the approval / signature block. */
export function isClosing(text: string): boolean {
  const k = labelKey(text);
  return closingKeys.some((c) => k.startsWith(c) || (c.length >= 4 && k.includes(c)));
}

const placeholderKeys = new Set(PLACEHOLDERS.map(labelKey));
export const isPlaceholder = (text: string) => placeholderKeys.has(labelKey(text));

/** A form title: a project's 申报表 / 批复表, or a department's overall targets. */
export const TITLE = /绩效目标(?:申报|批复|审核|公开)?表|绩效目标公开|绩效目标情况/;
export const DEPARTMENT_TITLE = /(?:部门整体|整体支出)(?:支出)?绩效目标(?:申报|批复|审核)?表/;
