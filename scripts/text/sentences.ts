import { memoizeByObject } from '../memoize.js';
import type { NormalizedText } from './normalize.js';

/** A span [start, end) in normalised text. */
export interface Span {
  start: number;
  end: number;
}

const sentenceSegmenter = new Intl.Segmenter('da', { granularity: 'sentence' });

/** Abbreviations after which a full stop does not end a Danish sentence. */
const ABBREVIATION = /(?:^|[\s(])(?:stk|nr|jf|kl|ca|pkt|pct|evt|inkl|ekskl|bl\.a|f\.eks|fx|mv|m\.v|m\.m|dvs|hhv|vedr|iflg|jvf|tlf|sml|lbk|bek|vejl)\.\s*$/i;

/** The sentences of normalised text: paragraphs and list items end a sentence; "stk. 2" and "kl. 8" do not. Computed once per text. */
export const sentencesOf: (normalized: NormalizedText) => Span[] = memoizeByObject(splitSentences);

function splitSentences(normalized: NormalizedText): Span[] {
  const spans: Span[] = [];
  let paragraphStart = 0;
  const text = normalized.text;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && text[index] !== '\n') continue;
    let pending: Span | undefined;
    for (const segment of sentenceSegmenter.segment(text.slice(paragraphStart, index))) {
      const start = paragraphStart + segment.index;
      const end = start + segment.segment.length;
      const next = text.slice(end, end + 1);
      if (pending) pending.end = end;
      else pending = { start, end };
      if (ABBREVIATION.test(text.slice(pending.start, end)) || /^[\d\p{Ll}§]/u.test(next)) continue;
      spans.push(trim(text, pending));
      pending = undefined;
    }
    if (pending) spans.push(trim(text, pending));
    paragraphStart = index + 1;
  }
  return spans.filter((span) => span.end > span.start);
}

// Runs of letters, marks and digits, as Intl.Segmenter('da') splits Danish words ("e-mail" is two),
// but an order of magnitude faster on large repositories.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’.,][\p{L}\p{M}\p{N}]+)*/gu;

/** The words of a span (letters, possibly with digits); numbers alone are not words. */
export function wordsOf(text: string, span: Span = { start: 0, end: text.length }): Span[] {
  const words: Span[] = [];
  for (const match of text.slice(span.start, span.end).matchAll(WORD)) {
    if (!/\p{L}/u.test(match[0])) continue;
    const start = span.start + match.index;
    words.push({ start, end: start + match[0].length });
  }
  return words;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
