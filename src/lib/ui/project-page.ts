/**
 * What the project page derives from its rows: which source lines carry a finding, each indicator's
 * findings and the findings that lead the page, and an indicator's target as read. Lookups by id, once
 * per page, not a scan of the indicators per finding.
 */
import type { Finding, IndicatorDetail } from '../db/queries';
import { placeFindings } from '../db/opinion';
import { yuan } from './format';

/** The source lines a finding points at: its own line, else its indicator's. */
export function flaggedLines(findings: readonly Finding[], indicators: readonly IndicatorDetail[]): Set<number> {
  const lineOf = new Map(indicators.map((i) => [i.indicator_id, i.source_line]));
  const lines = new Set<number>();
  for (const f of findings) {
    const n = f.line ?? (f.indicator_id != null ? lineOf.get(f.indicator_id) : null);
    if (n != null) lines.add(n);
  }
  return lines;
}

/** Each indicator's findings, by indicator id (in the order given). */
export const findingsByIndicator = (findings: readonly Finding[]): Map<string, Finding[]> => placeFindings(findings).indicator;

/** The findings of project, filing and corpus rules: they lead the page (and also show on the row they point at). */
export const leadingFindings = (findings: readonly Finding[]): Finding[] =>
  findings.filter((f) => f.indicator_id == null || (f.level != null && f.level !== 'indicator'));

/** An indicator's target as the reader understood it: `≥1,200.00 元`, `≥95%`; empty when it read none. `yuanUnit`: 元 in the page's language. */
export function parsedTarget(i: Pick<IndicatorDetail, 'target_fen' | 'target_op' | 'target_value' | 'target_unit'>, yuanUnit = '元'): string {
  if (i.target_fen != null) return `${i.target_op ?? ''}${yuan(i.target_fen)} ${yuanUnit}`;
  if (i.target_value == null) return '';
  return `${i.target_op ?? ''}${i.target_value}${i.target_unit ?? ''}`;
}
