import type { PolicyDocument } from '../model/document.js';
import type { IndividuelVurderingOptions } from '../model/generated-types.js';
import { memoizeByObject } from '../memoize.js';
import { normalizedOf, sourceRange, type NormalizedText } from '../text/normalize.js';
import { proseFieldsOf } from '../text/prose.js';
import { splitClauses, type Piece, type Token } from '../text/clauses.js';
import { sentencesOf, type Span } from '../text/sentences.js';
import { locate } from '../validate/locate.js';
import { patternListOption, type OptionsSchema, type Rule, type RuleReport } from './rule.js';

/**
 * Sentences (lower case, normalised) that speak of an individual assessment at all; which of them state it is
 * decided by reading the clause (see findStatements). Two lookaheads, each one scan of the sentence.
 */
const DEFAULT_PHRASES = [String.raw`^(?=.*\bindividuel)(?=.*(?:vurder|skøn))`];

/**
 * Wording that negates or weakens the statement wherever it stands in the clause that governs it (not in a
 * clause beside it or said of something else). A match with a negation word is »nægtet«, any other »svækket«.
 */
const DEFAULT_NEGATIONS = [
  String.raw`\b(?:ikke|ingen|intet|aldrig|hverken)\b`,
  String.raw`\b(?:som (?:hoved)?regel|som udgangspunkt|i (?:de fleste|mange|nogle|visse|enkelte|særlige) (?:tilfælde|sager))\b`,
  String.raw`\b(?:normalt|sædvanligvis|typisk|oftest|ofte|undtagelsesvis|eventuelt|evt|måske|muligvis)\b`,
  String.raw`\b(?:så vidt (?:det er )?muligt|når det er muligt|hvis der er tid|i princippet|tilstræbes|tilstræber|bestræber|forsøger)\b`,
];

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »individuel-vurdering«.',
  properties: {
    scope: {
      enum: ['measure', 'frame'],
      description: '»measure« (standard): rammen og hver foranstaltning skal have udsagnet. »frame«: kun rammen (serviceniveau.md).',
    },
    phrases: patternListOption('u', 'Regulære udtryk (på en sætning med små bogstaver), der hver godkendes som udsagnet. Erstatter standardudtrykkene.'),
    negations: patternListOption('u', 'Regulære udtryk, der gør udsagnet nægtet eller svækket, når de står i samme sætning. Erstatter standardudtrykkene.'),
  },
} as const satisfies OptionsSchema;

const STATEMENT = '»Der foretages altid en konkret og individuel vurdering af barnets eller den unges behov.«';

export const individuelVurdering: Rule<Required<IndividuelVurderingOptions>, 'individuel-vurdering'> = {
  id: 'individuel-vurdering',
  description: 'Rammen og hver foranstaltning siger, at der altid foretages en konkret og individuel vurdering af barnets eller den unges behov.',
  defaultSeverity: 'error',
  defaultOptions: { scope: 'measure', phrases: DEFAULT_PHRASES, negations: DEFAULT_NEGATIONS },
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents, options }) {
    const reports: RuleReport[] = [];
    for (const document of documents) {
      const isFrame = document.kind === 'serviceniveau';
      if (!isFrame && (document.kind !== 'foranstaltning' || options.scope === 'frame')) continue;
      const { stated, negated } = findStatements(document, options);
      reports.push(...negated.map((miss) => negatedReport(document, miss)));
      if (!stated) reports.push(missingReport(document, isFrame));
    }
    return reports;
  },
};

/** Why a sentence about the assessment does not count as the statement. */
export type MissReason = 'negated' | 'weakened' | 'conditional' | 'other-subject';

/** A sentence that speaks of the assessment but negates, weakens or conditions it, or assesses something else; `cue` is the wording that does it. */
export interface Miss {
  normalized: NormalizedText;
  sentence: Span;
  reason: MissReason;
  cue: string;
}

/** Where a document states the assessment, and which sentences negate, weaken or condition it, or assess something else. */
export function findStatements(
  document: PolicyDocument,
  options: Pick<Required<IndividuelVurderingOptions>, 'phrases' | 'negations'> = individuelVurdering.defaultOptions,
): { stated: boolean; statedIn: string[]; negated: Miss[] } {
  const phrases = compiledPhrases(options.phrases);
  const negations = compiledNegations(options.negations);
  const statedIn: string[] = [];
  const negated: Miss[] = [];
  for (const field of proseFieldsOf(document)) {
    if (!field.isSection || field.field === 'lovhjemmel') continue;
    const normalized = normalizedOf(field);
    for (const sentence of sentencesOf(normalized)) {
      const text = normalized.lower.slice(sentence.start, sentence.end);
      const anchor = firstMatch(phrases, text);
      if (anchor === undefined) continue;
      const reading = readStatement(text, anchor, negations);
      if (reading.kind === 'stated') {
        if (!statedIn.includes(field.field)) statedIn.push(field.field);
      } else if (reading.kind === 'miss') {
        negated.push({
          normalized,
          sentence,
          reason: reading.reason,
          cue: normalized.text.slice(sentence.start + reading.cue.start, sentence.start + reading.cue.end),
        });
      }
    }
  }
  return { stated: statedIn.length > 0, statedIn, negated };
}

