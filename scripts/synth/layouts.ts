import { formatYuan, yuan } from '../../src/lib/parse/money';
import { displayWidth } from '../../src/lib/parse/text';
import type { SynthFiling, SynthIndicator, SynthProject } from './model';

/**
 * A synthetic filing written as text in the layouts the seeds show: Word tables flattened one cell per
 * line (000/001), PDF text with cells wrapped at column widths (003), part-1 narrative paragraphs (002)
 * and duty-activity tables (004).
 */
const MONTHS = ['3月底', '6月底', '10月底', '12月底'];

/** An amount as the filing writes it: yuan, or 万元 with two decimals (hundreds of yuan). */
const money = (fen: bigint, unit: '元' | '万元') => formatYuan(yuan(unit === '万元' ? fen / 10000n : fen));

function overview(f: SynthFiling): string[] {
  return [
    ' 第一部分',
    '部门整体绩效目标',
    '',
    '一、总体绩效目标',
    `${f.year}年，${f.dept}围绕县委县政府中心工作，认真履行部门职责，统筹推进各项重点任务，确保年度目标全面完成。`,
    '二、分项绩效目标',
    ...f.projects.filter((p) => p.kind === 'project').slice(0, 3).map((p, k) => `${k + 1}.${p.goals[0]}。`),
  ];
}

function narrative(f: SynthFiling): string[] {
  const out = ['三、分项预算绩效目标'];
  f.projects
    .filter((p) => p.kind !== 'project')
    .forEach((p, k) => {
      const items = p.indicators.map((i, n) => `${n + 1}、${i.level1}－${i.level2}－${i.level3}${i.description ? `（${i.description}）` : ''}，指标值为${i.target}。`).join('');
      out.push(`${['一', '二'][k] ?? k + 1}、${p.name}绩效目标`);
      out.push(`${p.name}年初预算安排${money(p.budgetFen, '元')}元，此项主要目标为${p.goals[0]}。资金累计支出进度3月底、6月底、10月底、12月底分别达到${p.plan.map((x) => `${x}%`).join('、')}。项目共设产出指标、效益指标、满意度指标三个一级指标。具体为：${items}以上指标依据相关政策文件规定。`);
    });
  return out;
}

// ---------------------------------------------------------------- Word tables

function wordProject(f: SynthFiling, p: SynthProject, k: number): string[] {
  const c = (s: string) => `\t${s}`;
  const out = [`${k}.${p.name}绩效目标表`, c(`${f.deptCode}${f.dept}`), c(`单位：${f.unit}`), ''];
  out.push(c('项目编码'), c(p.code), c('项目名称'), c(p.name), '');
  out.push(c('预算规模及资金用途'), c('预算数'), c(money(p.budgetFen, f.unit)), c('其中：财政资金'), c(money(p.fiscalFen, f.unit)), c('其他资金'), c(p.otherFen == null ? '' : money(p.otherFen, f.unit)), '');
  out.push(c(''), c(p.purpose), '');
  out.push(c('资金支出计划（%）'), ...MONTHS.map(c), '', c(''), ...p.plan.map((x) => c(x == null ? '' : `${x}%`)), '');
  out.push(c('绩效目标'), c(`1.${p.goals[0]}`), ...p.goals.slice(1).map((g, n) => `${n + 2}.${g}`), '', '');
  out.push(...['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'].map(c), '');
  let l1 = '';
  let l2 = '';
  for (const i of p.indicators) {
    out.push(c(i.level1 === l1 ? '' : i.level1), c(i.level2 === l2 && i.level1 === l1 ? '' : i.level2), c(i.level3), c(i.description), c(i.target), c(i.basis), '');
    [l1, l2] = [i.level1, i.level2];
  }
  return [...out, '', ''];
}

// ---------------------------------------------------------------- PDF text

/** Wraps text at a display width, as a PDF column does. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (displayWidth(cur + ch) > width) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** PDF lines: fragments separated by blank lines, as the seed's extraction did. */
const spaced = (xs: string[]) => xs.flatMap((x, k) => (k === 0 ? [x] : ['', x]));

