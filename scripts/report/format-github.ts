import type { Finding } from '../model/finding.js';

/**
 * The findings as GitHub workflow commands (`::error file=…,line=…::message`), which become
 * annotations on the pull request. Columns are given only when start and end share a line.
 */
export function formatGithub(findings: readonly Finding[]): string {
  return findings.map(formatCommand).join('');
}

function formatCommand(finding: Finding): string {
  const end = finding.end ?? finding.start;
  const properties: [string, string | number][] = [
    ['file', finding.file],
    ['line', finding.start.line],
    ['endLine', end.line],
  ];
  if (end.line === finding.start.line) properties.push(['col', finding.start.column], ['endColumn', end.column]);
  properties.push(['title', `serviceniveau: ${finding.rule}`]);
  const message = finding.hint ? `${finding.message}\n${finding.hint}` : finding.message;
  const list = properties.map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${finding.severity} ${list}::${escapeData(message)}\n`;
}

function escapeData(text: string): string {
  return text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
}
