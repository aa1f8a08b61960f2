import { describe, expect, it } from 'vitest';
import type { Finding, IndicatorDetail } from '../db/queries';
import { findingsByIndicator, leadingFindings, parsedTarget } from './project-page';

const indicator = (id: string, source_line: number | null): IndicatorDetail => ({
  indicator_id: id, ordinal: 1, level1: null, level2: null, level3: null, description: null, target_raw: null, target_op: null,
  target_value: null, target_unit: null, target_fen: null, quantitative: false, basis: null, grades: null, source_line,
  score: null, band: null, score_measurable: null, score_fit: null, score_clear: null, score_evidenced: null, score_cap: null,
});
const finding = (id: string, over: Partial<Finding>): Finding => ({
  finding_id: id, filing_id: 'f', project_id: 'p', indicator_id: null, rule_id: 'r', severity: 'minor', message: '', message_en: null, evidence: null,
  level: 'indicator', line: null, ...over,
});

describe('the project page', () => {
  const indicators = [indicator('p-1', 12), indicator('p-2', 13), indicator('p-3', null)];
  const findings = [
    finding('a', { indicator_id: 'p-1' }), // its indicator's line
    finding('b', { indicator_id: 'p-2', line: 20 }), // its own line wins
    finding('c', { indicator_id: 'p-3' }), // an indicator without a line: none
    finding('d', { level: 'project', line: 7 }),
    finding('e', { indicator_id: 'p-1', level: 'project' }),
  ];

  it('gives each indicator its findings, in order, and leads with those on no row of the page, each finding once', () => {
    const by = findingsByIndicator(findings);
    expect(by.get('p-1')?.map((f) => f.finding_id)).toEqual(['a', 'e']);
    expect(by.get('p-2')?.map((f) => f.finding_id)).toEqual(['b']);
    expect(by.has('nope')).toBe(false);
    expect(leadingFindings(findings, indicators).map((f) => f.finding_id)).toEqual(['d']);
    expect(leadingFindings([...findings, finding('f', { indicator_id: 'elsewhere-9' })], indicators).map((f) => f.finding_id)).toEqual(['d', 'f']);
  });

  it('shows a target as read: exact yuan, else the value and its unit, else nothing', () => {
    expect(parsedTarget({ target_fen: 120_000n, target_op: '≤', target_value: 1200, target_unit: '元' })).toBe('≤1,200.00 元');
    expect(parsedTarget({ target_fen: null, target_op: '≥', target_value: 95, target_unit: '%' })).toBe('≥95%');
    expect(parsedTarget({ target_fen: null, target_op: null, target_value: 3, target_unit: null })).toBe('3');
    expect(parsedTarget({ target_fen: null, target_op: '≥', target_value: null, target_unit: '%' })).toBe('');
  });
});
