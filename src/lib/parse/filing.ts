import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { dutyHeaderEnd, readDutyRows } from './duty';
import { MONEY_UNIT_EN, type Filing, type FilingMeta, type MoneyUnit, type ParseFinding, type ParseResult, type Project, type Rejection, type Said } from './model';
import { type NarrativeEntry, readNarrative } from './narrative';
import { cellPieces, isCellLine, isTableLine, linePieces, rowCells } from './pieces';
import { ambiguousCounty, unusedLine } from './note';
import { inferPlace, withMeta } from './place';
import { readProjectTable } from './table';
import { isBlank, labelKey } from './text';
import { BODIES } from './vocabulary';

/** `1.智慧人大系统运行维护经费绩效目标表`, `2.人大代表及委员活动经费项目支出绩效目标表`. */
const PROJECT_HEADER = /^[ \u3000]*(?:\d{1,3}[ \u3000]*[.、．][ \u3000]*)?(\S.{0,80}?)(?:项目)?(?:支出)?绩效目标(?:申报)?表[ \u3000]*$/;
const BOOKMARK = /^(?:\[bookmark:[^\]]*\])+/;
const CLOSING = /^[ \u3000]*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+部分)/;
/** A title line naming the body: `隆尧县卫生健康局2023年部门预算绩效目标`. */
const TITLE = /^[ \u3000]*(\S{2,40}?(?:局|委员会|常委会|委|办公室|办|法院|检察院|中心|站|馆|队|所|院|部|会|政府))(?:20\d{2}年度?)\S*(?:预算|绩效)/;

/** A SHA-256: the pure one runs anywhere; a caller with a native one (Node's crypto, 10× faster) passes it. */
export type Sha256 = (bytes: Uint8Array) => Uint8Array;

/** Stable id of a filing: its bytes' SHA-256, shortened. Same content, same id, on any machine. */
export function filingId(bytes: Uint8Array, hash: Sha256 = sha256): string {
  return bytesToHex(hash(bytes)).slice(0, 16);
}

function reject(file: string, line: number | null, expected: string, found: string): { ok: false; rejection: Rejection } {
  return { ok: false, rejection: { file, line, expected, found } };
}

interface Options {
  id: string;
  encoding: string;
  meta?: FilingMeta;
}

