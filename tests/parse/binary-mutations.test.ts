import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFiling } from '../../src/lib/parse';
import { pdfAssets } from '../../src/lib/parse/sources/pdf-node';

/**
 * Property: a real document of every binary format, damaged — bytes flipped, cut short, a run of bytes
 * inflated — is read or refused with a precise reason, never an exception, never a hang, and when it is
 * read, every cell is accounted for.
 */
const DIR = join(import.meta.dirname, '..', 'fixtures', 'formats');
const FILES = ['000.docx', '000.doc', '000.xlsx', '000.xls', '004.pdf', '000.html'];
const pdf = pdfAssets();

type Damage = (b: Uint8Array, at: number, n: number) => Uint8Array;
const DAMAGE: Record<string, Damage> = {
  flip: (b, at, n) => {
    const c = b.slice();
    for (let k = 0; k < 1 + (n % 16); k++) c[(at + k * 977) % c.length] ^= 0x55 + k;
    return c;
  },
  cut: (b, at) => b.slice(0, at),
  inflate: (b, at, n) => {
    const run = b.slice(at, at + 64);
    const parts = [b.slice(0, at), ...Array.from({ length: 1 + (n % 50) }, () => run), b.slice(at)];
    const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0));
    let o = 0;
    for (const p of parts) (out.set(p, o), (o += p.length));
    return out;
  },
};

async function check(bytes: Uint8Array, name: string) {
  const t0 = performance.now();
  const r = await readFiling(bytes, name, { pdf });
  // A hang guard, not a speed target: a normal read takes well under a second.
  expect(performance.now() - t0).toBeLessThan(15_000);
  if (!r.ok) {
    expect(r.rejection.file).toBe(name);
    expect(r.rejection.expected.length).toBeGreaterThan(0);
    expect(r.rejection.found.length).toBeGreaterThan(0);
    // A defect of ours shows as an internal error: damage must be named, not crash a reader.
    expect(r.rejection.found).not.toMatch(/internal error/);
    return;
  }
  const f = r.filing;
  const unused = f.findings.filter((x) => x.rule === 'parse/unused-line' || x.rule === 'parse/unused-cell');
  expect(f.linesUsed + unused.length).toBe(f.linesTotal);
}

describe.each(FILES)('%s, damaged', (file) => {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  it.each(Object.keys(DAMAGE))('%s: read or refused with a reason, never a crash or a hang', async (kind) => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), fc.nat(), async (at, n) => check(DAMAGE[kind](bytes, at, n), file)),
      { numRuns: 25, seed: 9 },
    );
  });
});
