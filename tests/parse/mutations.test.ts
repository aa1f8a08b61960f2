import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseFiling } from '../../src/lib/parse';
import { fitsTables } from '../../src/lib/parse/money';
import { seedBytes } from '../seeds';

/**
 * Property: whatever is done to a real filing (cut, shuffled, duplicated, bytes injected, re-encoded,
 * line endings changed), reading it never throws, never hangs, and accounts for every line it read.
 */
const SEED_TEXTS = ['000', '001', '002', '003', '004'].map((n) => new TextDecoder().decode(seedBytes(n)));

type Mutation = (lines: string[], r: number) => string[];
const MUTATIONS: Record<string, Mutation> = {
  cut: (ls, r) => ls.slice(0, Math.floor(r * ls.length)),
  cutMidLine: (ls, r) => {
    const k = Math.floor(r * ls.length);
    return [...ls.slice(0, k), (ls[k] ?? '').slice(0, Math.floor((ls[k] ?? '').length / 2))];
  },
  shuffleBlock: (ls, r) => {
    const k = Math.floor(r * (ls.length - 20));
    return [...ls.slice(0, k), ...ls.slice(k, k + 20).reverse(), ...ls.slice(k + 20)];
  },
  duplicate: (ls, r) => {
    const k = Math.floor(r * ls.length);
    return [...ls.slice(0, k), ...ls.slice(k, k + 30), ...ls.slice(k)];
  },
  dropBlanks: (ls) => ls.filter((l) => l.trim() !== ''),
  dropTabs: (ls) => ls.map((l) => l.replace(/^\t/, '')),
  glueLines: (ls, r) => {
    const k = Math.floor(r * ls.length);
    return [...ls.slice(0, k), ls.slice(k, k + 8).join(''), ...ls.slice(k + 8)];
  },
  // Every number of a block of lines past DECIMAL(18,2) in 元 and in 万元 (20 digits, with fen).
  hugeNumbers: (ls, r) => {
    const k = Math.floor(r * ls.length);
    return ls.map((l, i) => (i >= k && i < k + 40 ? l.replace(/\d+(?:\.\d+)?/g, '99999999999999999999.99') : l));
  },
  injectText: (ls, r) => {
    const k = Math.floor(r * ls.length);
    return [...ls.slice(0, k), '\t≥≤%万元项目名称一级指标', '第 3 页 共 9 页', '\t', ...ls.slice(k)];
  },
};

function bytesOf(text: string, enc: 'utf8' | 'crlf' | 'gb18030' | 'bom'): Uint8Array {
  if (enc === 'gb18030') return iconv.encode(text, 'gb18030');
  if (enc === 'crlf') return new TextEncoder().encode(text.replace(/\n/g, '\r\n'));
  if (enc === 'bom') return new TextEncoder().encode(`\ufeff${text}`);
  return new TextEncoder().encode(text);
}

function check(bytes: Uint8Array) {
  const t0 = performance.now();
  const r = parseFiling(bytes, 'mutant.txt');
  const ms = performance.now() - t0;
  // A hang guard, not a speed target: a normal read takes a few milliseconds.
  expect(ms).toBeLessThan(5000);
  if (!r.ok) {
    expect(r.rejection.found).not.toMatch(/^internal error/);
    expect(r.rejection.file).toBe('mutant.txt');
    return;
  }
  const f = r.filing;
  // Every line not used is reported once, by its number, with its text.
  const unused = f.findings.filter((x) => x.rule === 'parse/unused-line');
  expect(new Set(unused.map((x) => x.line)).size).toBe(unused.length);
  for (const x of unused) expect(f.lines[x.line! - 1]).toContain(x.evidence);
  expect(f.linesUsed + unused.length).toBe(f.linesTotal);
  for (const p of f.projects) for (const i of p.indicators) expect(i.line).toBeGreaterThan(0);
  // No amount the tables cannot hold survives the reading: each is refused, with a finding.
  const amounts = f.projects.flatMap((p) => [p.budget, p.fiscal, p.other, p.categoryBudget, p.narrative?.budget ?? null, ...p.indicators.map((i) => i.target.yuan)]);
  for (const v of amounts) if (v != null) expect(fitsTables(v), String(v)).toBe(true);
  if (!fitsTables(f.projects.reduce((a, p) => a + (p.budget ?? 0n), 0n))) expect.unreachable('the budgets’ sum past DECIMAL(18,2)');
}

describe('reading mutated seeds', () => {
  it('never throws, never hangs, accounts for every line (text mutations × encodings)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SEED_TEXTS.length - 1 }),
        fc.array(fc.tuple(fc.constantFrom(...Object.keys(MUTATIONS)), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('utf8', 'crlf', 'gb18030', 'bom'),
        (s, steps, enc) => {
          let lines = SEED_TEXTS[s].split('\n');
          for (const [m, r] of steps) lines = MUTATIONS[m](lines, r);
          check(bytesOf(lines.join('\n'), enc as 'utf8'));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('never throws on injected or flipped bytes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SEED_TEXTS.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }),
        (s, flips) => {
          const bytes = new TextEncoder().encode(SEED_TEXTS[s]);
          for (const [at, b] of flips) bytes[Math.floor(at * (bytes.length - 1))] = b;
          check(bytes);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 3000 }), (s) => check(new TextEncoder().encode(s))), { numRuns: 1000 });
  });
});