export function parseText(text: string, sourceFile: string, opts: Options): ParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const raw = body.includes('\r') ? body.split(/\r\n|\r|\n/) : body.split('\n');
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const lines = raw.map((l) => (l.startsWith('[bookmark') ? l.replace(BOOKMARK, '') : l));
  if (lines.every(isBlank)) return reject(sourceFile, 1, 'a filing', 'an empty file');

  const headers: number[] = [];
  lines.forEach((l, i) => l.includes('绩效目标') && !isCellLine(l) && PROJECT_HEADER.test(l) && !/部门整体/.test(l) && headers.push(i + 1));
  const dutyLine = lines.findIndex((l) => l.includes('职责') && labelKey(rowCells(l)?.[0] ?? l) === '职责活动') + 1;
  const bodyStart = Math.min(headers[0] ?? Infinity, dutyLine || Infinity);
  const part1End = Number.isFinite(bodyStart) ? bodyStart - 1 : lines.length;
  const narrative = readNarrative(lines, 1, part1End);
  if (headers.length === 0 && dutyLine === 0 && narrative.length === 0) {
    const first = lines.findIndex((l) => !isBlank(l));
    return reject(
      sourceFile,
      first + 1,
      'a filing: a project form (项目名称 / 预算数 … and an indicator table 一级指标 / 二级指标 / 三级指标 / 指标值), a 职责活动 table, or paragraphs “…项目年初预算安排…万元”',
      `“${lines[first].trim().slice(0, 40)}”, and no project table anywhere in ${lines.length} lines`,
    );
  }

  const findings: ParseFinding[] = [];
  // used[n] = 1: line n is accounted for (a typed array: this is asked for every line of a province).
  const used = new Uint8Array(lines.length + 2);
  used.fill(1, 1, part1End + 1);
  lines.forEach((l, i) => isBlank(l) && (used[i + 1] = 1));

  const statedUnit = /单位[\s\u3000]*[:：][\s\u3000]*(万元|元)/.exec(text)?.[1] as MoneyUnit | undefined;
  const layouts = new Set<string>();
  if (narrative.length > 0) layouts.add('narrative');

  // Project tables.
  const tables: { project: Project; headerName: string }[] = [];
  let department: string | null = null;
  let departmentCode: string | null = null;
  const units: MoneyUnit[] = [];
  const blockEnd = (i: number) => (i + 1 < headers.length ? headers[i + 1] - 1 : dutyLine > headers[i] ? dutyLine - 1 : lines.length);
  // Running headers and signatures repeat the title or the body's name on a line of their own.
  const signatures = new Set([lines.find((l) => !isBlank(l))!.trim()]);
  for (const l of lines) {
    const name = startsWithCode(l) ? /^\s*\t?\d{6}\s*(\S+)\s*$/.exec(l)?.[1] : undefined;
    if (name) signatures.add(name);
  }
  const isSignature = (l: string) => signatures.has(l);
  const closing: string[] = [];
  headers.forEach((h, i) => {
    used[h] = 1;
    let end = blockEnd(i);
    // A section heading after a table (`三、工作保障措施`) closes it: what follows is the filing's own text.
    const close = lines.slice(h, end).findIndex((l) => !isTableLine(l) && CLOSING.test(l));
    if (close >= 0) {
      for (let n = h + 1 + close; n <= end; n++) {
        used[n] = 1;
        if (!isBlank(lines[n - 1])) closing.push(lines[n - 1].trim());
      }
      end = h + close;
    }
    const tabbed = lines.slice(h, end).filter(isTableLine).length;
    const mode = tabbed >= 3 ? 'cells' : 'flow';
    const pieces = mode === 'cells' ? cellPieces(lines, h + 1, end, isSignature) : linePieces(lines, h + 1, end, isSignature);
    const t = readProjectTable(pieces, mode, statedUnit ?? null, i === headers.length - 1 && !(dutyLine > h));
    layouts.add(mode === 'cells' ? 'word-table' : t.indicators.length > 0 && pieces.some((p) => p.text.length < 12) ? 'pdf-text' : 'flow-text');
    department ??= t.department;
    departmentCode ??= t.departmentCode;
    if (t.unit) units.push(t.unit);
    for (const n of t.used) used[n] = 1;
    const headerName = PROJECT_HEADER.exec(lines[h - 1])![1].trim();
    const ordinal = tables.length + 1;
    for (const f of t.findings) findings.push({ ...f, project: ordinal });
    tables.push({
      headerName,
      project: {
        ordinal,
        code: t.code,
        name: t.name ?? headerName,
        kind: 'project',
        category: null,
        budget: t.budget,
        fiscal: t.fiscal,
        other: t.other,
        purpose: t.purpose,
        goals: t.goals,
        complete: t.complete,
        span: { first: h, last: Math.max(h, ...[...t.used].filter((n) => n <= end)) },
        schedule: t.schedule,
        scheduleAsAmounts: t.scheduleAsAmounts,
        indicators: t.indicators,
        narrative: null,
        categoryBudget: null,
      },
    });
  });

  const unit: MoneyUnit = statedUnit ?? mostCommon(units) ?? inferUnit(lines, dutyLine);
  if (!statedUnit && units.length === 0) {
    findings.push(finding('parse/unit-inferred', 'info', { zh: `文件没有写明金额单位，按金额大小推断为${unit}。`, en: `The file does not state its money unit; taken to be ${MONEY_UNIT_EN[unit]} from the size of its amounts.` }, null, null, null));
  }

  // Duty-activity table.
  const duties: Project[] = [];
  if (dutyLine > 0) {
    const end = headers.find((h) => h > dutyLine) ?? lines.length + 1;
    const pieces = cellPieces(lines, dutyLine, end - 1);
    const start = dutyHeaderEnd(pieces);
    if (start >= 0) {
      layouts.add('duty-table');
      for (let k = 0; k < start; k++) used.fill(1, pieces[k].first, pieces[k].last + 1);
      const { rows, leftover } = readDutyRows(pieces, start, unit);
      const headingBudget = new Map<string, Project['budget']>();
      for (const r of rows) {
        used.fill(1, r.first, r.last + 1);
        if (r.heading) {
          headingBudget.set(r.name, r.budget);
          continue;
        }
        duties.push({
          ordinal: 0,
          code: null,
          name: r.name,
          kind: 'activity',
          category: r.category,
          budget: r.budget,
          fiscal: null,
          other: null,
          purpose: r.purpose,
          goals: r.goals,
          complete: true,
          span: { first: r.first, last: r.last },
          schedule: [],
          scheduleAsAmounts: false,
          indicators: r.indicator ? [r.indicator] : [],
          narrative: null,
          categoryBudget: r.category ? headingBudget.get(r.category) ?? null : null,
        });
      }
      if (leftover.some((p) => !isBlank(p.text))) {
        const cut = leftover[leftover.length - 1].last;
        findings.push(finding('parse/truncated', 'major', { zh: `职责活动表在第 ${cut} 行中途结束，最后一行不完整。`, en: `The duty-activity table ends inside line ${cut}: its last row is incomplete.` }, leftover.map((p) => p.text).join(' '), cut, null));
      }
    }
  }

  // Narrative paragraphs: the table wins; a paragraph of its own is a project (人员经费, 日常公用经费).
  const claimed = new Set<number>();
  const narrativeOnly: Project[] = [];
  for (const entry of narrative) {
    const i = matchTable(entry, tables.map((t) => t.project.name), claimed);
    used.fill(1, entry.span.first, entry.span.last + 1);
    if (i >= 0) {
      claimed.add(i);
      tables[i].project.narrative = claimOf(entry);
    } else {
      narrativeOnly.push(projectOf(entry));
    }
  }

  const projects = [...narrativeOnly, ...tables.map((t) => t.project), ...duties].map((p, i) => ({ ...p, ordinal: i + 1 }));
  // Findings were numbered by table order; renumber them to the final order.
  const shift = narrativeOnly.length;
  for (const f of findings) if (f.project != null) f.project += shift;

  if (!department) {
    const title = lines.slice(0, 12).map((l) => TITLE.exec(l)?.[1]).find((d) => d != null);
    if (title) department = title;
  }
  if (!department) {
    department = opts.meta?.department ?? inferBody(text);
    if (!opts.meta?.department) findings.push(finding('parse/department-inferred', 'info', { zh: `文件没有写明报送单位，按正文推断为“${department}”。`, en: `The file does not name the body that filed it; taken to be "${department}" from its text.` }, null, null, null));
  }
  const meta = opts.meta ?? {};
  const place = withMeta(inferPlace(projects.map((p) => p.code ?? ''), department, text), meta);
  if (place.ambiguous) {
    const { name, cities } = place.ambiguous;
    findings.push(ambiguousCounty(name, cities, sourceFile));
  }

  const unused: number[] = [];
  for (let n = 1; n <= lines.length; n++) if (!used[n]) unused.push(n);
  for (const n of unused) {
    findings.push(unusedLine(n, lines[n - 1]));
  }

  const filing: Filing = {
    id: opts.id,
    sourceFile,
    county: place.county,
    countyCode: place.countyCode,
    city: place.city,
    year: place.year,
    department: meta.department ?? department,
    departmentCode,
    unit,
    layout: [...layouts].sort().join('+'),
    status: projects.some((p) => !p.complete) || findings.some((f) => f.rule === 'parse/truncated') ? 'partial' : 'ok',
    linesTotal: lines.length,
    linesUsed: lines.length - unused.length,
    overview: [...lines.slice(0, part1End), ...closing].map((l) => l.trim()).filter((l) => l !== '').join('\n') || null,
    encoding: opts.encoding,
    projects,
    findings,
    lines: raw,
  };
  return { ok: true, filing };
}

