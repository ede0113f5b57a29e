import type { Finding } from '../model/finding.js';
import type { Suppression } from '../rules/suppressions.js';
import { printable } from './printable.js';

export interface PrettyOptions {
  color: boolean;
  /** How many documents were checked, for the closing line. */
  documentCount: number;
  /** The accepted deviations, listed so a reviewer sees each one and its reason. */
  suppressions?: readonly Suppression[];
  /** Said instead of the count when nothing was checked and nothing found. */
  nothingChecked?: string;
}

const SEVERITY_WORDS = { error: 'fejl', warning: 'advarsel' } as const;

/** Findings for a person at a terminal: grouped by file, one line each with a hint, and a count. */
export function formatPretty(findings: readonly Finding[], options: PrettyOptions): string {
  if (options.nothingChecked && findings.length === 0 && options.documentCount === 0) return `${printable(options.nothingChecked)}\n`;
  const paint = painter(options.color);
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(paint.underline(printable(finding.file)));
      currentFile = finding.file;
    }
    const position = `${finding.start.line}:${finding.start.column}`.padEnd(8);
    const severity = SEVERITY_WORDS[finding.severity].padEnd(9);
    const coloredSeverity = finding.severity === 'error' ? paint.red(severity) : paint.yellow(severity);
    lines.push(`  ${paint.dim(position)}${coloredSeverity}${printable(finding.message)}  ${paint.dim(finding.rule)}`);
    if (finding.hint) lines.push(`  ${' '.repeat(17)}${paint.dim(`→ ${printable(finding.hint)}`)}`);
  }
  if (findings.length > 0) lines.push('');
  const suppressions = options.suppressions ?? [];
  if (suppressions.length > 0) {
    lines.push(`Undtagelser (${suppressions.length}):`);
    for (const suppression of suppressions) {
      lines.push(
        `  ${printable(suppression.file)}:${suppression.targetLine}  ${suppression.rules.join(', ')}  ${paint.dim(`— ${printable(suppression.reason)}`)}`,
      );
    }
    lines.push('');
  }
  lines.push(summaryLine(findings, options.documentCount, paint));
  const docs = [...new Set(findings.map((finding) => finding.url).filter((url): url is string => url !== undefined))].sort();
  if (docs.length > 0) lines.push(paint.dim(`Om reglerne: ${docs.join(', ')}`));
  return `${lines.join('\n')}\n`;
}

function summaryLine(findings: readonly Finding[], documentCount: number, paint: Painter): string {
  const documents = `${documentCount} ${documentCount === 1 ? 'dokument' : 'dokumenter'} kontrolleret`;
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  if (findings.length === 0) return paint.green(`✔ ${documents}: ingen fejl eller advarsler.`);
  const files = new Set(findings.map((finding) => finding.file)).size;
  const counts = `${errors} fejl og ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'} i ${files} ${files === 1 ? 'fil' : 'filer'}`;
  return errors > 0 ? paint.red(`✖ ${documents}: ${counts}.`) : paint.yellow(`⚠ ${documents}: ${counts}.`);
}

interface Painter {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
}

function painter(color: boolean): Painter {
  const wrap = (open: number, close: number) => (text: string) => (color ? `\u001b[${open}m${text}\u001b[${close}m` : text);
  return { red: wrap(31, 39), yellow: wrap(33, 39), green: wrap(32, 39), dim: wrap(2, 22), underline: wrap(4, 24) };
}
