import type { ParseFinding } from './model';

/** A reading finding about a table, before the filing knows which project it belongs to. */
export type Note = Omit<ParseFinding, 'project'>;

export function note(rule: `parse/${string}`, severity: ParseFinding['severity'], message: string, evidence: string | null, line: number | null, indicator: number | null = null): Note {
  return { rule, severity, message, evidence, line, indicator };
}
