/**
 * Every column a download can hold, for people: its heading in Chinese and English and what it means
 * (the data contract, ../shared/docs/data-contract.md, in the auditors' words; the 说明 sheet of a workbook
 * lists them). `coded` marks a column whose values are codes (`critical`, `personnel`, a rule id): the
 * Chinese form shows their labels and keeps the codes in a column of their own, so a file still joins back.
 * A column not listed here is downloaded under its own name.
 */
import { DEFAULT_SETTINGS } from '../quality/settings';

export type Coded = 'severity' | 'kind' | 'rule' | 'level' | 'bool';

export interface ColumnText {
  zh: string;
  en: string;
  meaning: string;
  coded?: Coded;
}

const col = (zh: string, en: string, meaning: string, coded?: Coded): ColumnText => ({ zh, en, meaning, ...(coded ? { coded } : {}) });

export const COLUMNS: Record<string, ColumnText> = {
  // where and when: every table has them
  county: col('县区', 'County', '县级行政区，含“县”“区”“市”后缀；未写明时为空'),
  county_code: col('县区代码', 'County code', 'GB/T 2260 六位行政区划代码；同名县区以此区分'),
  city: col('地市', 'City', '所属地级市（已知时）'),
  year: col('年度', 'Year', '预算年度'),
  department: col('部门', 'Department', '报送单位，照原文'),
  filing_id: col('文件编号', 'Filing id', '由文件内容生成的稳定编号，同一文件每次生成相同'),
  project_id: col('项目编号', 'Project id', '文件编号加项目序号'),
  indicator_id: col('指标编号', 'Indicator id', '项目编号加指标序号'),
  finding_id: col('发现编号', 'Finding id', '发现的稳定编号'),
  project_name: col('项目名称', 'Project', '所属项目的名称'),
  // filings
  source_file: col('源文件', 'Source file', '收到的文件名'),
  department_code: col('单位编码', 'Department code', '表头中的单位编码'),
  unit: col('金额单位', 'Money unit', '文件金额所用单位（元或万元）：照原文，或推断（另有发现说明）'),
  layout: col('版式', 'Layout', '文件使用的版式（读取器识别）'),
  status: col('读取状态', 'Status', 'ok 为完整；partial 为有部分未能读全（表格截断、单元格缺失）'),
  lines_total: col('总行数', 'Lines', '文本文件的行数；其他格式为读到的段落和单元格数'),
  lines_used: col('已用行数', 'Lines used', '进入记录的行（或段落、单元格）数；其余在读取报告中逐条列出'),
  encoding: col('编码', 'Encoding', '文本文件的字符编码'),
  format: col('格式', 'Format', '文件格式：txt、docx、doc、xlsx、xls、pdf、html'),
  overview: col('概述', 'Overview', '文件开头的说明文字'),
  partial_rubric: col('部分评分', 'Partial rubric', '模板缺少部分栏目，只按已有内容评分', 'bool'),
  projects: col('项目数', 'Projects', '文件中的项目数'),
  findings_critical: col('严重发现数', 'Critical findings', '严重程度为“严重”的发现数'),
  findings_major: col('重要发现数', 'Major findings', '严重程度为“重要”的发现数'),
  findings_minor: col('次要发现数', 'Minor findings', '严重程度为“次要”的发现数'),
  findings_info: col('提示数', 'Info findings', '严重程度为“提示”的发现数'),
  // projects
  ordinal: col('序号', 'Ordinal', '在文件（或项目）中的顺序，从 1 起'),
  code: col('项目编码', 'Code', '项目编码，已去掉换行'),
  name: col('项目名称', 'Project', '项目名称'),
  kind: col('经费类型', 'Kind', '项目经费、人员经费、日常公用经费、职责活动或部门整体', 'kind'),
  category: col('所属职责', 'Duty', '职责活动所属的职责'),
  budget_yuan: col('预算数（元）', 'Budget (yuan)', '预算数，元，精确到分（万元已乘 10000）'),
  fiscal_yuan: col('财政资金（元）', 'Fiscal (yuan)', '其中：财政资金，元；空白为未填，0 为填了 0'),
  other_yuan: col('其他资金（元）', 'Other (yuan)', '其中：其他资金，元'),
  purpose: col('资金用途', 'Purpose', '资金用途，照原文'),
  goals: col('绩效目标', 'Goals', '年度绩效目标，照原文'),
  complete: col('表格完整', 'Complete', '否：项目表格被截断', 'bool'),
  source_lines: col('原文行', 'Lines', '项目在源文件中的起止行'),
  source_text: col('原文', 'Source text', '项目在源文件中的原文'),
  indicators: col('指标数', 'Indicators', '指标行数'),
  plan_as_amounts: col('计划为金额', 'Plan as amounts', '是：资金支出计划填的是金额，已按预算数折算为百分比', 'bool'),
  plan_over: col('计划超出0–100%', 'Plan beyond 0–100%', '是：某月累计进度低于0%或高于100%（没有支出计划时为否）', 'bool'),
  plan_falls_back: col('计划回落', 'Plan falls back', '是：某月累计进度低于此前月份', 'bool'),
  plan_short: col('计划未达100%', 'Plan short of 100%', '是：12月底累计进度未填或低于100%', 'bool'),
  plan_blank: col('计划有空格', 'Plan has blanks', '是：3、6、10、12月底中有未填的时点', 'bool'),
  score: col('得分', 'Score', '指标质量得分，0–100（评分规则见 quality-rubric）'),
  band: col('评级', 'Band', bandsText(DEFAULT_SETTINGS.bands)),
  // schedule
  month: col('月底', 'Month end', '3、6、10、12 月底'),
  cumulative_pct: col('累计进度（%）', 'Cumulative (%)', '截至该月底计划累计支出占预算的百分比'),
  raw: col('原文', 'As written', '单元格原文（如“25%”“1.00”）'),
  // indicators
  level1: col('一级指标', 'Level 1', '一级指标，照原文；合并单元格继承上一行'),
  level2: col('二级指标', 'Level 2', '二级指标，照原文'),
  level3: col('三级指标', 'Level 3', '三级指标，照原文'),
  level1_canonical: col('一级指标（标准）', 'Level 1 (standard)', '原文一级指标对应的标准名称；无法对应时为空'),
  level2_canonical: col('二级指标（标准）', 'Level 2 (standard)', '原文二级指标对应的标准名称'),
  description: col('指标描述', 'Description', '绩效指标描述'),
  target_raw: col('指标值', 'Target', '指标值，照原文（如“≥90%”“≤30.03万元”）'),
  target_op: col('比较符', 'Operator', '≥ ≤ = > <'),
  target_value: col('目标数值', 'Value', '指标值中的数字'),
  target_unit: col('单位', 'Unit', '指标值的计量单位'),
  target_yuan: col('目标金额（元）', 'Target (yuan)', '金额类指标值折算为元，精确到分'),
  quantitative: col('已量化', 'Quantitative', '指标值含数字', 'bool'),
  basis: col('指标值确定依据', 'Basis', '指标值确定依据，照原文'),
  grades: col('等级标准', 'Grades', '优/良/中/差等级标准（JSON），文件给出时'),
  source_line: col('原文行', 'Line', '文本文件中的行号'),
  source_location: col('原文位置', 'Location', '非文本文件中的位置：PDF 页与坐标、表格单元格、Word 表格行'),
  score_measurable: col('可衡量（40）', 'Measurable (40)', '得分之一：指标值可衡量，满分 40'),
  score_fit: col('匹配（25）', 'Fit (25)', '得分之一：单位、方向与指标类别匹配，满分 25'),
  score_clear: col('清晰（20）', 'Clear (20)', '得分之一：描述清楚、层级正确，满分 20'),
  score_evidenced: col('有依据（15）', 'Evidenced (15)', '得分之一：依据具体，满分 15'),
  // a score's terms (src/lib/quality/assess.ts)
  score_cap: col('严重发现封顶', 'Critical cap', '有严重发现时指标得分的上限（设置 criticalCap）；无则为空'),
  score_output: col('产出指标平均', 'Output mean', '项目得分项：产出（含成本）指标得分平均，0–100；无此类指标为空'),
  score_effect: col('效益指标平均', 'Effect mean', '项目得分项：效益指标得分平均，0–100；无此类指标为空'),
  score_satisfaction: col('满意度指标平均', 'Satisfaction mean', '项目得分项：满意度指标得分平均，0–100；无此类指标为空'),
  score_funding: col('资金安排', 'Funding', '项目得分项：资金安排得分比例，0–1（支出计划、预算金额各半）'),
  score_penalty: col('项目扣分', 'Project penalty', '项目得分项：各规则扣分之和（各有上限）'),
  score_weighted: col('按预算加权平均', 'Budget-weighted mean', '部门评分项：项目得分按预算加权平均'),
  score_plain: col('简单平均', 'Plain mean', '部门评分项：项目得分简单平均'),
  score_deduction: col('文件扣分', 'Filing deductions', '部门评分项：复制粘贴与混入其他单位内容的扣分'),
  // findings
  rule_id: col('规则', 'Rule', '触发的规则；parse/ 开头为读取文件时的发现', 'rule'),
  severity: col('严重程度', 'Severity', '严重、重要、次要、提示', 'severity'),
  message: col('说明', 'Message', '发现的说明与整改要求'),
  message_en: col('说明（英文）', 'Message (English)', '同一说明的英文，由规则的模板和同样的事实写成；文件原文照录'),
  evidence: col('依据原文', 'Evidence', '触发规则的原文或数字'),
  level: col('层面', 'Level', '发现针对指标、项目、文件、跨文件或读取', 'level'),
  line: col('行', 'Line', '源文件中的行号'),
  location: col('位置', 'Location', '非文本文件中的位置'),
};

/** The code column beside a coded one in the Chinese form: 严重程度 → 严重程度代码. */
export const codeHeading = (zh: string) => `${zh}代码`;

/** A column's heading; a column not listed shows its own name. */
export function columnName(lang: 'zh' | 'en', name: string): string {
  return COLUMNS[name]?.[lang] ?? name;
}

/** The bands in words: `优 ≥ 90，良 80–90，中 60–80，差 < 60` by the rubric's defaults. */
function bandsText(b: typeof DEFAULT_SETTINGS.bands): string {
  return `优 ≥ ${b.优}，良 ${b.良}–${b.优}，中 ${b.中}–${b.良}，差 < ${b.中}`;
}
