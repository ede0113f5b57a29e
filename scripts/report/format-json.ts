import type { Finding } from '../model/finding.js';

/** One finding as SPEC's JSON object: 1-based positions, end always present. */
export function jsonFinding(finding: Finding): Record<string, unknown> {
  return {
    file: finding.file,
    line: finding.start.line,
    column: finding.start.column,
    endLine: (finding.end ?? finding.start).line,
    endColumn: (finding.end ?? finding.start).column,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
  };
}

/** The findings as SPEC's JSON array: one object per finding. */
export function formatJson(findings: readonly Finding[]): string {
  const rows = findings.map(jsonFinding);
  return `${JSON.stringify(rows, null, 2)}\n`;
}
