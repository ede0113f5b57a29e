import type { OffsetRange } from '../model/document.js';
import type { ParseProblem } from './parsed-tree.js';

// Shapes of Markdown that make the parser (micromark, under remark) slow out of all proportion to their size, found
// by a linear scan before anything is parsed. No policy text needs them; a file that has one is reported, not read.
// Measured on 30 KB: »*a_« repeated 15 s, »1. « on one line 34 s, »> « 0.8 s and 38 s at 120 KB.

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
  const crowded = crowdedParagraph(text);
  if (crowded)
    return {
      range: { start: base + crowded.start, end: base + crowded.end },
      severity: 'error',
      message: `Et afsnit har over ${MAX_DELIMITERS_PER_PARAGRAPH.toLocaleString('da-DK')} tegn til fremhævning og links (*, _, [ og ]), så filen kan ikke læses`,
      hint: 'Sådan en tekst er næsten altid indsat ved en fejl (fx fra et andet program). Slet den, eller skriv tegnene som \\* og \\_, hvis de skal stå i teksten.',
    };
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
