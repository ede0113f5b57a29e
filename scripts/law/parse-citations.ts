import { memoizeByObject } from '../memoize.js';
import type { NormalizedText } from '../text/normalize.js';
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
  /** For shorthand that was read anyway (»§ 52.3.7«): the citation as it was read, written out. */
  reading?: string;
}

interface LawMention extends Span {
  law?: string;
  text: string;
}

const MAX_RANGE = 30;

/**
 * Reads the legal citations in normalised text: "Barnets Lov § 32, stk. 1, nr. 2", "§§ 46 og 47 i
 * barnets lov", "jf. § 45", "§ 43, stk. 1, nr. 1, nr. 2 og nr. 3", "servicelovens § 52, stk. 3, nr. 5".
 * A citation without a law of its own takes the law of the one before it in the same text, or, in a chain
 * (»§ 41 og § 42 i serviceloven«, »§ 45, jf. § 41, i lov om social service«), the law named after the chain.
 * Shorthand (»§ 52.3.7«, »§ 52, 3, 7«) is read as stk. and nr. and reported with the reading it assumed.
 */
export interface ParsedCitations {
  citations: Citation[];
  problems: CitationProblem[];
}

const parsedByText = new WeakMap<NormalizedText, { laws: readonly LawName[]; parsed: ParsedCitations }>();

/** parseCitations once per normalised field and list of laws: lovhjemmel and skoen-under-regel read the same sections. */
export function citationsOf(normalized: NormalizedText, laws: readonly LawName[]): ParsedCitations {
  const cached = parsedByText.get(normalized);
  if (cached?.laws === laws) return cached.parsed;
  const parsed = parseCitations(normalized.text, laws);
  parsedByText.set(normalized, { laws, parsed });
  return parsed;
}

export function parseCitations(text: string, laws: readonly LawName[]): ParsedCitations {
  const mentions = findLawMentions(text, laws);
  const citations: Citation[] = [];
  const problems: CitationProblem[] = [];
  let previousLaw: string | undefined;
  const used = new Set<LawMention>();
  const byStart = new Map(mentions.map((mention) => [mention.start, mention]));
  const reaches = mentions.map((mention) => reachOf(text, mention.end));
  // The "§" signs come in text order, so the mentions that end before one are a growing prefix of `mentions`.
  let ended = 0;
  let chain: { citations: Citation[]; end: number } | undefined;
  for (let at = text.indexOf('§'); at !== -1; at = text.indexOf('§', at + 1)) {
    if (text[at - 1] === '§') continue; // the second sign of "§§"
    const group = readGroup(text, at);
    if ('problem' in group) {
      problems.push(group.problem);
      continue;
    }
    while (ended < mentions.length && mentions[ended]!.end <= at) ended++;
    const candidate = ended > 0 && reaches[ended - 1] === at ? mentions[ended - 1] : undefined;
    const before = candidate && !used.has(candidate) ? candidate : undefined;
    const after = mentionAfter(byStart, text, group.end);
    if (after) used.add(after);
    const mention = before ?? after;
    if (mention && !mention.law) {
      problems.push({
        span: mention,
        message: `Ukendt lov »${mention.text}«`,
        hint: `Loven skal stå i policies/lovregister.json. Kendte love: ${laws.map((law) => `»${law.names[0]}«`).join(', ')}.`,
      });
      continue;
    }
    const law = mention?.law ?? previousLaw;
    previousLaw = law;
    const span = { start: before ? before.start : at, end: Math.max(group.end, after?.end ?? 0) };
    if (after?.law && chain && isChainLink(text.slice(chain.end, at))) {
      for (const citation of chain.citations) citation.law = after.law;
    }
    const added = group.parts.map((part): Citation => ({ ...(law ? { law } : {}), ...part, span }));
    citations.push(...added);
    if (group.shorthand) {
      const first = added[0];
      const lawName = laws.find((candidate) => candidate.id === law)?.names[0];
      const reading = `${lawName ? `${lawName} ` : ''}§ ${first?.paragraf ?? ''}${first?.stk !== undefined ? `, stk. ${first.stk}` : ''}${first?.nr !== undefined ? `, nr. ${first.nr}` : ''}`;
      const written = text.slice(at, group.end);
      problems.push({
        span: { start: at, end: group.end },
        message: `»${written}« er forkortet og kan læses på flere måder (læst som »${reading}«)`,
        hint: `Skriv henvisningen ud med »stk.« og »nr.«, fx »${reading}«, så den ikke kan læses på flere måder.`,
        reading,
      });
    }
    // A citation without a law of its own waits for a law named after the chain it starts or continues.
    if (mention) chain = undefined;
    else if (chain && isChainLink(text.slice(chain.end, at))) {
      chain.citations.push(...added);
      chain.end = span.end;
    } else chain = { citations: added, end: span.end };
  }
  for (const mention of mentions) {
    if (mention.law && /^\s*\d/.test(text.slice(mention.end, mention.end + 3))) {
      problems.push({
        span: { start: mention.start, end: mention.end + 3 },
        message: `Efter »${mention.text}« mangler »§« foran paragrafnummeret`,
        hint: `Skriv fx »${mention.text} § 32«.`,
      });
    }
  }
  for (const match of text.matchAll(/\bparagraf\s+(\d+)/giu)) {
    problems.push({
      span: { start: match.index, end: match.index + match[0].length },
      message: `Skriv »§ ${match[1]}« i stedet for »${match[0]}«`,
      hint: 'Henvisninger skrives med §-tegn, fx »Barnets Lov § 32, stk. 1, nr. 2«, så de kan kontrolleres mod lovregistret.',
    });
  }
  return { citations, problems };
}

