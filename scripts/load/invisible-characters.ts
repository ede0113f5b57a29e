import type { ParseProblem } from './parsed-tree.js';
import { describeInvisible, invisibleKindOf, REPORTED_INVISIBLE, type InvisibleKind } from '../text/invisible.js';

/** One invisible character in a file: where it stands, which it is, and whether it is written as an escape (»\u202E«). */
interface Occurrence {
  start: number;
  end: number;
  char: string;
  kind: InvisibleKind;
}

/** `\uXXXX` in a JSON string or a YAML double-quoted scalar, not itself escaped (»\\u202E« is a backslash and text). */
const ESCAPE = /(?<!\\)((?:\\\\)*)\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8}))/g;

const HINTS: Record<InvisibleKind, string> = {
  bidi:
    'Tegnet er usynligt og styrer skriveretningen, så teksten kan vises anderledes, end den står i filen — fx en lovhenvisning eller et tal, der vises baglæns. ' +
    'Dansk tekst har ikke brug for det: slet det (i VS Code vises det med »Render Control Characters«). Det kommer ofte med, når tekst kopieres fra en hjemmeside, en PDF eller et fagsystem.',
  'zero-width':
    'Tegnet er usynligt og tager ingen plads, men søgning og kopiering ser det: et telefonnummer eller en e-mailadresse med tegnet i virker ikke, når borgeren kopierer det. ' +
    'Slet det (i VS Code vises det med »Highlight Invisible Characters«). Det kommer ofte med, når tekst kopieres fra Word, en PDF eller en hjemmeside.',
};

/**
 * Bidi controls (error: the text can display otherwise than it is checked) and zero-width format characters
 * (warning: the rules read through them, but search and copying do not) as load problems, rule `schema`: one per
 * line and kind, at the first such character, with how many more the line has. Soft hyphens are allowed.
 */
export function findInvisibleCharacters(text: string, format: 'md' | 'json'): ParseProblem[] {
  const occurrences: Occurrence[] = [];
  for (const match of text.matchAll(REPORTED_INVISIBLE)) {
    const kind = invisibleKindOf(match[0]);
    if (kind) occurrences.push({ start: match.index, end: match.index + match[0].length, char: match[0], kind });
  }
  // Escapes reach the data, and so the rendered documents, though the file shows them plainly: JSON strings and frontmatter.
  const escaped = format === 'json' ? text : frontmatterOf(text);
  for (const match of escaped.matchAll(ESCAPE)) {
    const char = String.fromCodePoint(Number.parseInt(match[2] ?? match[3] ?? '0', 16));
    const kind = invisibleKindOf(char);
    const start = match.index + (match[1] ?? '').length;
    if (kind) occurrences.push({ start, end: match.index + match[0].length, char, kind });
  }
  occurrences.sort((a, b) => a.start - b.start);
  const lines = new Map<string, { first: Occurrence; more: number; lineStart: number; lineEnd: number }>();
  let lineStart = 0;
  let lineEnd = lineEndAt(text, 0);
  for (const occurrence of occurrences) {
    while (lineEnd < occurrence.start) {
      lineStart = lineEnd + 1;
      lineEnd = lineEndAt(text, lineStart);
    }
    const key = `${lineStart}:${occurrence.kind}`;
    const entry = lines.get(key);
    if (entry) entry.more++;
    else lines.set(key, { first: occurrence, more: 0, lineStart, lineEnd });
  }
  return [...lines.values()].map(({ first, more, lineStart: start, lineEnd: end }) => ({
    range: { start: first.start, end: first.end },
    severity: first.kind === 'bidi' ? 'error' : 'warning',
    message:
      `${first.kind === 'bidi' ? 'Usynligt retningstegn' : 'Usynligt tegn'} ${describeInvisible(first.char)}${first.end - first.start > 1 ? ` skrevet som »${text.slice(first.start, first.end)}«` : ''} ` +
      `i »${context(text, start, end, first)}«${more > 0 ? ` (og ${more} ${more === 1 ? 'sted' : 'steder'} mere på linjen)` : ''}`,
    hint: HINTS[first.kind],
  }));
}

/** The frontmatter of a Markdown file (between the first two »---« lines), or nothing. */
function frontmatterOf(text: string): string {
  if (!/^---\r?\n/.test(text)) return '';
  const close = /\r?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(3));
  return close ? text.slice(0, 3 + close.index) : '';
}

function lineEndAt(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

/** About 15 characters either side of the character on its line, in whole words, every invisible one shown as »⟨U+XXXX⟩«. */
function context(text: string, lineStart: number, lineEnd: number, occurrence: Occurrence): string {
  let from = Math.max(lineStart, occurrence.start - 15);
  while (from > lineStart && occurrence.start - from < 25 && !/\s/.test(text[from - 1] ?? '')) from--;
  let to = Math.min(lineEnd, occurrence.end + 15);
  while (to < lineEnd && to - occurrence.end < 25 && !/\s/.test(text[to] ?? '')) to++;
  const shown = (part: string): string =>
    part.replace(REPORTED_INVISIBLE, (char) => `⟨${describeInvisible(char).split(' ')[0] ?? ''}⟩`).replace(/[\r\t]/g, ' ');
  const marked = `${shown(text.slice(from, occurrence.start))}⟨${describeInvisible(occurrence.char).split(' ')[0] ?? ''}⟩${shown(text.slice(occurrence.end, to))}`;
  return `${from > lineStart ? '…' : ''}${marked.trim()}${to < lineEnd ? '…' : ''}`;
}
