/**
 * Every message in both languages: each finding the seeds give (reading and rules) carries an English
 * sentence made from the same facts — the filing's own text quoted as written, the numbers the same.
 */
import { describe, expect, it } from 'vitest';
import { assessFiling } from '.';
import { toRows } from '../tables/rows';
import { seed, SEEDS } from '../../../tests/seeds';

/** A message with the filing's quoted text taken out: what is left is the interface's own words. */
const ownWords = (s: string) => s.replace(/"[^"]*"|“[^”]*”|《[^》]*》|\([^)]*\)/g, '');
const CJK = /[\u3400-\u9fff]/;

describe('finding messages', () => {
  const rows = SEEDS.flatMap((f) => {
    const filing = seed(f.slice(0, 3));
    return toRows(filing, assessFiling(filing)).findings;
  });

  it('each has an English sentence beside the Chinese one', () => {
    expect(rows.length).toBeGreaterThan(100);
    for (const r of rows) {
      const en = r.message_en as string;
      expect(en, r.rule_id as string).toMatch(/^[A-Z"]/);
      expect(en).not.toBe(r.message);
    }
  });

  it('in English words outside what it quotes of the filing, and with the Chinese one’s numbers', () => {
    for (const r of rows) {
      const en = r.message_en as string;
      // a level label or a body's short name the rubric names (产出指标, 政协) may stand unquoted
      expect(ownWords(en).replace(/[\u3400-\u9fff]+指标|政协|人大|[优良中差]/g, ''), `${r.rule_id}: ${en}`).not.toMatch(CJK);
      const numbers = (s: string) => s.match(/\d+(?:\.\d+)?/g) ?? [];
      expect(numbers(en), `${r.rule_id}: ${en}`).toEqual(expect.arrayContaining(numbers(r.message as string)));
    }
  });

  it('every rule that fires on the seeds is among them', () => {
    expect(new Set(rows.map((r) => r.rule_id)).size).toBeGreaterThan(15);
  });
});