type Group = { parts: Omit<Citation, 'law' | 'span'>[]; end: number; shorthand?: boolean } | { problem: CitationProblem };

/** Whether the text between two citations joins them into one chain: nothing, a comma, »og«, »eller«, »samt« or »jf.«. */
function isChainLink(between: string): boolean {
  const words = between.replace(/[\s,]+/gu, ' ').trim();
  return words === '' || CHAIN_WORDS.has(words);
}

const CHAIN_WORDS = new Set(['og', 'eller', 'samt', 'jf.', 'jf', 'og jf.']);
const DOTTED = /^\.(\d{1,2})(?:\.(\d{1,2}))?(?!\d)/u;
const BARE = /^\s*,\s*(\d{1,2})\s*,\s*(\d{1,2})(?!\d)(?!\.\s*pkt)/u;

/** Reads "§ 32, stk. 1, nr. 2" or "§§ 32-33" starting at the "§". */
function readGroup(text: string, at: number): Group {
  const plural = text[at + 1] === '§';
  let cursor = at + (plural ? 2 : 1);
  const paragraph = /^\s*(\d+)(?: ?([a-h])(?![\p{L}\d]))?/u.exec(text.slice(cursor, cursor + 20));
  if (!paragraph) {
    return {
      problem: {
        span: { start: at, end: Math.min(text.length, at + 3) },
        message: 'Efter »§« forventes et paragrafnummer',
        hint: 'Skriv fx »Barnets Lov § 32, stk. 1, nr. 2«.',
      },
    };
  }
  cursor += paragraph[0].length;
  const paragraphs = [joinParagraph(paragraph[1], paragraph[2])];
  // »§ 52.3.7« (URLs, statistics) and »§ 52, 3, 7« (old documents): stk. and nr. without their words.
  const shorthand = plural ? null : (DOTTED.exec(text.slice(cursor, cursor + 8)) ?? BARE.exec(text.slice(cursor, cursor + 14)));
  if (shorthand) {
    const stk = Number(shorthand[1]);
    const nr = shorthand[2] === undefined ? undefined : Number(shorthand[2]);
    return { parts: [{ paragraf: paragraphs[0] ?? '', stk, ...(nr !== undefined ? { nr } : {}) }], end: cursor + shorthand[0].length, shorthand: true };
  }
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
  const sentenceNumber = /^\s*(?:,\s*)?\d+\.\s*pkt\./u.exec(text.slice(cursor, cursor + 20));
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
      problem: {
        span: { start: start + head[0].length - word.length - 1, end: cursor },
        message: `Efter »${word}.« forventes et nummer`,
        hint: `Skriv fx »§ 32, stk. 1, nr. 2«.`,
      },
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
    law.names.map((name) => {
      const caseSensitive = /^[A-ZÆØÅ]{2,6}$/.test(name);
      const firstWord = name.split(' ')[0] ?? name;
      return {
        law: law.id,
        pattern: new RegExp(String.raw`(?<![\p{L}\d])${escapeRegExp(name)}s?(?![\p{L}\d])`, caseSensitive ? 'gu' : 'giu'),
        /** A cheap test first: most texts name one or two laws, and twelve Unicode regex scans per section add up. */
        mayOccurIn: caseSensitive
          ? (text: string, _lower: string) => text.includes(firstWord)
          : (_text: string, lower: string) => lower.includes(firstWord.toLowerCase()),
      };
    }),
  ),
);

