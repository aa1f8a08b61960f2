import type { Indicator } from '../parse/model';
import { squash } from './classify';

/** The pieces the rules' messages are made of, so every message names a row and a value the same way. */

/** A value in quotes; `（空）` when blank. */
export const q = (s: string | null | undefined) => `“${(s ?? '').trim() || '（空）'}”`;
/** An indicator row by its ordinal and name: `第3行指标“培训人次”`. */
export const row = (i: Indicator) => `第${i.ordinal}行指标${q(i.level3 ?? i.description)}`;
/** The same in English: `"…"`, `(blank)`; `row 3 indicator "培训人次"`. */
export const qEn = (s: string | null | undefined) => `"${(s ?? '').trim() || '(blank)'}"`;
export const rowEn = (i: Indicator) => `row ${i.ordinal} indicator ${qEn(i.level3 ?? i.description)}`;
/** A sentence's first letter in capitals (`Row 3 indicator …`). */
export const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** A row's target as written. */
export const target = (i: Indicator) => i.target.raw ?? '';

/** Two targets say the same when they parse the same (`>＝90%` is `≥90%`), or read the same. */
export const sameTarget = (a: Indicator, b: Indicator) =>
  a.target.quantitative && b.target.quantitative
    ? a.target.op === b.target.op && a.target.value === b.target.value && a.target.unit === b.target.unit
    : squash(a.target.raw) === squash(b.target.raw);
