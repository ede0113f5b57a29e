import type { OffsetRange } from '../model/document.js';
import type { ParseProblem } from './parsed-tree.js';

// Shapes of Markdown that make the parser (micromark, under remark) slow out of all proportion to their size, found
// by a linear scan before anything is parsed. No policy text needs them; a file that has one is reported, not read.
// Measured on 30 KB: »*a_« repeated 15 s, »1. « on one line 34 s, »> « 0.8 s and 38 s at 120 KB.
// Beyond single shapes, micromark is quadratic in some constructs repeated over many lines (2,000 lines of »- - a«,
// 10 KB, take 3 s; 4,000 setext headings, 16 KB, 10 s; 4,000 lines of »* * * * * * * * * * a« a minute) and linear
// but slow in others (0.1 ms a line, 0.06 ms an entity or »<«). So a document also has budgets — lines, block
// markers, nested openings, setext underlines, inline markers — each far above any real service level (the example's
// largest file has 160 lines and 90 list items) and low enough that a document at the limit parses in about a second.

/** Lines in one document (a 1 MB file of 80-column prose has 12,500 lines). */
export const MAX_LINES = 20_000;
/** List and quote markers and headings opening lines. */
export const MAX_BLOCK_MARKERS = 3_000;
/** Lines that open two or more lists or quotes at once (»- - a«, »> - a«, »1. 1. a«). */
export const MAX_NESTED_LINES = 100;
/** Lines of only »=« or »-« under a line of text (setext headings). */
export const MAX_SETEXT_UNDERLINES = 100;
/** Characters that can open inline markup: emphasis runs touching text, [ ] ` < &. */
export const MAX_INLINE_MARKERS = 10_000;

/**
 * A list item indented by 120 columns or more: some 40 levels of nesting. remark's list handling is cubic in the
 * depth (600 levels take seconds, 2,000 minutes); linear to find, as ^ only starts at a line.
 */
const DEEP_LIST_ITEM = /^(?:[ \t]*>)*[ \t]{120,}(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/m;

/** More than 30 list or quote markers opening one line (»1. 1. 1. …«, »> > > …«): as many levels of nesting. */
const NESTED_ON_ONE_LINE = /^[ \t]{0,3}(?:(?:[-*+]|\d{1,9}[.)]|>)[ \t]*){31}/m;

/** Emphasis and link brackets in one paragraph above which their pairing (quadratic in micromark) takes seconds. */
export const MAX_DELIMITERS_PER_PARAGRAPH = 2000;

const NESTING_HINT = 'Et serviceniveau har sjældent brug for mere end to-tre niveauer i en punktopstilling: ryk punkterne ud, eller del listen op.';

/** The first shape in `text` that would make parsing it take far too long, as a problem at its place; else undefined. */
export function hostileMarkdown(text: string, base = 0): ParseProblem | undefined {
  // YAML frontmatter is read by the YAML parser, which has its own limits: only the Markdown after it is scanned.
  const frontmatter = /^---[ \t]*\r?\n(?:[\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(text)?.[0].length ?? 0;
  if (frontmatter > 0) return hostileMarkdown(text.slice(frontmatter), base + frontmatter);
  const deep = DEEP_LIST_ITEM.exec(text);
  if (deep) return nestingProblem(base + deep.index, base + deep.index + deep[0].length, 'punktet er rykket mere end 120 tegn ind');
  const nested = NESTED_ON_ONE_LINE.exec(text);
  if (nested) return nestingProblem(base + nested.index, base + nested.index + nested[0].length, 'over 30 punkt- eller citattegn i starten af én linje');
  const overBudget = blockBudgetProblem(text);
  if (overBudget) return moved(overBudget, base);
  const crowded = crowdedParagraph(text);
  if (crowded)
    return {
      range: { start: base + crowded.start, end: base + crowded.end },
      severity: 'error',
      message: `Et afsnit har over ${MAX_DELIMITERS_PER_PARAGRAPH.toLocaleString('da-DK')} tegn til fremhævning og links (*, _, [ og ]), så filen kan ikke læses`,
      hint: 'Sådan en tekst er næsten altid indsat ved en fejl (fx fra et andet program). Slet den, eller skriv tegnene som \\* og \\_, hvis de skal stå i teksten.',
    };
  const inline = inlineBudgetProblem(text);
  return inline ? moved(inline, base) : undefined;
}

function moved(problem: ParseProblem, base: number): ParseProblem {
  return { ...problem, range: { start: base + problem.range.start, end: base + problem.range.end } };
}

const SPLIT_HINT = 'Sådan en tekst er næsten altid indsat ved en fejl (fx fra et andet program). Slet den, eller del dokumentet op i flere foranstaltninger.';

/** The line at which one of the document's block budgets runs out, as a problem; else undefined. One pass over the lines. */
function blockBudgetProblem(text: string): ParseProblem | undefined {
  let lines = 0;
  let markers = 0;
  let nested = 0;
  let setext = 0;
  let previousBlank = true;
  for (let start = 0; start <= text.length;) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    const range = { start, end };
    const problem = (message: string, hint = SPLIT_HINT): ParseProblem => ({ range, severity: 'error', message, hint });
    if (++lines > MAX_LINES) return problem(`Filen har over ${MAX_LINES.toLocaleString('da-DK')} linjer, så den kan ikke læses sikkert`);
    const blank = /^[ \t\r]*$/.test(line);
    if (!previousBlank && SETEXT_UNDERLINE.test(line)) {
      if (++setext > MAX_SETEXT_UNDERLINES)
        return problem(
          `Over ${MAX_SETEXT_UNDERLINES} linjer består kun af »=« eller »-« under en tekstlinje, så filen kan ikke læses`,
          'Det er overskrifter i en gammel skrivemåde: skriv »## « foran overskriften, og slet linjen af »=« eller »-«.',
        );
    } else if (!THEMATIC_BREAK.test(line)) {
      const opened = containerMarkers(line);
      markers += opened.count + (opened.heading ? 1 : 0);
      if (markers > MAX_BLOCK_MARKERS)
        return problem(`Filen har over ${MAX_BLOCK_MARKERS.toLocaleString('da-DK')} punkter, citater og overskrifter, så den kan ikke læses sikkert`);
      if (opened.count >= 2 && ++nested > MAX_NESTED_LINES)
        return problem(
          `Over ${MAX_NESTED_LINES} linjer åbner flere punkter eller citater på én gang (fx »- - tekst« eller »> - tekst«), så filen kan ikke læses`,
          NESTING_HINT,
        );
    }
    previousBlank = blank;
    if (newline === -1) break;
    start = newline + 1;
  }
  return undefined;
}

const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t\r]*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})\r?$/;

