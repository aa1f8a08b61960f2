import { afterEach, describe, expect, it } from 'vitest';
import { byPart, downloading, ended, onProgress, report } from './progress';

afterEach(() => downloading().forEach((d) => ended(d.file)));

describe('download progress', () => {
  it('counts the files done until all are, and tells listeners of every change', () => {
    let calls = 0;
    const stop = onProgress(() => calls++);
    report('assets/duckdb-eh.wasm', 1000, 4000);
    report('data/findings.arrow', 0, 50);
    report('assets/duckdb-eh.wasm', 3000, 4000);
    report('data/findings.arrow', 50, 50);
    expect(downloading()).toEqual([
      { file: 'assets/duckdb-eh.wasm', loaded: 3000, total: 4000 },
      { file: 'data/findings.arrow', loaded: 50, total: 50 },
    ]);
    report('assets/duckdb-eh.wasm', 4000, 4000);
    expect(downloading()).toEqual([]);
    stop();
    report('assets/duckdb-eh.wasm', 3500, 4000);
    expect(calls).toBe(5);
  });

  it('drops a download that ended short (a failure), keeps one that ended whole', () => {
    report('data/a.arrow', 0, 50);
    report('data/b.arrow', 10, 50);
    report('data/c.arrow', 10, null);
    report('data/a.arrow', 50, 50);
    ended('data/b.arrow');
    ended('data/a.arrow');
    expect(downloading().map((d) => d.file)).toEqual(['data/a.arrow', 'data/c.arrow']);
    ended('data/c.arrow');
    expect(downloading()).toEqual([]);
  });

  it('sums the engine and the data apart; a size nobody knows leaves the part’s total unknown', () => {
    const list = [
      { file: 'assets/duckdb-eh.wasm', loaded: 3000, total: 4000 },
      { file: 'data/parts/130229/2024/findings.arrow', loaded: 10, total: 50 },
      { file: 'data/parts/130229/2024/indicators.arrow', loaded: 5, total: null },
    ];
    expect(byPart(list)).toEqual([
      { part: 'engine', loaded: 3000, total: 4000 },
      { part: 'data', loaded: 15, total: null },
    ]);
    expect(byPart([])).toEqual([]);
  });
});