/** The patterns of each options list, compiled once per check rather than once per document, with the flags their schema gives. */
const compiledPhrases = memoizeByObject((sources: readonly string[]) =>
  sources.map((source) => new RegExp(source, OPTIONS_SCHEMA.properties.phrases['x-regex-flags'])),
);
// Global, to find every place a negation stands and keep those in the governing clause.
const compiledNegations = memoizeByObject((sources: readonly string[]) =>
  sources.map((source) => new RegExp(source, `${OPTIONS_SCHEMA.properties.negations['x-regex-flags']}g`)),
);

function firstMatch(patterns: readonly RegExp[], text: string): number | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (match) return match.index;
  }
  return undefined;
}

type Reading = { kind: 'stated' } | { kind: 'neutral' } | { kind: 'miss'; reason: MissReason; cue: Span };

/** The assessment itself: »vurdering«, »helhedsvurdering«, »skøn«, »vurderes«, »vurderer«. */
const ASSESSMENT = /^(?:\p{L}*vurdering(?:en|er|erne)?|skøn(?:net)?|vurder(?:e|es|er|et|ede)|skønnes|behandles)$/u;
/** »individuel«, »individuelt«, »individuelle«, alone or in a compound (»individuelt tilrettelagt«). */
const INDIVIDUAL = /^individuel/;
/** Words that say it holds in every case: »altid«, »alle afgørelser«, »i hver enkelt sag«. */
const UNIVERSAL = /^(?:altid|alle|hver|hvert|enhver|ethvert|samtlige|undtagelse)$/;
/** Verbs that make or rest on the assessment: the clause commits to it. */
const COMMITS = /^(?:foretag\p{L}*|lav(?:e|es|er)|sk(?:e|er)|gennemfør\p{L}*|træff\p{L}*|bero\p{L}*|bygge[rs]?|hviler|baseres|afgøres)$/u;
/** What the assessment is the ground of: »efter«, »ud fra«, »på baggrund af«, »på grundlag af«, »med udgangspunkt i«. */
const BASIS = /^(?:efter|fra|af|i)$/;
const BASIS_BEFORE = /^(?:efter|ud|baggrund|grundlag|udgangspunkt)$/;
const MODAL = /^(?:kan|kunne|bør|burde)$/;
const NEGATION_CUE = /\b(?:ikke|ingen|intet|aldrig|hverken)\b/u;
/** What the assessment is of when it is not the child's, young person's or family's need. */
const OTHER_SUBJECT =
  /^(?:økonomi\p{L}*|indkomst\p{L}*|indtægt\p{L}*|formue\p{L}*|gæld\p{L}*|bolig\p{L}*|løn(?:nen|ninger)?|transport\p{L}*|kørsel\p{L}*|befordring\p{L}*|pris\p{L}*|takst\p{L}*|leverandør\p{L}*|personale\p{L}*)$/u;
const NEED =
  /^(?:\p{L}*behov\p{L}*|forhold(?:ene)?|forudsætning\p{L}*|situation\p{L}*|ressourcer\p{L}*|trivsel|udvikling\p{L}*|funktionsevne\p{L}*|ønsker?|sag(?:en|er|erne)?|ansøgning\p{L}*)$/u;
/** A condition that every case meets (»når du søger«, »når vi behandler sagen«) is not a restriction. */
const EVERY_CASE = /^(?:ansøg\p{L}*|søger|søges|søgt|henvend\p{L}*|anmod\p{L}*|behandl\p{L}*|modtag\p{L}*|visiter\p{L}*|træffer|træffes|afgørelse)$/u;
/** Keyword pieces read per sentence; the walk back over a clause is bounded by this, so pasted lists stay linear. */
const MAX_KEYWORDS = 3;

/**
 * Reads one sentence that speaks of the assessment. It is the statement when, in the clause that governs it,
 * nothing negates or weakens it, no condition or exception restricts it, it assesses the child's, young person's
 * or family's need, and the clause commits to it (»altid«, »alle«, »hver«, a verb that makes or rests on it,
 * »efter/ud fra en … vurdering«). »Efter en individuel vurdering kan familien få flere timer« speaks of the room
 * to deviate: neither the statement nor a fault.
 */
