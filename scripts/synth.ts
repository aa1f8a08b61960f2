/**
 * npm run synth -- --out DIR [--counties N] [--departments M] [--years Y] [--province 13] [--seed S]
 *
 * Writes N × M × Y synthetic filings as raw text (Word-table, PDF-wrapped, narrative and duty layouts;
 * 元 and 万元; GB18030 for about a fifth) into DIR/<county code>/<year>/<unit code>.txt, with real
 * GB/T 2260 county codes. Deterministic: the same arguments give the same bytes. For benchmarks and
 * scale tests only; never the default data set.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { render } from './synth/layouts';
import { counties, departments, synthFiling } from './synth/model';
import { Random } from './synth/random';

export interface SynthOptions {
  out: string;
  counties: number;
  departments: number;
  years: number;
  province: string;
  seed: number;
}

export function synthesize(o: SynthOptions): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const county of counties(o.province, o.counties)) {
    for (let y = 0; y < o.years; y++) {
      const year = 2022 + y;
      const dir = join(o.out, county.code, String(year));
      mkdirSync(dir, { recursive: true });
      for (const dept of departments(county, o.departments)) {
        const r = new Random(o.seed ^ (Number(county.code) * 31 + year * 7 + Number(dept.code)));
        const f = synthFiling(r, county, dept, year);
        const text = render(f);
        const data = f.gb18030 ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
        writeFileSync(join(dir, `${dept.code}.txt`), data);
        files++;
        bytes += data.length;
      }
    }
  }
  return { files, bytes };
}

function parse(argv: string[]): SynthOptions {
  const o: SynthOptions = { out: 'bench/raw', counties: 10, departments: 10, years: 1, province: '13', seed: 20261121 };
  for (let i = 0; i < argv.length; i += 2) {
    const [k, v] = [argv[i].replace(/^--/, ''), argv[i + 1]];
    if (k === 'out' || k === 'province') o[k] = v;
    else if (k === 'counties' || k === 'departments' || k === 'years' || k === 'seed') o[k] = Number(v);
    else throw new Error(`unknown option --${k}`);
  }
  return o;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const o = parse(process.argv.slice(2));
  const t0 = performance.now();
  const { files, bytes } = synthesize(o);
  console.log(`${files} filings, ${(bytes / 1e6).toFixed(1)} MB → ${o.out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
