/** A 1-based line and column in the file the user wrote. */
export interface Position {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/** One problem found in a document: schema errors, rule findings and load errors alike. */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  start: Position;
  end?: Position;
  hint?: string;
  url?: string;
}

/** Orders findings by file, line, column, then rule and message, so output is deterministic. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.file, b.file) ||
    a.start.line - b.start.line ||
    a.start.column - b.start.column ||
    compareText(a.rule, b.rule) ||
    compareText(a.message, b.message)
  );
}

/** Returns a sorted copy. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
