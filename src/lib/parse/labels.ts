import { labelKey, labelKeyChar } from './text';
import { LEVEL1_LABELS, LEVEL2_LABELS } from './vocabulary';

/**
 * The template's vocabulary. Recognition is by normalized key (half-width, no spaces), so
 * `其中：财政    资金`, `其中:财政资金` and a PDF's `其中：财政` / `资金` all match.
 */

/**
 * Level labels the template reader anchors rows on: the vocabulary's, less the bare words (产出, 效益,
 * 数量, 成本), which occur inside cells and are exactly the pieces a PDF wraps a cell into.
 */
const BARE = /^(?:产出|效益|满意度|数量|质量|时效|成本)$/;
export const LEVEL1 = Object.keys(LEVEL1_LABELS).filter((l) => !BARE.test(l));
export const LEVEL2 = Object.keys(LEVEL2_LABELS).filter((l) => !BARE.test(l));

const L1 = new Set(LEVEL1.map(labelKey));
const L2 = new Set(LEVEL2.map(labelKey));
/** Labels that are only ever level 2: seeing one right after a label makes that label level 1. */
const L2_ONLY = new Set([...L2].filter((k) => !L1.has(k)));

export type LabelLevel = 1 | 2;

/** Which levels a text can be, as a whole label. */
export function labelLevels(text: string): LabelLevel[] {
  const k = labelKey(text);
  const out: LabelLevel[] = [];
  if (L1.has(k)) out.push(1);
  if (L2.has(k)) out.push(2);
  return out;
}

export function isLevel2Only(text: string): boolean {
  return L2_ONLY.has(labelKey(text));
}

/** Longest indicator label (level 1 or 2) at the start of `text`, as a key length in original chars. */
export function labelPrefix(text: string): number {
  const keyed = keyWithOffsets(text);
  if (L1.has(keyed.key) || L2.has(keyed.key)) return 0;
  let best = 0;
  for (const set of [L1, L2]) {
    for (const k of set) {
      if (k.length > best && keyed.key.startsWith(k) && keyed.key.length > k.length) best = k.length;
    }
  }
  return best === 0 ? 0 : keyed.offsets[best];
}

/** The label key of a text with, for each key position, the offset in the original text. */
export function keyWithOffsets(text: string): { key: string; offsets: number[] } {
  let key = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const k = labelKeyChar(text[i]);
    if (k === '') continue;
    offsets.push(i);
    key += k;
  }
  offsets.push(text.length);
  return { key, offsets };
}

/** A regex source matching `label` with any whitespace or cell separator between its characters. */
export function tolerant(label: string): string {
  const GAP = '[\\s\\u0001\\u3000]*';
  return [...labelKey(label)]
    .map((c) => {
      const alt: Record<string, string> = { ':': '[:：]', '(': '[(（]', ')': '[)）]', '%': '[%％]' };
      return alt[c] ?? c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join(GAP);
}

/** Table column headers, mapped to the role the column plays. */
export type ColumnRole = 'level1' | 'level2' | 'level3' | 'description' | 'longTarget' | 'target' | 'basis';

export const COLUMN_LABELS: [ColumnRole, string[]][] = [
  ['level1', ['一级指标']],
  ['level2', ['二级指标']],
  ['level3', ['三级指标']],
  ['description', ['绩效指标描述', '指标描述', '指标内容', '指标解释']],
  ['longTarget', ['中长期指标值', '长期指标值']],
  ['target', ['年度指标值', '指标值', '目标值']],
  ['basis', ['指标值确定依据', '指标值设定依据', '确定依据', '设定依据', '评分标准', '备注']],
];
