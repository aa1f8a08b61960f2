/** Small text helpers shared by the parsers. Pure. */

/** Full-width ASCII forms (！ to ～) and the ideographic space folded to their half-width forms. */
export function halfWidth(s: string): string {
  if (!FULL_WIDTH.test(s)) return s; // most text has none: no copy
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
const FULL_WIDTH = /[\uff01-\uff5e\u3000]/;

/** The form labels are compared in: half-width, no whitespace, round brackets. */
export function labelKey(s: string): string {
  return halfWidth(s).replace(/\s+/g, '').replace(/[【\[]/g, '(').replace(/[】\]]/g, ')');
}

/** labelKey of one character, without regexes: the label matchers call it per character. */
export function labelKeyChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c === 0x3000 || c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0) return '';
  if (ch === '【' || ch === '[') return '(';
  if (ch === '】' || ch === ']') return ')';
  if (c >= 0xff01 && c <= 0xff5e) return labelKeyChar(String.fromCharCode(c - 0xfee0));
  return ch;
}

const CJK = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef《》“”‘’';

/**
 * PDF extraction puts a space between ASCII and Chinese (`16 号`, `≥209 人`, `2022 年`): those spaces
 * were not in the document. Spaces between two ASCII tokens are kept.
 */
const GAP_AFTER_ASCII = new RegExp(`([0-9A-Za-z\\]\\)%.,≥≤<>=])[ \\t]+(?=[${CJK}])`, 'g');
const GAP_BEFORE_ASCII = new RegExp(`([${CJK}])[ \\t]+(?=[0-9A-Za-z\\[\\(≥≤<>=])`, 'g');

export function closePdfGaps(s: string): string {
  if (!/[ \t]/.test(s)) return s;
  return s.replace(GAP_AFTER_ASCII, '$1').replace(GAP_BEFORE_ASCII, '$1');
}

/** Display width: CJK and full-width count 2, the rest 1 (how PDF columns wrap). */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6≥≤]/.test(ch) ? 2 : 1;
  return w;
}

export function isBlank(s: string | null | undefined): boolean {
  if (s == null) return true;
  // Called on every line: a character loop, not a regex.
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 0x3000 && c !== 10 && c !== 13 && c !== 0xa0 && c !== 11 && c !== 12 && c !== 0xfeff) return false;
  }
  return true;
}

/** Trimmed text, or null when it is blank. */
export function orNull(s: string | null | undefined): string | null {
  if (s == null) return null;
  const t = s.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '');
  return t === '' ? null : t;
}

/** Chinese numerals up to 99 (`六`, `十二`, `二十`) as a number; null when not one. */
export function chineseNumber(s: string): number | null {
  const d: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  if (/^[零一二两三四五六七八九]$/.test(s)) return d[s];
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (m) return (m[1] ? d[m[1]] : 1) * 10 + (m[2] ? d[m[2]] : 0);
  return null;
}