/** How many list or quote markers open a line, and whether a heading follows them; reads each character once. */
function containerMarkers(line: string): { count: number; heading: boolean } {
  let count = 0;
  let at = 0;
  for (;;) {
    while (line[at] === ' ' || line[at] === '\t') at++;
    const character = line[at];
    if (character === '>') {
      count++;
      at++;
      continue;
    }
    if ((character === '-' || character === '*' || character === '+') && isMarkerEnd(line[at + 1])) {
      count++;
      at++;
      continue;
    }
    let digits = at;
    while (digits < line.length && digits - at < 9 && line[digits]! >= '0' && line[digits]! <= '9') digits++;
    if (digits > at && (line[digits] === '.' || line[digits] === ')') && isMarkerEnd(line[digits + 1])) {
      count++;
      at = digits + 1;
      continue;
    }
    break;
  }
  return { count, heading: line[at] === '#' && /^#{1,6}(?:[ \t]|\r?$)/.test(line.slice(at, at + 8)) };
}

function isMarkerEnd(character: string | undefined): boolean {
  return character === undefined || character === ' ' || character === '\t' || character === '\r';
}

/** The line at which the document's inline markers pass their budget, as a problem; else undefined. */
function inlineBudgetProblem(text: string): ParseProblem | undefined {
  let count = 0;
  for (const match of text.matchAll(/\*+|_+|[[\]`<&]/g)) {
    const found = match[0];
    if ((found[0] === '*' || found[0] === '_') && isSpace(text[match.index - 1]) && isSpace(text[match.index + found.length])) continue;
    if (++count > MAX_INLINE_MARKERS) {
      const lineStart = text.lastIndexOf('\n', match.index) + 1;
      const lineEnd = text.indexOf('\n', match.index);
      return {
        range: { start: lineStart, end: lineEnd === -1 ? text.length : lineEnd },
        severity: 'error',
        message: `Filen har over ${MAX_INLINE_MARKERS.toLocaleString('da-DK')} tegn til fremhævning, links, kode og HTML (*, _, [, ], \`, <, &), så den kan ikke læses sikkert`,
        hint: 'Sådan en tekst er næsten altid indsat ved en fejl (fx fra et andet program). Slet den, eller skriv tegnene som \\* og \\_, hvis de skal stå i teksten.',
      };
    }
  }
  return undefined;
}

function nestingProblem(start: number, end: number, what: string): ParseProblem {
  return { range: { start, end }, severity: 'error', message: `Listen er indlejret alt for dybt (${what}), så filen kan ikke læses`, hint: NESTING_HINT };
}

/**
 * The first line of the first paragraph (text between blank lines) with too many possible delimiters: runs of `*` or
 * `_` that touch a letter or sign on either side (a run between spaces, like a blank »____ «, cannot open or close
 * anything and costs nothing), and every `[` and `]`.
 */
function crowdedParagraph(text: string): OffsetRange | undefined {
  let count = 0;
  let paragraphStart = 0;
  for (const match of text.matchAll(/\n[ \t]*(?=\n)|\*+|_+|[[\]]/g)) {
    const found = match[0];
    if (found.startsWith('\n')) {
      count = 0;
      paragraphStart = match.index + found.length + 1; // past the blank line's own newline
      continue;
    }
    if (found !== '[' && found !== ']' && isSpace(text[match.index - 1]) && isSpace(text[match.index + found.length])) continue;
    if (++count > MAX_DELIMITERS_PER_PARAGRAPH) {
      const lineEnd = text.indexOf('\n', paragraphStart);
      return { start: paragraphStart, end: lineEnd === -1 ? text.length : lineEnd };
    }
  }
  return undefined;
}

function isSpace(character: string | undefined): boolean {
  return character === undefined || /\s/.test(character);
}
