import type { PolicyDocument } from '../model/document.js';
import type { Finding } from '../model/finding.js';
import { rangePositions } from '../load/load-document.js';

/** An accepted deviation written in a Markdown file: `<!-- serviceniveau-disable-next-line RULE -- reason -->`. */
export interface Suppression {
  file: string;
  /** The line of the comment itself. */
  line: number;
  /** The line whose findings it suppresses. */
  targetLine: number;
  rules: string[];
  reason: string;
}

const DIRECTIVE = /<!--\s*serviceniveau-disable-next-line\b([^>]*?)-->/g;

/** Finds the suppression comments in a Markdown document; malformed ones come back as findings. */
export function readSuppressions(document: PolicyDocument, knownRules: readonly string[]): { suppressions: Suppression[]; findings: Finding[] } {
  const suppressions: Suppression[] = [];
  const findings: Finding[] = [];
  if (document.format !== 'md') return { suppressions, findings };
  for (const match of document.text.matchAll(DIRECTIVE)) {
    const range = { start: match.index, end: match.index + match[0].length };
    const [ruleText = '', ...reasonParts] = (match[1] ?? '').split(/\s--\s?/);
    const reason = reasonParts.join(' -- ').trim();
    const rules = ruleText.split(/[\s,]+/).filter(Boolean);
    const report = (message: string, hint: string): void => {
      findings.push({ rule: 'schema', severity: 'error', file: document.file, ...rangePositions(document, range), message, hint });
    };
    if (rules.length === 0) {
      report('Undtagelsen nævner ingen regel', 'Skriv fx <!-- serviceniveau-disable-next-line skoen-under-regel -- Loven fastsætter selv grænsen -->.');
      continue;
    }
    const unknown = rules.filter((rule) => !knownRules.includes(rule));
    if (unknown.length > 0) {
      report(`Undtagelsen nævner en ukendt regel: »${unknown.join('«, »')}«`, `Reglerne er ${knownRules.map((rule) => `»${rule}«`).join(', ')}.`);
      continue;
    }
    if (!reason) {
      report('Undtagelsen mangler en begrundelse', 'Skriv begrundelsen efter » -- «, fx <!-- serviceniveau-disable-next-line skoen-under-regel -- Loven fastsætter selv grænsen (§ 89) -->. Begrundelsen vises for den, der godkender ændringen.');
      continue;
    }
    const line = document.lines.position(range.start).line;
    suppressions.push({ file: document.file, line, targetLine: nextContentLine(document, document.lines.position(range.end).line), rules, reason });
  }
  return { suppressions, findings };
}

/** Removes the findings each suppression covers; a suppression that covers nothing is itself an error. */
export function applySuppressions(findings: readonly Finding[], suppressions: readonly Suppression[]): { kept: Finding[]; used: Suppression[]; unused: Finding[] } {
  const used = new Set<Suppression>();
  const kept = findings.filter((finding) => {
    const match = suppressions.find((suppression) => suppression.file === finding.file && suppression.targetLine === finding.start.line && suppression.rules.includes(finding.rule));
    if (match) used.add(match);
    return !match;
  });
  const unused = suppressions
    .filter((suppression) => !used.has(suppression))
    .map(
      (suppression): Finding => ({
        rule: 'schema',
        severity: 'error',
        file: suppression.file,
        start: { line: suppression.line, column: 1 },
        end: { line: suppression.line, column: 1 },
        message: `Undtagelsen for »${suppression.rules.join('«, »')}« undtager ingenting på linjen under`,
        hint: 'Slet undtagelsen, eller flyt den til linjen lige over det, den skal undtage.',
      }),
    );
  return { kept, used: suppressions.filter((suppression) => used.has(suppression)), unused };
}

function nextContentLine(document: PolicyDocument, afterLine: number): number {
  let line = afterLine + 1;
  while (line < document.lines.lineCount && document.text.slice(document.lines.lineStart(line), document.lines.lineEnd(line)).trim() === '') line++;
  return line;
}
