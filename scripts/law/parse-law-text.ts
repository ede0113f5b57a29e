import { DROPPED_INVISIBLE_ALL } from '../text/invisible.js';

/**
 * Reads the structure of one paragraph from retsinformation's flattened text: »§ 32. Når … følgende: 1) … 2) …
 * Stk. 2. … Stk. 3. …«. The markers are only trusted in sequence (»Stk. 2.« after stk. 1, »3)« after »2)«), so a
 * reference such as »jf. stk. 2« or »(nr. 2)« inside the text never starts a new part.
 */

/** One stk.: the words before its numbered items, then the items (none when it has none). */
export interface ParsedStk {
  tekst: string;
  numre?: string[];
}

export interface ParsedParagraph {
  /** »32« or »117 a«, as the heading writes it. */
  paragraf: string;
  stk: ParsedStk[];
}

/** The text as one line: no soft hyphens, zero-width characters or bidi controls, single spaces. */
export function normalizeLawText(text: string): string {
  return text.replace(DROPPED_INVISIBLE_ALL, '').replace(/\s+/g, ' ').trim();
}

const HEADING = /^§§? ?(\d+(?: ?[a-z])?)(?:-\d+(?: ?[a-z])?)?\. ?/;

/** The paragraph's heading number and the rest of its text, or undefined when the text has no »§ N.« heading. */
export function splitHeading(content: string): { paragraf: string; body: string } | undefined {
  const text = normalizeLawText(content);
  const match = HEADING.exec(text);
  if (!match) return undefined;
  return { paragraf: match[1]!.replace(/(\d)([a-z])$/, '$1 $2'), body: text.slice(match[0].length) };
}

export function parseParagraph(content: string): ParsedParagraph | undefined {
  const heading = splitHeading(content);
  if (!heading) return undefined;
  return { paragraf: heading.paragraf, stk: splitSequence(heading.body, stkMarker).map(parseStk) };
}

function parseStk(text: string): ParsedStk {
  const [before, ...items] = splitSequence(text, itemMarker);
  return items.length > 0 ? { tekst: before ?? '', numre: items } : { tekst: text };
}

/** Where the marker for part `n` starts at or after `from`, and where its text begins; undefined when there is none. */
type Marker = (text: string, n: number, from: number) => { start: number; textStart: number } | undefined;

/** »Stk. 2.« at the start of a sentence. */
const stkMarker: Marker = (text, n, from) => {
  const needle = `Stk. ${n}.`;
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (at === 0 || text[at - 1] === ' ') return { start: at, textStart: skipSpace(text, at + needle.length) };
  }
  return undefined;
};

/** »2)« after a space (or at the start), not written as a reference: »nr. 2)« or »stk. 2)«. */
const itemMarker: Marker = (text, n, from) => {
  const needle = `${n})`;
  for (let at = text.indexOf(needle, from); at !== -1; at = text.indexOf(needle, at + 1)) {
    const startsWord = at === 0 || text[at - 1] === ' ';
    const followedBySpace = at + needle.length === text.length || text[at + needle.length] === ' ';
    if (startsWord && followedBySpace && !/(?:nr|stk|pkt)\.\s?$/.test(text.slice(Math.max(0, at - 5), at)))
      return { start: at, textStart: skipSpace(text, at + needle.length) };
  }
  return undefined;
};

/**
 * Splits text at markers 1, 2, 3 … in order (stk. markers start at 2: stk. 1 has none). The first part is the text
 * before the first marker; then one part per marker.
 */
function splitSequence(text: string, marker: Marker): string[] {
  const first = marker === stkMarker ? 2 : 1;
  const parts: string[] = [];
  let partStart = 0;
  let n = first;
  for (let found = marker(text, n, 0); found; found = marker(text, n, found.textStart)) {
    parts.push(text.slice(partStart, found.start).trim());
    partStart = found.textStart;
    n++;
  }
  parts.push(text.slice(partStart).trim());
  return parts;
}

function skipSpace(text: string, at: number): number {
  return text[at] === ' ' ? at + 1 : at;
}
