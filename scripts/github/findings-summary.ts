import type { Finding } from '../model/finding.js';
import { escapeMentions } from './mentions.js';

const MAX_ROWS = 2000;

/** The findings as a Markdown table for the job summary; policy text is escaped so it cannot inject markup. */
export function findingsSummaryMarkdown(findings: readonly Finding[], omitted: number, documentCount: number): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const lines = [
    `## Kontrol af serviceniveauet`,
    '',
    `${documentCount} dokumenter kontrolleret: ${errors} fejl og ${findings.length - errors} ${findings.length - errors === 1 ? 'advarsel' : 'advarsler'}.`,
    '',
  ];
  if (omitted > 0) {
    lines.push(
      `> GitHub viser højst 10 fejl og 10 advarsler som annoteringer pr. trin. ${omitted} fund er ikke vist som annoteringer; hele listen står her.`,
      '',
    );
  }
  if (findings.length > 0) {
    lines.push('| Fil | Linje | Alvor | Regel | Fund |', '| --- | ---: | --- | --- | --- |');
    for (const finding of findings.slice(0, MAX_ROWS)) {
      lines.push(
        `| ${cell(finding.file)} | ${finding.start.line}:${finding.start.column} | ${finding.severity === 'error' ? 'fejl' : 'advarsel'} | \`${finding.rule}\` | ${cell(finding.message)} |`,
      );
    }
    if (findings.length > MAX_ROWS)
      lines.push('', `${findings.length - MAX_ROWS} fund mere er udeladt her; kør »npx serviceniveau check« lokalt for hele listen.`);
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Text for a Markdown table cell: no HTML, no pipes, no line breaks, no link syntax, no mentions. */
export function cell(text: string): string {
  return escapeMentions(
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/\|/g, '\\|')
      .replace(/[[\]`*_]/g, (char) => `\\${char}`)
      .replace(/[\r\n]+/g, ' '),
  );
}
