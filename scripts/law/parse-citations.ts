import { memoizeByObject } from '../memoize.js';
import type { Span } from '../text/sentences.js';

/** A law the text may name: its register id and every way of writing it. */
export interface LawName {
  id: string;
  names: readonly string[];
}

/** One cited provision: a paragraph with optional stk. and nr., and the law it belongs to, if the text says. */
export interface Citation {
  law?: string;
  paragraf: string;
  stk?: number;
  nr?: number;
  /** Where the citation is written, from "§" (or the law's name before it) to its last number. */
  span: Span;
}

/** Text that looks like a citation but cannot be read as one. */
export interface CitationProblem {
  span: Span;
  message: string;
  hint: string;
}

interface LawMention extends Span {
  law?: string;
  text: string;
}

const MAX_RANGE = 30;

/**
 * Reads the legal citations in normalised text: "Barnets Lov § 32, stk. 1, nr. 2", "§§ 46 og 47 i
 * barnets lov", "jf. § 45", "§ 43, stk. 1, nr. 1, nr. 2 og nr. 3", "servicelovens § 52, stk. 3, nr. 5".
 * A citation without a law of its own takes the law of the one before it in the same text.
 */
export function parseCitations(text: string, laws: readonly LawName[]): { citations: Citation[]; problems: CitationProblem[] } {
  const mentions = findLawMentions(text, laws);
  const citations: Citation[] = [];
  const problems: CitationProblem[] = [];
  let previousLaw: string | undefined;
  const used = new Set<LawMention>();
  for (let at = text.indexOf('§'); at !== -1; at = text.indexOf('§', at + 1)) {
    if (text[at - 1] === '§') continue; // the second sign of "§§"
    const group = readGroup(text, at);
    if ('problem' in group) {
      problems.push(group.problem);
      continue;
    }
    const candidate = mentionBefore(mentions, text, at);
    const before = candidate && !used.has(candidate) ? candidate : undefined;
    const after = mentionAfter(mentions, text, group.end);
    if (after) used.add(after);
    const mention = before ?? after;
    if (mention && !mention.law) {
      problems.push({ span: mention, message: `Ukendt lov »${mention.text}«`, hint: `Loven skal stå i policies/lovregister.json. Kendte love: ${laws.map((law) => `»${law.names[0]}«`).join(', ')}.` });
      continue;
    }
    const law = mention?.law ?? previousLaw;
    previousLaw = law;
    const span = { start: before ? before.start : at, end: Math.max(group.end, after?.end ?? 0) };
    for (const part of group.parts) citations.push({ ...(law ? { law } : {}), ...part, span });
  }
  for (const mention of mentions) {
    if (mention.law && /^\s*\d/.test(text.slice(mention.end, mention.end + 3))) {
      problems.push({ span: { start: mention.start, end: mention.end + 3 }, message: `Efter »${mention.text}« mangler »§« foran paragrafnummeret`, hint: `Skriv fx »${mention.text} § 32«.` });
    }
  }
  for (const match of text.matchAll(/\bparagraf\s+(\d+)/giu)) {
    problems.push({ span: { start: match.index, end: match.index + match[0].length }, message: `Skriv »§ ${match[1]}« i stedet for »${match[0]}«`, hint: 'Henvisninger skrives med §-tegn, fx »Barnets Lov § 32, stk. 1, nr. 2«, så de kan kontrolleres mod lovregistret.' });
  }
  return { citations, problems };
}

type Group = { parts: Omit<Citation, 'law' | 'span'>[]; end: number } | { problem: CitationProblem };

/** Reads "§ 32, stk. 1, nr. 2" or "§§ 32-33" starting at the "§". */
function readGroup(text: string, at: number): Group {
  const plural = text[at + 1] === '§';
  let cursor = at + (plural ? 2 : 1);
  const paragraph = /^\s*(\d+)(?: ?([a-h])(?![\p{L}\d]))?/u.exec(text.slice(cursor, cursor + 20));
  if (!paragraph) {
    return { problem: { span: { start: at, end: Math.min(text.length, at + 3) }, message: 'Efter »§« forventes et paragrafnummer', hint: 'Skriv fx »Barnets Lov § 32, stk. 1, nr. 2«.' } };
  }
  cursor += paragraph[0].length;
  const paragraphs = [joinParagraph(paragraph[1], paragraph[2])];
  if (plural) {
    for (;;) {
      const range = /^\s*(?:-|til)\s*(\d+)(?![\d])/u.exec(text.slice(cursor, cursor + 20));
      const listed = range ? undefined : /^\s*(?:,|og)\s*(\d+)(?: ?([a-h])(?![\p{L}\d]))?(?!\d)(?!\.\s*pkt)/u.exec(text.slice(cursor, cursor + 20));
      if (range) {
        const from = Number(paragraphs.at(-1));
        const to = Number(range[1]);
        for (let number = from + 1; number <= to && number - from <= MAX_RANGE; number++) paragraphs.push(String(number));
        cursor += range[0].length;
      } else if (listed) {
        paragraphs.push(joinParagraph(listed[1], listed[2]));
        cursor += listed[0].length;
      } else break;
    }
  }
  const stks = readNumbers(text, cursor, 'stk');
  cursor = stks.end;
  if ('problem' in stks) return stks;
  const nrs = readNumbers(text, cursor, 'nr');
  if ('problem' in nrs) return nrs;
  cursor = nrs.end;
  const sentenceNumber = /^\s*,?\s*\d+\.\s*pkt\./u.exec(text.slice(cursor, cursor + 20));
  if (sentenceNumber) cursor += sentenceNumber[0].length;
  const parts: Omit<Citation, 'law' | 'span'>[] = [];
  for (const paragraf of paragraphs) {
    const stkList: (number | undefined)[] = stks.numbers.length > 0 ? stks.numbers : [undefined];
    stkList.forEach((stk, index) => {
      const nrList: (number | undefined)[] = index === stkList.length - 1 && nrs.numbers.length > 0 ? nrs.numbers : [undefined];
      for (const nr of nrList) parts.push({ paragraf, ...(stk !== undefined ? { stk } : {}), ...(nr !== undefined ? { nr } : {}) });
    });
  }
  return { parts, end: cursor };
}

