import type { ParseFinding, Said } from './model';

/** A reading finding about a table, before the filing knows which project it belongs to. */
export type Note = Omit<ParseFinding, 'project'>;

export function note(rule: `parse/${string}`, severity: ParseFinding['severity'], message: Said, evidence: string | null, line: number | null, indicator: number | null = null): Note {
  return { rule, severity, message: message.zh, messageEn: message.en, evidence, line, indicator };
}

/** A source line no record took: reported with its text, so nothing is lost silently. */
export function unusedLine(n: number, text: string): ParseFinding {
  return { rule: 'parse/unused-line', severity: 'info', message: `第 ${n} 行没有读入任何记录，请核对原文。`, messageEn: `Line ${n} went into no record; check the original.`, evidence: text.trim(), line: n, project: null, indicator: null };
}

/** A county name several divisions bear, with no sidecar to say which. */
export function ambiguousCounty(name: string, cities: string[], sourceFile: string): ParseFinding {
  return {
    rule: 'parse/county-ambiguous', severity: 'info', evidence: name, line: null, project: null, indicator: null,
    message: `县区名“${name}”在${cities.join('、')}都有，无法确定是哪一个；请在 ${sourceFile}.meta.json 中写明 county_code。`,
    messageEn: `The county name "${name}" exists in ${cities.join(', ')}: which one is meant cannot be told; give its county_code in ${sourceFile}.meta.json.`,
  };
}
