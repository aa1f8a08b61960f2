/**
 * Stand-in for `npm run ingest` while it does not exist yet: parses filings with src/lib/parse and writes
 * the contract's tables as Arrow IPC streams, with made-up scores (no quality engine) and parse findings
 * only. Usage: tsx tests/e2e/dev-data.ts --out DIR [PATH ...]
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  Bool, Decimal, Float64, Int32, Table, Utf8, makeData, makeVector, tableToIPC, vectorFromArray,
  type DataType, type Vector,
} from 'apache-arrow';
import { parseFiling, type Filing } from '../../src/lib/parse';
import { TABLES, TABLE_NAMES, type Cell, type Row, type TableName, type ColumnType } from '../../src/lib/tables/schema';

const band = (s: number) => (s >= 90 ? '优' : s >= 80 ? '良' : s >= 60 ? '中' : '差');
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function rows(f: Filing): Record<TableName, Row[]> {
  const out: Record<TableName, Row[]> = { filings: [], projects: [], schedule: [], indicators: [], findings: [] };
  const where = { county: f.county, year: f.year };
  const projectScores: number[] = [];
  for (const p of f.projects) {
    const pid = `${f.id}-${p.ordinal}`;
    const scores = p.indicators.map((i) => (i.target.quantitative ? 70 : 20) + (i.basis ? 15 : 0) + (i.ordinal % 3) * 5);
    const pscore = p.indicators.length ? mean(scores) : 50;
    projectScores.push(pscore);
    out.projects.push({
      project_id: pid, filing_id: f.id, ordinal: p.ordinal, code: p.code, name: p.name, kind: p.kind, category: p.category,
      budget_yuan: p.budget, fiscal_yuan: p.fiscal, other_yuan: p.other, purpose: p.purpose, goals: p.goals,
      complete: p.complete, source_lines: `${p.span.first}-${p.span.last}`, score: pscore, ...where,
      department: f.department, band: band(pscore), source_text: f.lines.slice(p.span.first - 1, p.span.last).join('\n'),
      indicators: p.indicators.length, plan_as_amounts: p.scheduleAsAmounts,
    });
    for (const s of p.schedule) {
      out.schedule.push({ project_id: pid, month: s.month, cumulative_pct: s.pct, raw: s.raw, filing_id: f.id, ...where });
    }
    p.indicators.forEach((i, k) => {
      const t = i.target;
      const m = t.quantitative ? 40 : 0;
      out.indicators.push({
        indicator_id: `${pid}-${i.ordinal}`, project_id: pid, ordinal: i.ordinal, level1: i.level1, level2: i.level2,
        level3: i.level3, description: i.description, target_raw: t.raw, target_op: t.op, target_value: t.value,
        target_unit: t.unit, target_yuan: t.yuan, quantitative: t.quantitative, basis: i.basis,
        grades: i.grades ? JSON.stringify(i.grades) : null, source_line: i.line, score: scores[k], filing_id: f.id, ...where,
        band: band(scores[k]), score_measurable: m, score_fit: 25, score_clear: scores[k] - m - 25 - (i.basis ? 15 : 0),
        score_evidenced: i.basis ? 15 : 0,
      });
    });
  }
  f.findings.forEach((x, k) => {
    const p = x.project == null ? null : `${f.id}-${x.project}`;
    out.findings.push({
      finding_id: `${f.id}-f${k + 1}`, filing_id: f.id, project_id: p,
      indicator_id: p && x.indicator != null ? `${p}-${x.indicator}` : null, rule_id: x.rule, severity: x.severity,
      message: x.message, evidence: x.evidence, ...where, level: 'parse', line: x.line,
    });
  });
  const score = mean(projectScores);
  const count = (s: string) => f.findings.filter((x) => x.severity === s).length;
  out.filings.push({
    filing_id: f.id, source_file: f.sourceFile, county: f.county, county_code: f.countyCode, city: f.city, year: f.year,
    department: f.department, department_code: f.departmentCode, unit: f.unit, layout: f.layout, status: f.status,
    lines_total: f.linesTotal, lines_used: f.linesUsed, score, band: band(score), partial_rubric: false,
    encoding: f.encoding, overview: f.overview, projects: f.projects.length,
    indicators: f.projects.reduce((n, p) => n + p.indicators.length, 0),
    budget_yuan: f.projects.reduce((n, p) => n + (p.budget ?? 0n), 0n),
    findings_critical: count('critical'), findings_major: count('major'), findings_minor: count('minor'),
    findings_info: count('info'),
  });
  return out;
}

/** A DECIMAL(18,2) column from bigint fen: four little-endian 32-bit words per value, two's complement. */
function decimalVector(values: Cell[]): Vector {
  const words = new Uint32Array(values.length * 4);
  const valid = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v == null) return;
    valid[i >> 3] |= 1 << (i & 7);
    let x = BigInt.asUintN(128, v as bigint);
    for (let w = 0; w < 4; w++, x >>= 32n) words[i * 4 + w] = Number(x & 0xffffffffn);
  });
  const nullCount = values.filter((v) => v == null).length;
  const type = new Decimal(2, 18, 128);
  return makeVector(makeData({ type, length: values.length, nullCount, nullBitmap: valid, data: words }));
}

const arrowType: Record<Exclude<ColumnType, 'yuan'>, () => DataType> = {
  text: () => new Utf8(), int: () => new Int32(), double: () => new Float64(), bool: () => new Bool(),
};

function toArrow(name: TableName, data: Row[]): Uint8Array {
  const cols: Record<string, Vector> = {};
  for (const c of TABLES[name]) {
    const values = data.map((r) => r[c.name] ?? null);
    cols[c.name] = c.type === 'yuan' ? decimalVector(values) : vectorFromArray(values, arrowType[c.type]());
  }
  return tableToIPC(new Table(cols), 'stream');
}

function files(paths: string[]): string[] {
  return paths.flatMap((p) =>
    statSync(p).isDirectory() ? readdirSync(p).filter((f) => f.endsWith('.txt')).sort().map((f) => join(p, f)) : [p],
  );
}

const args = process.argv.slice(2);
const o = args.indexOf('--out');
const out = o >= 0 ? args.splice(o, 2)[1] : 'public/data';
const all: Record<TableName, Row[]> = { filings: [], projects: [], schedule: [], indicators: [], findings: [] };
for (const file of files(args.length ? args : ['data/raw'])) {
  const r = parseFiling(readFileSync(file), basename(file));
  if (!r.ok) { console.error(`${file}: ${r.rejection.expected}`); continue; }
  const t = rows(r.filing);
  for (const n of TABLE_NAMES) all[n].push(...t[n]);
}
mkdirSync(out, { recursive: true });
for (const n of TABLE_NAMES) writeFileSync(join(out, `${n}.arrow`), toArrow(n, all[n]));
writeFileSync(join(out, 'manifest.json'), JSON.stringify({
  generator: 'tests/e2e/dev-data.ts',
  tables: Object.fromEntries(TABLE_NAMES.map((n) => [n, { file: `${n}.arrow`, rows: all[n].length }])),
}, null, 2));
console.log(`wrote ${TABLE_NAMES.map((n) => `${n} ${all[n].length}`).join(', ')} to ${out}`);
