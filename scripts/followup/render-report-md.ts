import type { Figure, ReportPresentation, Table } from './present-report.js';

// The follow-up report as Markdown: the same sections and tables as html and docx, without the charts (a Markdown file
// has nowhere to keep an image of its own); every figure's table holds its numbers.

/** Text from the export or the policies, made inert in Markdown: no markup, no link, no table cell break. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+!|<>~]/g, (character) => `\\${character}`).replace(/\r?\n/g, ' ');
}

/** The report as one Markdown document. */
export function renderReportMarkdown(report: ReportPresentation): string {
  const lines = [
    `# Opfølgning på serviceniveauet – ${escapeMarkdown(report.omraade)} – ${escapeMarkdown(report.kommune)}`,
    '',
    `Periode: ${escapeMarkdown(report.periodText)}`,
    '',
    `## ${escapeMarkdown(report.summaryHeading)}`,
    '',
    ...report.summary.flatMap((text) => [escapeMarkdown(text), '']),
    ...markdownTable(report.summaryTable),
    ...(report.comparisonTable ? markdownTable(report.comparisonTable) : []),
  ];
  for (const measure of report.measures) {
    lines.push(`## ${escapeMarkdown(measure.titel)}`, '', `id \`${measure.id.replace(/`/g, '')}\``, '');
    if (measure.frame.length > 0) lines.push(...measure.frame.map((fact) => `- **${escapeMarkdown(fact.label)}:** ${escapeMarkdown(fact.value)}`), '');
    lines.push(...markdownTable(measure.keyFigures), ...measure.figures.flatMap(figureLines));
  }
  lines.push(`## ${escapeMarkdown(report.dataHeading)}`, '', ...report.data.flatMap((text) => [escapeMarkdown(text), '']));
  if (report.problemLines.length > 0) lines.push(...report.problemLines.map((line) => `- ${escapeMarkdown(line)}`), '');
  lines.push(`## ${escapeMarkdown(report.definitionsHeading)}`, '', ...report.definitions.map((text) => `- ${escapeMarkdown(text)}`), '');
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function figureLines(figure: Figure): string[] {
  return [`### ${escapeMarkdown(figure.heading)}`, '', ...markdownTable(figure.table), ...(figure.note ? [escapeMarkdown(figure.note), ''] : [])];
}

function markdownTable(table: Table): string[] {
  const row = (cells: readonly string[]) => `| ${cells.map(escapeMarkdown).join(' | ')} |`;
  return [
    `**${escapeMarkdown(table.caption)}**`,
    '',
    row(table.columns.map((column) => column.label)),
    `| ${table.columns.map((column) => (column.numeric ? '---:' : '---')).join(' | ')} |`,
    ...table.rows.map((entry) => row([entry.header, ...entry.cells])),
    ...(table.total ? [`| **${escapeMarkdown(table.total.header)}** | ${table.total.cells.map(escapeMarkdown).join(' | ')} |`] : []),
    '',
  ];
}