/** Reads ", stk. 1 og 2" or ", nr. 1, nr. 2 og nr. 3" or ", nr. 1-4" after a paragraph. */
function readNumbers(text: string, start: number, word: 'stk' | 'nr'): { numbers: number[]; end: number } | ({ problem: CitationProblem } & { end: number }) {
  const head = new RegExp(String.raw`^\s*,?\s*${word}\.`, 'u').exec(text.slice(start, start + 20));
  if (!head) return { numbers: [], end: start };
  let cursor = start + head[0].length;
  const first = /^\s*(\d+)/u.exec(text.slice(cursor, cursor + 12));
  if (!first) {
    return {
      problem: { span: { start: start + head[0].length - word.length - 1, end: cursor }, message: `Efter »${word}.« forventes et nummer`, hint: `Skriv fx »§ 32, stk. 1, nr. 2«.` },
      end: cursor,
    };
  }
  cursor += first[0].length;
  const numbers = [Number(first[1])];
  for (;;) {
    const next = new RegExp(String.raw`^\s*(,|og|-|til)\s*(?:${word}\.\s*)?(\d+)(?!\d)(?!\.\s*pkt)`, 'u').exec(text.slice(cursor, cursor + 20));
    if (!next) break;
    const value = Number(next[2]);
    if (next[1] === '-' || next[1] === 'til') {
      const from = numbers.at(-1) ?? value;
      for (let number = from + 1; number <= value && number - from <= MAX_RANGE; number++) numbers.push(number);
    } else {
      numbers.push(value);
    }
    cursor += next[0].length;
  }
  return { numbers, end: cursor };
}

function joinParagraph(number: string | undefined, letter: string | undefined): string {
  return letter ? `${number} ${letter}` : (number ?? '');
}

/** One pattern per law name, compiled once per list of laws; all-caps short names (BL, SEL) match case-sensitively, so "bl.a." is not a law. */
const patternsOf = memoizeByObject((laws: readonly LawName[]) =>
  laws.flatMap((law) =>
    law.names.map((name) => ({
      law: law.id,
      pattern: new RegExp(String.raw`(?<![\p{L}\d])${escapeRegExp(name)}s?(?![\p{L}\d])`, /^[A-ZÆØÅ]{2,6}$/.test(name) ? 'gu' : 'giu'),
    })),
  ),
);

/** Every place a law is named; names that look like a law but are unknown get no id. */
function findLawMentions(text: string, laws: readonly LawName[]): LawMention[] {
  if (!text.includes('§') && !/\d/.test(text)) return []; // without a § or a number nothing is cited
  const found: LawMention[] = [];
  for (const { law, pattern } of patternsOf(laws)) {
    for (const match of text.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length, law, text: match[0] });
  }
  for (const match of text.matchAll(/(?<![\p{L}\d])(?:[\p{L}-]+lovens?|lov om [\p{L}]+(?: [\p{L}]+){0,4}?)(?= *§)/giu)) {
    found.push({ start: match.index, end: match.index + match[0].length, text: match[0] });
  }
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || Number(b.law !== undefined) - Number(a.law !== undefined));
  const kept: LawMention[] = [];
  for (const mention of found) {
    const last = kept.at(-1);
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

function mentionBefore(mentions: readonly LawMention[], text: string, at: number): LawMention | undefined {
  for (let index = mentions.length - 1; index >= 0; index--) {
    const mention = mentions[index]!;
    if (mention.end > at) continue;
    return /^[\s,]*(?:jf\.?\s*)?$/u.test(text.slice(mention.end, at)) ? mention : undefined;
  }
  return undefined;
}

function mentionAfter(mentions: readonly LawMention[], text: string, end: number): LawMention | undefined {
  const link = /^\s*,?\s*(?:i|efter|jf\.?)\s+/u.exec(text.slice(end, end + 12));
  if (!link) return undefined;
  return mentions.find((mention) => mention.start === end + link[0].length);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
