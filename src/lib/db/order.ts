/**
 * Sorting by meaning: a column whose values form a scale (severity, band) sorts by its place on the scale,
 * not by its text (`critical, info, major, minor` or `中, 优, 差`). The scales are the data's own lists.
 */
import { SEVERITIES } from '../parse/model';
import { BANDS } from '../quality/settings';

/** Each scaled column by name (in any table), its values from first to last. */
export const SCALES: Record<string, readonly string[]> = { severity: SEVERITIES, band: BANDS };

/** SQL ranking `expr` on `scale` (0 = first); a value off the scale after every value on it. */
export function rank(expr: string, scale: readonly string[]): string {
  const lit = (v: string) => `'${v.replaceAll("'", "''")}'`;
  return `CASE ${expr} ${scale.map((v, k) => `WHEN ${lit(v)} THEN ${k}`).join(' ')} ELSE ${scale.length} END`;
}

/** What to sort a column by: its rank when it is a scale, else its value. */
export const sortKey = (name: string, expr: string) => (SCALES[name] ? rank(expr, SCALES[name]) : expr);
