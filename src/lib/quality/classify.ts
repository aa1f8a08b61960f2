import type { Indicator, Project } from '../parse/model';

/** What an indicator row is about, read from its labels and name. Pure lookups, no judgement. */

export type Block = 'output' | 'effect' | 'satisfaction' | 'cost';
export type Kind2 = 'quantity' | 'quality' | 'timeliness' | 'cost' | 'economic' | 'social' | 'ecological' | 'sustainable' | 'satisfaction';

/** Text without whitespace; the rules ask for it of every label, and most labels have none: no copy then. */
export function squash(s: string | null | undefined): string {
  if (s == null) return '';
  return SPACE.test(s) ? s.replace(/[\s\u3000]+/g, '') : s;
}
const SPACE = /[\s\u3000]/;

/** 一级指标 → block. 101号's first-level 成本 is its own block (scored with 产出). */
const BLOCKS = new Map<string | null, Block | null>();
const KINDS = new Map<string | null, Kind2 | null>();

export function blockOf(level1: string | null): Block | null {
  const known = BLOCKS.get(level1);
  if (known !== undefined) return known;
  const b = readBlock(squash(level1));
  if (BLOCKS.size < 10_000) BLOCKS.set(level1, b);
  return b;
}

function readBlock(s: string): Block | null {
  if (/^产出/.test(s)) return 'output';
  if (/^(效益|效果)/.test(s)) return 'effect';
  if (/^满意/.test(s)) return 'satisfaction';
  if (/^成本/.test(s)) return 'cost';
  return null;
}

const KIND2: [RegExp, Kind2][] = [
  [/^数量/, 'quantity'], [/^质量/, 'quality'], [/^时效/, 'timeliness'], [/成本/, 'cost'],
  [/^经济效益/, 'economic'], [/^社会效益/, 'social'], [/^生态效益/, 'ecological'], [/^可持续/, 'sustainable'], [/满意/, 'satisfaction'],
];

export function kindOf(level2: string | null): Kind2 | null {
  const known = KINDS.get(level2);
  if (known !== undefined) return known;
  const s = squash(level2);
  const k = KIND2.find(([re]) => re.test(s))?.[1] ?? null;
  if (KINDS.size < 10_000) KINDS.set(level2, k);
  return k;
}

/** A row's block and kind, from the standard labels its written ones mean (项目完成指标 is 产出指标). */
export const block = (i: Indicator) => blockOf(i.level1Canonical ?? i.level1);
export const kind = (i: Pick<Indicator, 'level2' | 'level2Canonical'>) => kindOf(i.level2Canonical ?? i.level2);

/** Which second levels a first level allows (2015 template, its older form, and 101号). */
export const ALLOWED: Record<Block, Kind2[]> = {
  output: ['quantity', 'quality', 'timeliness', 'cost'],
  effect: ['economic', 'social', 'ecological', 'sustainable', 'satisfaction'],
  satisfaction: ['satisfaction'],
  cost: ['cost'],
};

export const nameOf = (i: Indicator) => squash(i.level3) || squash(i.description);

/** Also asked of an indicator row read back from the tables (the import compares with the loaded corpus). */
export const isSatisfaction = (i: Pick<Indicator, 'level2' | 'level2Canonical' | 'level3' | 'description'>) => /满意/.test(squash(i.level3)) || (kind(i) === 'satisfaction' && /满意/.test(squash(i.description)));

/** A name that is a rate (率, 比例): it implies a percent. */
export const isRateName = (s: string) => /(率|比例|比率|比重|占比|覆盖面|百分比)$/.test(squash(s)) || /(率|比例)[（(]/.test(s);

/** A name that counts things (次数, 人数, 数量). */
export const isCountName = (s: string) => /(次数|人数|数量|个数|件数|场次|人次|户数|家数|篇数)$/.test(squash(s));

/** Basis: specific (a document number, a titled document, a named plan with its year, a norm or history). */
export function basisKind(i: Indicator): 'specific' | 'generic' | 'own-name' | 'missing' {
  const b = squash(i.basis);
  if (b === '') return 'missing';
  if (b === squash(i.level3) || b === squash(i.description)) return 'own-name';
  if (/[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d+\s*号|《[^》]{2,}》|(?:19|20)\d{2}年[^，。]{0,20}(?:计划|要点|方案|规划|预算)|上年|历史|行业|定额|批复|标准|规范|办法|条例|法$|测评|调查/.test(b)) {
    return 'specific';
  }
  return 'generic';
}

/** Vague words that make a target without a number unmeasurable. */
export const VAGUE = /完成|促进|提升|提高|有效|满意|如期|正常|按时|及时|保障|改善|增强|加强|达到|得到|稳定|推动|全覆盖|良好|显著|明显|合理|高效|落实|控制在|长期|持续/;

/** The project's template has that indicator column (the seeds' full template has every one). */
export const hasColumn = (p: Project, role: string) => p.columns == null || p.columns.includes(role);
