import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedBytes } from '../../../tests/seeds';
import { filingId } from './filing';

describe('filingId', () => {
  it('is the same with the pure SHA-256 and with Node’s native one (the ingest passes the native one)', () => {
    const native = (b: Uint8Array) => createHash('sha256').update(b).digest();
    for (const seed of ['000', '001', '002', '003', '004']) {
      const bytes = seedBytes(seed);
      expect(filingId(bytes, native)).toBe(filingId(bytes));
      expect(filingId(bytes)).toMatch(/^[0-9a-f]{16}$/);
    }
  });
});
