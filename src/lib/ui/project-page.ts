/**
 * What the project page derives from its rows: each indicator's findings and the findings that lead
 * the page, and an indicator's target as read. Lookups by id, once
 * per page, not a scan of the indicators per finding.
 */
import type { Finding, IndicatorDetail } from '../db/queries';
import { placeFindings } from '../db/opinion';
import { yuan } from './format';

/** Each indicator's findings, by indicator id (in the order given). */
export const findingsByIndicator = (findings: readonly Finding[]): Map<string, Finding[]> => placeFindings(findings).indicator;

/** The findings that lead the page: those on no indicator row of the page (each finding is listed once: on the row it names, else here). */
export function leadingFindings(findings: readonly Finding[], indicators: readonly Pick<IndicatorDetail, 'indicator_id'>[]): Finding[] {
  const rows = new Set(indicators.map((i) => i.indicator_id));
  return findings.filter((f) => f.indicator_id == null || !rows.has(f.indicator_id));
}

/** An indicator's target as the reader understood it: `≥1,200.00 元`, `≥95%`; empty when it read none. `yuanUnit`: 元 in the page's language. */
export function parsedTarget(i: Pick<IndicatorDetail, 'target_fen' | 'target_op' | 'target_value' | 'target_unit'>, yuanUnit = '元'): string {
  if (i.target_fen != null) return `${i.target_op ?? ''}${yuan(i.target_fen)} ${yuanUnit}`;
  if (i.target_value == null) return '';
  return `${i.target_op ?? ''}${i.target_value}${i.target_unit ?? ''}`;
}