function readStatement(text: string, anchor: number, negations: readonly RegExp[]): Reading {
  const pieces = splitClauses(text);
  const hits: Span[] = [];
  for (const negation of negations) {
    negation.lastIndex = 0;
    for (const match of text.matchAll(negation)) if (match[0].length > 0) hits.push({ start: match.index, end: match.index + match[0].length });
  }
  const keywords = keywordsOf(pieces);
  if (keywords.length === 0) {
    const index = pieces.findIndex((piece) => piece.end > anchor);
    if (index === -1) return { kind: 'neutral' };
    keywords.push({ piece: index, token: 0, isVerb: false });
  }
  let first: Reading = { kind: 'neutral' };
  for (const keyword of keywords) {
    const reading = readKeyword(text, pieces, keyword, hits);
    if (reading.kind === 'stated') return reading;
    if (first.kind === 'neutral') first = reading;
  }
  return first;
}

interface Keyword {
  piece: number;
  token: number;
  isVerb: boolean;
}

/** The first assessment word of each piece that also says »individuel«, up to MAX_KEYWORDS. */
function keywordsOf(pieces: readonly Piece[]): Keyword[] {
  const keywords: Keyword[] = [];
  for (let index = 0; index < pieces.length && keywords.length < MAX_KEYWORDS; index++) {
    const tokens = (pieces[index] as Piece).tokens;
    if (!tokens.some((token) => INDIVIDUAL.test(token.text))) continue;
    const token = tokens.findIndex((candidate) => ASSESSMENT.test(candidate.text));
    if (token !== -1) keywords.push({ piece: index, token, isVerb: !/vurdering|skøn/.test(tokens[token]?.text ?? '') });
  }
  return keywords;
}

function readKeyword(text: string, pieces: readonly Piece[], keyword: Keyword, hits: readonly Span[]): Reading {
  const home = pieces[keyword.piece] as Piece;
  const { clause, governing, modifiers } = scopeOf(pieces, keyword.piece);
  const clauseTokens = clause.flatMap((piece) => piece.tokens);
  const basis = isBasis(home.tokens, keyword.token) && !clauseTokens.some((token) => COMMITS.test(token.text));
  // »Ingen afgørelse træffes uden en individuel vurdering«: the negation and »uden« cancel out.
  const uden = home.tokens.slice(0, keyword.token).find((token) => token.text === 'uden');
  for (const hit of hits) {
    if (!governing.some((piece) => hit.start >= piece.start && hit.start < piece.end)) continue;
    const isNegation = NEGATION_CUE.test(text.slice(hit.start, hit.end));
    if (isNegation && uden && hit.start < uden.start) continue;
    if (isNegation) return { kind: 'miss', reason: 'negated', cue: hit };
    // In »Som udgangspunkt gives hjælpen efter en individuel vurdering« the hedge is about the help.
    if (basis) return { kind: 'neutral' };
    return { kind: 'miss', reason: 'weakened', cue: hit };
  }
  for (const piece of modifiers) {
    if (piece.tokens.some((token) => EVERY_CASE.test(token.text))) continue;
    return { kind: 'miss', reason: 'conditional', cue: { start: piece.start, end: Math.min(piece.end, piece.start + 60) } };
  }
  const modal = clauseTokens.find((token) => MODAL.test(token.text));
  if (modal) return basis ? { kind: 'neutral' } : { kind: 'miss', reason: 'weakened', cue: modal };
  const other = otherSubject(pieces, keyword.piece);
  if (other) return { kind: 'miss', reason: 'other-subject', cue: other };
  const commits =
    uden !== undefined ||
    keyword.isVerb ||
    isBasis(home.tokens, keyword.token) ||
    clauseTokens.some((token) => COMMITS.test(token.text)) ||
    governing.some((piece) => piece.tokens.some((token) => UNIVERSAL.test(token.text)));
  return commits ? { kind: 'stated' } : { kind: 'neutral' };
}

/**
 * The pieces that govern a keyword's piece: its own clause (the piece and the main clause it continues), the clauses
 * it is said in (»Man kan ikke forvente, at …«), and an elliptic », ikke …« after it that names the statement; and
 * the conditions and exceptions of its main clause. Clauses beside it, relative clauses and asides are not read.
 */
