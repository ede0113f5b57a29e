/** A 1-based line and column in the file the user wrote. */
export interface Position {
  line: number;
  column: number;
}

export type Severity = 'error' | 'warning';

/**
 * Where a finding came from, kept apart from its rule id as vfile-message keeps `source` apart from `ruleId`:
 * a file that could not be read or placed (`load`), the document's JSON Schema (`schema`), a malformed or
 * unused suppression comment (`suppression`), or a content rule (`rule`). Only `schema` and `rule` findings
 * answer to the config and to suppressions, so configuring a rule can never silence a file that was not read.
 */
export type FindingSource = 'load' | 'schema' | 'suppression' | 'rule';

/** One problem found in a document: schema errors, rule findings and load errors alike. */
export interface Finding {
  source: FindingSource;
  /** The rule id users see; load and suppression problems are reported under `schema`, as SPEC's JSON shape has it. */
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

/** Whether the config and suppression comments may act on a finding: only what a rule or the schema judged. */
export function isConfigurable(finding: Pick<Finding, 'source'>): boolean {
  return finding.source === 'schema' || finding.source === 'rule';
}

/** Returns a sorted copy. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