/** Like 临西's PDF, every row repeats its 二级指标; the 一级指标 stands once per block. */
function pdfRow(i: SynthIndicator, first1: boolean): string[] {
  const out: string[] = [];
  if (first1) out.push(...spaced(wrap(i.level1, 4)), '');
  out.push(...spaced(wrap(i.level2, 8)), '');
  out.push(...spaced(wrap(i.level3, 8)), '');
  out.push(...spaced(wrap(i.description || i.level3, 14)), '');
  // The 指标值 column is narrow: `≥12` / `次`, and words wrap a few characters at a time.
  const t = /^([≥≤]?\d+(?:\.\d+)?)(\D.*)$/.exec(i.target);
  out.push(...(t && t[2].length <= 2 ? [t[1], '', t[2]] : spaced(wrap(i.target, 8))), '');
  out.push(...spaced(wrap(i.basis, 20)), '');
  return out;
}

function pdfProject(f: SynthFiling, p: SynthProject, k: number): string[] {
  const code = p.code;
  const out = [` ${k}.${p.name}绩效目标表`, `${f.deptCode} ${f.dept} 单位：${f.unit}`, '', '项目编码', code.slice(0, 19), '', code.slice(19), `项目名称 ${p.name}`, ''];
  out.push('预算规模及', '', '资金用途', '', `预算数 ${money(p.budgetFen, f.unit)}`, '其中：财政', '', '资金', `${money(p.fiscalFen, f.unit)} 其他资金${p.otherFen == null ? '' : ` ${money(p.otherFen, f.unit)}`}`, '');
  out.push(...spaced(wrap(p.purpose, 72)), '');
  out.push('资金支出计', '', '划（%）', '', '3 月底 6 月底 10 月底 12 月底', '');
  // Like 临西: the plan as cumulative amounts in the filing's unit.
  const amounts = p.plan.map((x) => (x == null ? '' : money((p.budgetFen * BigInt(Math.round(x * 100))) / 10000n, f.unit)));
  out.push(amounts.filter((x) => x !== '').join(' '), '', '绩效目标', '');
  out.push(...p.goals.flatMap((g, n) => spaced(wrap(`${n + 1}.目标内容 ${n + 1} ${g}。`, 72))), '');
  out.push('一级指标 二级指标 三级指标 绩效指标描述 指标值 指标值确定依据', '');
  let l1 = '';
  for (const i of p.indicators) {
    out.push(...pdfRow(i, i.level1 !== l1));
    l1 = i.level1;
  }
  return out;
}

// ---------------------------------------------------------------- duty-activity table

function dutyTable(f: SynthFiling): string[] {
  const c = (s: string) => `\t${s}`;
  const out = ['部门职责-工作活动绩效目标', ...['职责活动', '年度预算数', '内容描述', '绩效目标', '绩效指标', '评价标准'].map(c), '', ...['', '', '', '', '', '优', '良', '中', '差'].map(c), ''];
  const duties = [f.projects.slice(0, Math.ceil(f.projects.length / 2)), f.projects.slice(Math.ceil(f.projects.length / 2))].filter((d) => d.length > 0);
  duties.forEach((acts, d) => {
    const sum = acts.reduce((a, p) => a + p.budgetFen, 0n);
    out.push(c(`${f.dept.replace(/^.*?(?:县|区|市|旗)/, '')}职责${d + 1}`), c(money(sum, '万元')), c(acts[0].purpose), '', c(acts[0].goals[0]), '', ...Array(5).fill(c('')), '');
    for (const p of acts) {
      out.push(c(`　　${p.name}`), c(money(p.budgetFen, '万元')), c(p.purpose), '', c(p.goals.join('；')), c(p.indicators[1]?.level3 ?? '任务完成率'), c('100%'), c('95%'), c('90%'), c('90%以下'), '');
    }
  });
  return out;
}

export function render(f: SynthFiling): string {
  const tables = f.projects.filter((p) => p.kind === 'project');
  const lines = [`${f.dept}${f.year}年部门预算绩效目标`, ...overview(f)];
  if (f.layout === 'narrative') lines.push(...narrative(f));
  if (f.layout === 'duty') {
    lines.push(...dutyTable({ ...f, projects: tables }));
  } else {
    lines.push('第二部分', '', '预算项目绩效目标', '', '');
    tables.forEach((p, k) => lines.push(...(f.layout === 'pdf' ? pdfProject(f, p, k + 1) : wordProject(f, p, k + 1))));
  }
  return `${lines.join('\n')}\n`;
}
