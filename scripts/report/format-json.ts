import type { Finding } from '../model/finding.js';

/** The findings as SPEC's JSON array: one object per finding, 1-based positions, end always present. */
export function formatJson(findings: readonly Finding[]): string {
  const rows = findings.map((finding) => ({
    file: finding.file,
    line: finding.start.line,
    column: finding.start.column,
    endLine: (finding.end ?? finding.start).line,
    endColumn: (finding.end ?? finding.start).column,
    rule: finding.rule,
    severity: finding.severity,
    message: finding.message,
  }));
  return `${JSON.stringify(rows, null, 2)}\n`;
}