/** Every place a law is named; names that look like a law but are unknown get no id. */
function findLawMentions(text: string, laws: readonly LawName[]): LawMention[] {
  if (!text.includes('§') && !/\d/.test(text)) return []; // without a § or a number nothing is cited
  const found: LawMention[] = [];
  const lower = text.toLowerCase();
  for (const { law, pattern, mayOccurIn } of patternsOf(laws)) {
    if (!mayOccurIn(text, lower)) continue;
    for (const match of text.matchAll(pattern)) found.push({ start: match.index, end: match.index + match[0].length, law, text: match[0] });
  }
  for (const span of findLawLikeNames(text)) found.push({ ...span, text: text.slice(span.start, span.end) });
  found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start) || Number(b.law !== undefined) - Number(a.law !== undefined));
  const kept: LawMention[] = [];
  for (const mention of found) {
    const last = kept.at(-1);
    if (last && mention.start < last.end) continue;
    kept.push(mention);
  }
  return kept;
}

const LINK_BEFORE = /[\s,]*(?:jf\.?\s*)?/uy;

/**
 * Where the », jf.« after a law's name ends. No part of it can read a "§", so the text between the name and a "§"
 * is such a link exactly when this greedy match ends at that "§": one scan per name instead of one per "§".
 */
function reachOf(text: string, end: number): number {
  LINK_BEFORE.lastIndex = end;
  LINK_BEFORE.test(text);
  return LINK_BEFORE.lastIndex;
}

const WORD = /[\p{L}-]+/gu;
const LAW_ENDING = /lovens?$/iu;
const BEFORE_SIGN = / *§/y;
const LOV_OM = /(?<![\p{L}\d])lov om [\p{L}]+(?: [\p{L}]+){0,4}?(?= *§)/giu;

/**
 * Names before a "§" that look like a law: »barneloven §«, »Lov om social service §«, also unknown ones. The same
 * matches as /(?<![\p{L}\d])(?:[\p{L}-]+lovens?|lov om …)(?= *§)/giu, without its quadratic search: a name of the
 * first kind can only end where its word of letters and hyphens ends (a "§" or a space must follow), so each word is
 * read once, from its first possible start.
 */
function findLawLikeNames(text: string): Span[] {
  const words: Span[] = [];
  for (const match of text.matchAll(WORD)) {
    const end = match.index + match[0].length;
    const ending = LAW_ENDING.exec(match[0].slice(-6));
    if (!ending) continue;
    BEFORE_SIGN.lastIndex = end;
    if (!BEFORE_SIGN.test(text)) continue;
    // A name starts where no letter or digit is before it: at the word's start, or, after a digit, just after its first hyphen.
    const hyphen = match[0].indexOf('-');
    const start = !/\d/.test(text[match.index - 1] ?? '') ? match.index : hyphen === -1 ? end : match.index + hyphen + 1;
    if (start < end - ending[0].length) words.push({ start, end });
  }
  const phrases = [...text.matchAll(LOV_OM)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
  // As one left-to-right search for either kind: at the same start a word wins (the sort is stable), and no match starts inside the one before.
  const kept: Span[] = [];
  for (const span of [...words, ...phrases].sort((a, b) => a.start - b.start)) {
    if (span.start >= (kept.at(-1)?.end ?? 0)) kept.push(span);
  }
  return kept;
}

function mentionAfter(byStart: ReadonlyMap<number, LawMention>, text: string, end: number): LawMention | undefined {
  const link = /^\s*(?:,\s*)?(?:i|efter|jf\.?)\s+/u.exec(text.slice(end, end + 12));
  if (!link) return undefined;
  const mention = byStart.get(end + link[0].length);
  // »§ 32, jf. folkeskoleloven § 12«: a name right before a "§" is that citation's law, not this one's.
  if (mention && /^\s*§/u.test(text.slice(mention.end, mention.end + 3))) return undefined;
  return mention;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
