import { memoizeByObject } from '../memoize.js';
import type { NormalizedText } from './normalize.js';

/** A span [start, end) in normalised text. */
export interface Span {
  start: number;
  end: number;
}

/** Abbreviations after which a full stop does not end a Danish sentence (tested on the few characters before the stop). */
const ABBREVIATION = /(?:^|[\s(])(?:stk|nr|jf|kl|ca|pkt|pct|evt|inkl|ekskl|bl\.a|f\.eks|fx|mv|m\.v|m\.m|dvs|hhv|vedr|iflg|jvf|tlf|sml|lbk|bek|vejl)\.$/i;
/** Longer than the longest abbreviation with its full stop and the character before it (" f.eks."). */
const ABBREVIATION_REACH = 8;
const TERMINATOR = /[.!?]/;
/** Closing quotes and brackets that stay with the sentence they close: »Hvad nu?« */
const CLOSING = /["')\]\u00BB\u203A]/;

/** The sentences of normalised text: paragraphs and list items end a sentence; "stk. 2" and "kl. 8" do not. Computed once per text. */
export const sentencesOf: (normalized: NormalizedText) => Span[] = memoizeByObject(splitSentences);

/**
 * One pass over the text, so its cost is linear even in a pasted paragraph of 200 KB. A sentence ends at a
 * full stop, question or exclamation mark followed by closing marks and a space, unless the stop ends an
 * abbreviation, or what follows starts with a digit, a lower-case letter, »§«, a comma, colon, semicolon or
 * another stop. Unicode's sentence rules (Intl.Segmenter) plus the Danish abbreviations, without the segmenter's
 * cost on long paragraphs; the two agree on every sentence of the example policies, the seeds and the docs.
 */
function splitSentences(normalized: NormalizedText): Span[] {
  const text = normalized.text;
  const spans: Span[] = [];
  let start = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (char === '\n') {
      spans.push(trim(text, { start, end: index }));
      start = ++index;
      continue;
    }
    if (!TERMINATOR.test(char)) {
      index++;
      continue;
    }
    let end = index + 1;
    while (TERMINATOR.test(text[end] ?? '')) end++;
    const isFullStop = !/[!?]/.test(text.slice(index, end));
    let afterClosing = end;
    while (CLOSING.test(text[afterClosing] ?? '')) afterClosing++;
    let next = afterClosing;
    while (text[next] === ' ') next++;
    const following = text.slice(next, next + 1);
    // Without a space, only a question or exclamation mark or a closing mark before an upper-case letter ends one ("Hvad?Nej").
    if (next === afterClosing && !(/\p{Lu}/u.test(following) && (!isFullStop || afterClosing > end))) {
      index = afterClosing;
      continue;
    }
    // The slice is longer than any abbreviation, so its »^« only matches at the start of the sentence.
    const isAbbreviation =
      end === index + 1 && afterClosing === end && char === '.' && ABBREVIATION.test(text.slice(Math.max(start, end - ABBREVIATION_REACH), end));
    const continues = /^[\d\p{Ll}§,;:.!?]/u.test(following) || (isFullStop && firstLetterIsLower(text, next));
    if (!isAbbreviation && !continues) {
      spans.push(trim(text, { start, end: next }));
      start = next;
    }
    index = next;
  }
  spans.push(trim(text, { start, end: text.length }));
  return spans.filter((span) => span.end > span.start);
}

/**
 * Unicode's rule that ». "stk. 2"« or ». || v1« does not start a sentence: after a full stop, the first letter
 * before the next terminator is lower case. Stops at a terminator, so the whole split stays linear.
 */
function firstLetterIsLower(text: string, from: number): boolean {
  for (let index = from; index < text.length; index++) {
    const char = text[index] ?? '';
    if (char === '\n' || TERMINATOR.test(char)) return false;
    if (/\p{L}/u.test(char)) return /\p{Ll}/u.test(char);
  }
  return false;
}

// Runs of letters, marks and digits, as Intl.Segmenter('da') splits Danish words ("e-mail" is two),
// but an order of magnitude faster on large repositories.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.,][\p{L}\p{M}\p{N}]+)*/gu;

const LETTER = /\p{L}/u;

/** The words of a span (letters, possibly with digits), as text; numbers alone are not words. */
export function wordsOf(text: string, span: Span = { start: 0, end: text.length }): string[] {
  const words: string[] = [];
  for (const [word] of text.slice(span.start, span.end).matchAll(WORD)) if (LETTER.test(word)) words.push(word);
  return words;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
