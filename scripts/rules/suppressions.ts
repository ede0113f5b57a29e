import type { PolicyDocument } from '../model/document.js';
import { isConfigurable, type Finding } from '../model/finding.js';
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

const DIRECTIVE_START = /<!--\s*serviceniveau-disable-next-line\b/g;

/**
 * The matches of /<!--\s*serviceniveau-disable-next-line\b([^>]*?)-->/g in linear time: a comment ends at the first
 * »>« after its start if »--« is right before it. Comments that are never closed share one search for that »>«
 * instead of each reading on to the end of the file.
 */
function findDirectives(text: string): { index: number; length: number; body: string }[] {
  const directives: { index: number; length: number; body: string }[] = [];
  // The first »>« after some point at or before the current comment; searched again only once a comment starts after it.
  let close = text.indexOf('>');
  let end = 0;
  for (const start of text.matchAll(DIRECTIVE_START)) {
    if (start.index < end) continue; // inside the directive before
    const bodyStart = start.index + start[0].length;
    if (close !== -1 && close < bodyStart) close = text.indexOf('>', bodyStart);
    if (close === -1) break;
    if (close - 2 < bodyStart || !text.startsWith('--', close - 2)) continue;
    directives.push({ index: start.index, length: close + 1 - start.index, body: text.slice(bodyStart, close - 2) });
    end = close + 1;
  }
  return directives;
}

/** Finds the suppression comments in a Markdown document; malformed ones come back as findings. */
export function readSuppressions(document: PolicyDocument, knownRules: readonly string[]): { suppressions: Suppression[]; findings: Finding[] } {
  const suppressions: Suppression[] = [];
  const findings: Finding[] = [];
  if (document.format !== 'md') return { suppressions, findings };
  for (const match of findDirectives(document.text)) {
    const range = { start: match.index, end: match.index + match.length };
    const [ruleText = '', ...reasonParts] = match.body.split(/\s--\s?/);
    const reason = reasonParts.join(' -- ').trim();
    const rules = ruleText.split(/[\s,]+/).filter(Boolean);
    const report = (message: string, hint: string): void => {
      findings.push({ source: 'suppression', rule: 'schema', severity: 'error', file: document.file, ...rangePositions(document, range), message, hint });
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
      report(
        'Undtagelsen mangler en begrundelse',
        'Skriv begrundelsen efter » -- «, fx <!-- serviceniveau-disable-next-line skoen-under-regel -- Loven fastsætter selv grænsen (§ 89) -->. Begrundelsen vises for den, der godkender ændringen.',
      );
      continue;
    }
    const line = document.lines.position(range.start).line;
    suppressions.push({ file: document.file, line, targetLine: nextContentLine(document, document.lines.position(range.end).line), rules, reason });
  }
  return { suppressions, findings };
}

/** Removes the findings each suppression covers; a suppression that covers nothing is itself an error. */
export function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
): { kept: Finding[]; used: Suppression[]; unused: Finding[] } {
  const used = new Set<Suppression>();
  const kept = findings.filter((finding) => {
    if (!isConfigurable(finding)) return true;
    const match = suppressions.find(
      (suppression) => suppression.file === finding.file && suppression.targetLine === finding.start.line && suppression.rules.includes(finding.rule),
    );
    if (match) used.add(match);
    return !match;
  });
  const unused = suppressions
    .filter((suppression) => !used.has(suppression))
    .map((suppression): Finding => ({
      source: 'suppression',
      rule: 'schema',
      severity: 'error',
      file: suppression.file,
      start: { line: suppression.line, column: 1 },
      end: { line: suppression.line, column: 1 },
      message: `Undtagelsen for »${suppression.rules.join('«, »')}« undtager ingenting på linjen under`,
      hint: 'Slet undtagelsen, eller flyt den til linjen lige over det, den skal undtage.',
    }));
  return { kept, used: suppressions.filter((suppression) => used.has(suppression)), unused };
}

function nextContentLine(document: PolicyDocument, afterLine: number): number {
  let line = afterLine + 1;
  while (line < document.lines.lineCount && document.text.slice(document.lines.lineStart(line), document.lines.lineEnd(line)).trim() === '') line++;
  return line;
}