/** `/^\s*\t?\d{6}/` without a regex per line: a unit code opens the line. */
function startsWithCode(l: string): boolean {
  let i = 0;
  while (i < l.length && (l[i] === ' ' || l[i] === '\t' || l[i] === '\u3000')) i++;
  let digits = 0;
  while (digits < 6 && i + digits < l.length && l.charCodeAt(i + digits) >= 48 && l.charCodeAt(i + digits) <= 57) digits++;
  return digits === 6;
}

function finding(rule: `parse/${string}`, severity: ParseFinding['severity'], message: Said, evidence: string | null, line: number | null, project: number | null): ParseFinding {
  return { rule, severity, message: message.zh, messageEn: message.en, evidence, line, project, indicator: null };
}

function mostCommon<T>(xs: T[]): T | null {
  const c = new Map<T, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Without a stated unit: budgets written with decimals and below 10 000 are 万元 (a 元 budget that small is implausible). */
function inferUnit(lines: string[], dutyLine: number): MoneyUnit {
  const amounts = lines.slice(dutyLine > 0 ? dutyLine - 1 : 0).flatMap((l) => (/^\t\d+(?:\.\d+)?\s*$/.test(l) ? [Number(l.trim())] : []));
  return amounts.length > 0 && amounts.every((a) => a < 10000) ? '万元' : '元';
}

/** The body a filing speaks for, when no header names it: the one its text names most. */
function inferBody(text: string): string {
  const counts = INFERRED.map(([name, re]) => [name, text.match(re)?.length ?? 0] as const).sort((a, b) => b[1] - a[1]);
  return counts[0][1] > 0 ? counts[0][0] : '未注明';
}
const INFERRED = BODIES.filter((b) => b.inferred).map((b) => [b.formal, new RegExp(b.pattern.source, 'g')] as const);

const nameKey = (s: string) => s.replace(/[“”"\s]/g, '').replace(/^(?:市县|县|市|区)/, '').replace(/(?:项目)?(?:经费|费)$/, '');

/** The table a paragraph describes: same name, or one name containing the other. */
function matchTable(entry: NarrativeEntry, names: string[], taken: Set<number>): number {
  const k = nameKey(entry.name);
  let best = -1;
  let bestLen = 0;
  names.forEach((n, i) => {
    if (taken.has(i)) return;
    const t = nameKey(n);
    const len = t === k ? 1000 : t.includes(k) || k.includes(t) ? Math.min(t.length, k.length) : 0;
    if (len >= 3 && len > bestLen) [best, bestLen] = [i, len];
  });
  return best;
}

function claimOf(e: NarrativeEntry): Project['narrative'] {
  return { name: e.name, budget: e.budget, schedule: e.schedule, claimedIndicatorCount: e.claimedIndicatorCount, indicators: e.indicators, span: e.span };
}

function projectOf(e: NarrativeEntry): Project {
  const kind = /人员经费/.test(e.name) ? 'personnel' : /公用经费/.test(e.name) ? 'operating' : 'project';
  return {
    ordinal: 0,
    code: null,
    name: e.name,
    kind,
    category: null,
    budget: e.budget,
    fiscal: null,
    other: null,
    purpose: kind === 'project' ? e.purpose : null,
    goals: e.goals,
    complete: true,
    span: e.span,
    schedule: e.schedule,
    scheduleAsAmounts: false,
    indicators: e.indicators,
    narrative: claimOf(e),
    categoryBudget: null,
  };
}