function scopeOf(pieces: readonly Piece[], index: number): { clause: Piece[]; governing: Piece[]; modifiers: Piece[] } {
  const home = pieces[index] as Piece;
  const clause: Piece[] = [home];
  const governing: Piece[] = [home];
  const modifiers: Piece[] = [];
  const isClause = (piece: Piece): boolean => piece.kind === 'main' || piece.kind === 'coordinate' || piece.kind === 'complement';
  // Back: the main clause and the clauses that embed this one, in the same main-clause group.
  let embeddedIn = home.kind === 'complement' || !isClause(home);
  for (let back = index - 1; back >= 0; back--) {
    const piece = pieces[back] as Piece;
    if (piece.group !== home.group) break;
    if (piece.kind === 'condition' || piece.kind === 'exception') modifiers.push(piece);
    if (!isClause(piece)) continue;
    if (piece.kind === 'complement' && !embeddedIn) continue;
    governing.push(piece);
    if (!embeddedIn && home.kind === 'main') clause.push(piece);
    embeddedIn = piece.kind === 'complement';
  }
  // Forward: the rest of its main clause after an interruption, an elliptic »ikke …«, the conditions after it.
  for (let next = index + 1; next < pieces.length; next++) {
    const piece = pieces[next] as Piece;
    if (piece.group !== home.group) break;
    if (piece.kind === 'condition' || piece.kind === 'exception') modifiers.push(piece);
    else if (piece.kind === 'contrast' && piece.tokens.some((token) => /^(?:konkret|individuel|altid|vurder)/.test(token.text))) governing.push(piece);
    else if (piece.kind === 'main' && home.kind === 'main') {
      clause.push(piece);
      governing.push(piece);
    }
  }
  return { clause, governing, modifiers };
}

/** »efter/ud fra/på baggrund af/på grundlag af/med udgangspunkt i (en konkret og) individuel vurdering«. */
function isBasis(tokens: readonly Token[], keyword: number): boolean {
  for (let back = keyword - 1; back >= Math.max(0, keyword - 6); back--) {
    const word = tokens[back]?.text ?? '';
    if (!BASIS.test(word)) continue;
    if (word === 'efter' || BASIS_BEFORE.test(tokens[back - 1]?.text ?? '')) return true;
  }
  return false;
}

/** The words that say the assessment is of something else than the need (»familiens økonomi«), or undefined. */
function otherSubject(pieces: readonly Piece[], index: number): Span | undefined {
  const home = pieces[index] as Piece;
  // »en individuel vurdering af, om …« goes on in the next piece.
  const tokens = home.tokens.at(-1)?.text === 'af' ? [...home.tokens, ...(pieces[index + 1]?.tokens ?? [])] : home.tokens;
  let other: Token | undefined;
  let need = false;
  for (let at = 0; at < tokens.length; at++) {
    const word = (tokens[at] as Token).text;
    if (OTHER_SUBJECT.test(word)) other ??= tokens[at];
    // »de økonomiske forhold« are the economy, not the family's circumstances.
    else if (NEED.test(word) && !OTHER_SUBJECT.test(tokens[at - 1]?.text ?? '')) need = true;
  }
  if (!other || need) return undefined;
  // Quote the owner with it: »familiens økonomi«, »de økonomiske forhold«.
  const at = tokens.indexOf(other);
  const before = tokens[at - 1];
  const after = tokens[at + 1];
  const start = before && before.text !== 'af' && /^\p{L}/u.test(before.text) ? before.start : other.start;
  const end = after && NEED.test(after.text) ? after.end : other.end;
  return { start, end };
}

const REASON_WORDS: Record<MissReason, string> = {
  negated: 'er nægtet',
  weakened: 'er svækket',
  conditional: 'er gjort betinget',
  'other-subject': 'handler om noget andet end barnets behov',
};

const REASON_HINTS: Record<MissReason, string> = {
  negated: 'Udsagnet må ikke nægtes, heller ikke i den sætning, det står i.',
  weakened: 'Udsagnet skal gælde uden forbehold som »som hovedregel«, »normalt« eller »kan«.',
  conditional: 'Udsagnet skal gælde i alle sager, ikke kun i nogle.',
  'other-subject': 'Vurderingen skal være af barnets eller den unges og familiens behov, forhold og forudsætninger.',
};

function negatedReport(document: PolicyDocument, miss: Miss): RuleReport {
  const { normalized, sentence, reason, cue } = miss;
  const quoted = normalized.text.slice(sentence.start, sentence.end);
  return {
    document,
    range: sourceRange(normalized, sentence.start, sentence.end),
    message: `Udsagnet om individuel vurdering ${REASON_WORDS[reason]} (»${cue}«) og tæller ikke: »${quoted.length > 80 ? `${quoted.slice(0, 77)}…` : quoted}«`,
    hint: `${REASON_HINTS[reason]} Loven kræver altid en konkret og individuel vurdering (Barnets Lov § 1, stk. 3). Skriv fx ${STATEMENT}`,
  };
}

function missingReport(document: PolicyDocument, isFrame: boolean): RuleReport {
  return {
    document,
    range: locate(document, '/maalgruppe', { key: true, insertion: false }),
    message: `${isFrame ? 'Rammen' : 'Foranstaltningen'} siger ikke, at der altid foretages en konkret og individuel vurdering af barnets eller den unges behov`,
    hint: `Skriv fx under »${isFrame ? 'Målgruppe' : 'Målgruppe og tildelingskriterier'}«: ${STATEMENT} (Barnets Lov § 1, stk. 3)`,
  };
}
