import type { PolicyDocument } from '../model/document.js';
import { citationsOf } from '../law/parse-citations.js';
import { entriesFor, lawNamesOf } from '../law/register.js';
import type { Lovregister, SkoenUnderRegelOptions } from '../model/generated-types.js';
import { normalizedOf, sourceRange, type NormalizedText } from '../text/normalize.js';
import { proseFieldsOf } from '../text/prose.js';
import { sentencesOf, type Span } from '../text/sentences.js';
import { patternListOption, type OptionsSchema, type Rule, type RuleReport } from './rule.js';

/** One kind of absolute wording and how to write it as a starting point instead. */
interface Absolute {
  pattern: RegExp;
  /** The qualified wording for a match (lower case), e.g. »højst 10 timer« → »som udgangspunkt højst 10 timer«. */
  qualify: (match: string) => string;
  /** A cap such as »højst 10 timer«: in a sentence about who may grant it, it is a delegation threshold, not a cap. */
  isCap?: boolean;
  /** Reported only when the sentence also matches this (»kun hvis« only where something is granted). */
  context?: RegExp;
  /** Reported only when no other absolute stands in the same clause (»ud over serviceniveauet« after »bevilges ikke«). */
  isFallback?: boolean;
}

// Every pattern is matched on the lower-cased, normalised sentence (single spaces). `\p{L}` instead
// of `\b`, which does not know æ, ø and å. No quantifier is nested inside another, so none can backtrack badly.
const B = String.raw`(?<![\p{L}\p{N}])`;
const E = String.raw`(?![\p{L}\p{N}])`;
const GRANTED = 'bevilges|gives|ydes|tildeles|tilbydes|udbetales|visiteres';
const GRANTS = 'bevilger|tildeler|yder|visiterer|udbetaler';
/** »gives ikke kun«, »ydes ikke mindst«, »gives ikke automatisk« … leave the discretion open. */
const HARMLESS_AFTER_IKKE = String.raw`(?! (?:kun|blot|bare|alene|mindst|nødvendigvis|altid|automatisk)${E})`;
/** »behovet kan ikke dækkes af et almindeligt dagtilbud« is a criterion, not an exclusion. */
const COVERED_BY = String.raw`(?! (?:af|gennem|ved|med|i|inden)${E})`;
const NUMBER = String.raw`(?:\d+(?:[.,]\d+)*½?(?: ?- ?\d+(?:[.,]\d+)*½?)?|halvanden|en|én|et|ét|to|tre|fire|fem|seks|syv|otte|ni|ti|elleve|tolv|femten|tyve)${E}(?: halvt?${E})?`;
const UNIT = String.raw`(?: (?:(?:timer?|dage?|døgn|uger?|måned(?:er)?|år|gange?|samtaler?|sessioner?|besøg|weekend(?:er)?|nætter|minutter|kroner|procent)s?${E}|(?:kr|pct)(?:\.|${E})))?`;
const AMOUNT = `${NUMBER}${UNIT}`;
/** A unit is required after »op til«, and »år« is an age after a group (»børn op til 6 år«), not a duration. */
const UNIT_REQUIRED = String.raw` (?:(?:timer?|dage?|døgn|uger?|måned(?:er)?|gange?|samtaler?|sessioner?|besøg|weekend(?:er)?|nætter|minutter|kroner|procent)s?${E}|(?:kr|pct)(?:\.|${E})|år(?! gamle${E}))`;
const AGE_GROUP = String.raw`(?<!(?:børn|unge|barn|barnet|alder|alderen|årige|0|\d år)(?: og unge)? )`;
/** The group words an exclusion names: »er ikke for børn med …«, »gælder ikke for unge over 18 år«. */
const GROUP = String.raw`(?:børn|barnet|barn|unge|den unge|familier|familien|forældre|forældrene|søskende|piger|drenge)${E}`;
/** Where something is granted or received: the context that makes »kun hvis« or »aldrig« a limit on support. */
const ENTITLEMENT = new RegExp(
  String.raw`${B}(?:bevilg\p{L}*|gives|ydes|tildel\p{L}*|tilbyd\p{L}*|udbetal\p{L}*|visiter\p{L}*|dækk\p{L}*|få|får|modtage|modtager|støtte[nr]?|hjælp(?:en)?|aflastning\p{L}*|ydelse[nr]?|timer|døgn|bevilling\p{L}*)${E}`,
  'u',
);
/** A refusal around »ud over serviceniveauet«: the sentence says no, or sends the bill to the family. */
const REFUSAL = new RegExp(String.raw`${B}(?:ikke|ingen|aldrig|egen regning|selv betale|selv afholde)${E}`, 'u');

const beforeFirstIkke = (match: string): string => match.replace(/ikke/u, 'som udgangspunkt ikke');
const prefixed = (match: string): string => `som udgangspunkt ${match}`;

/** The absolute wording that would fetter the caseworker's discretion (legal.md c, »Wording patterns«). */
const ABSOLUTES: Absolute[] = [
  // »Der gives ikke støtte til …«, »Vi bevilger ikke …«
  { pattern: new RegExp(String.raw`${B}(?:(?:${GRANTED})|(?:${GRANTS})(?: (?:vi|kommunen))?) ikke${E}${HARMLESS_AFTER_IKKE}`, 'gu'), qualify: beforeFirstIkke },
  { pattern: new RegExp(String.raw`${B}dækkes ikke${E}${HARMLESS_AFTER_IKKE}${COVERED_BY}`, 'gu'), qualify: beforeFirstIkke },
  // »kan ikke bevilges«, »kan der ikke gives«, »må ikke tildeles«, »kan ikke få«
  { pattern: new RegExp(String.raw`${B}(?:kan|må)(?: der)? ikke (?:${GRANTED}|få|modtage)${E}${HARMLESS_AFTER_IKKE}`, 'gu'), qualify: beforeFirstIkke },
  { pattern: new RegExp(String.raw`${B}(?:kan|må)(?: der)? ikke dækkes${E}${COVERED_BY}`, 'gu'), qualify: beforeFirstIkke },
  // »aldrig«, but not »aldrig alene« or »unge, der aldrig har været anbragt«
  // in a sentence about support: »Barnet må aldrig stå uden en voksen« in Formål is a goal, not a limit
  {
    pattern: new RegExp(String.raw`${B}aldrig${E}(?! (?:alene|har|havde|før|tidligere)${E})`, 'gu'),
    qualify: () => 'som udgangspunkt ikke',
    context: ENTITLEMENT,
  },
  // »højst 10 timer«, »maks. 3 døgn«, »maksimalt i 6 måneder«; »højst sandsynligt« has no number
  { pattern: new RegExp(String.raw`${B}(?:højst|maksimalt|maksimum|maks\.?|max\.?) (?:(?:i|for|på) )?${AMOUNT}`, 'gu'), qualify: prefixed, isCap: true },
  { pattern: new RegExp(String.raw`${B}ikke (?:(?:mere|flere|længere) end|ud over) ${AMOUNT}`, 'gu'), qualify: prefixed, isCap: true },
  { pattern: new RegExp(String.raw`${B}(?:må|kan) ikke overstige(?: ${AMOUNT})?`, 'gu'), qualify: beforeFirstIkke, isCap: true },
  // »gives kun til …«, »er kun for …«, but not »gives ikke kun til …« or »kan ikke gives kun til …«
  {
    pattern: new RegExp(String.raw`${B}(?<!ikke )(?:(?:${GRANTED})|(?:${GRANTS})(?: (?:vi|kommunen))?) (?:kun|udelukkende)${E}`, 'gu'),
    qualify: (match) => match.replace(/(kun|udelukkende)$/u, 'som udgangspunkt $1'),
  },
  { pattern: new RegExp(String.raw`${B}(?<!ikke (?:(?:${GRANTED}) )?)(?:kun|udelukkende) (?:til|for)${E}`, 'gu'), qualify: prefixed },
  // »er udelukket«, »udelukkes«, but not »udelukkende« or »det kan ikke udelukkes«
  { pattern: new RegExp(String.raw`${B}(?<!ikke )udelukke[rst]${E}`, 'gu'), qualify: prefixed },
  { pattern: new RegExp(String.raw`${B}(?:under ingen omstændigheder|i (?:intet|ingen) tilfælde)${E}`, 'gu'), qualify: () => 'som udgangspunkt ikke' },
  { pattern: new RegExp(String.raw`${B}(?:uden undtagelse|ingen undtagelser)${E}`, 'gu'), qualify: () => 'som udgangspunkt' },
  // Exclusions of a group, a diagnosis or an age: »Børn med ADHD er ikke omfattet«, »omfattes ikke«, but not
  // a relative clause (»opgaver, der ikke er omfattet af bevillingen«) or a fee (»er ikke omfattet af egenbetaling«)
  {
    pattern: new RegExp(String.raw`${B}(?:(?:er|bliver) ikke omfattet|omfattes ikke)${E}(?! af (?:bruger|egen)?betaling${E})`, 'gu'),
    qualify: beforeFirstIkke,
  },
  {
    pattern: new RegExp(String.raw`${B}(?:målgruppen|ordningen|tilbuddet|ydelsen|støtten|bevillingen) omfatter ikke${E}${HARMLESS_AFTER_IKKE}`, 'gu'),
    qualify: beforeFirstIkke,
  },
  // »Følgende er ikke omfattet:« is matched above; »Ikke omfattet:« and »Undtaget er:« lead in a list of excluded groups
  { pattern: new RegExp(String.raw`${B}(?<!(?:er|der|som) )(?:ikke omfattet|undtaget)(?: er)?(?=:)`, 'gu'), qualify: prefixed },
  // »gælder ikke for børn, der …«, »Ordningen gælder dog ikke for:« before a list; not »er ikke til hinder for«
  { pattern: new RegExp(String.raw`${B}(?:er|gælder)(?: dog)? ikke (?:for|til)(?: ${GROUP}|(?=:))`, 'gu'), qualify: beforeFirstIkke },
  // »Tilbuddet er forbeholdt børn med …«; »kommunen forbeholder sig« is another verb
  {
    pattern: new RegExp(String.raw`${B}(?:er|bliver|være) forbeholdt${E}`, 'gu'),
    qualify: (match) => match.replace(/forbeholdt$/u, 'som udgangspunkt forbeholdt'),
  },
  // »kun hvis«, »kun, når«, »udelukkende såfremt«, where something is granted; not »ikke kun, hvis«
  {
    pattern: new RegExp(String.raw`${B}(?<!ikke )(?:kun|udelukkende),? (?:hvis|når|såfremt)${E}`, 'gu'),
    qualify: prefixed,
    context: ENTITLEMENT,
  },
  // »Det er ikke muligt at få aflastning i weekender«, »Der er ikke mulighed for at modtage …«
  {
    pattern: new RegExp(String.raw`${B}er ikke (?:muligt?|mulighed for) at (?:få|modtage|bevilge|give|yde|tildele)${E}`, 'gu'),
    qualify: beforeFirstIkke,
  },
  // »Hjælp ud over serviceniveauet er ikke mulig«, »… sker for egen regning«
  {
    pattern: new RegExp(String.raw`${B}(?:ud over|udover|mere end) (?:det (?:fastsatte|vedtagne|beskrevne) |kommunens )?serviceniveau(?:et)?${E}`, 'gu'),
    qualify: prefixed,
    context: REFUSAL,
    isFallback: true,
  },
  // A bare cap, »op til 10 timer«, »indtil 37 timer«; not an age range (»børn op til 6 år«)
  { pattern: new RegExp(String.raw`${B}${AGE_GROUP}(?:op til|indtil) ${NUMBER}${UNIT_REQUIRED}`, 'gu'), qualify: prefixed, isCap: true },
];

/** Wording that makes a limit a starting point, when it stands in the same sentence. */
const QUALIFIERS: RegExp[] = [
  String.raw`${B}udgangspunkt`,
  String.raw`${B}(?:typisk|normalt|sædvanligvis|almindeligvis|vejledende)${E}`,
  String.raw`${B}(?:hovedregel(?:en)?|som regel|i reglen)${E}`,
].map((source) => new RegExp(source, 'u'));

/**
 * Qualifiers that open an exception: they cover their own clause and the clauses before them in the sentence
 * (»Der gives ikke X, men i særlige tilfælde kan …«), where »typisk« covers its own clause only.
 */
const EXCEPTIONS: RegExp[] = [
  String.raw`${B}(?:undtagelsesvis|medmindre)${E}`,
  String.raw`${B}(?:konkret|individuel)\p{L}{0,2}(?:(?: og|,) (?:konkret|individuel)\p{L}{0,2})? (?:behovs)?(?:vurdering|skøn)`,
  String.raw`${B}vurderes (?:altid )?(?:konkret|individuelt)${E}`,
  String.raw`${B}i (?:ganske )?særlige tilfælde${E}`,
  String.raw`${B}(?:hvis|når) (?:der er )?særlige (?:forhold|omstændigheder|grunde)${E}`,
  String.raw`${B}kan fraviges${E}`,
].map((source) => new RegExp(source, 'u'));

/** Where one clause ends and the next begins: »;«, », men«, », dog«. A qualifier before it does not reach past it. */
const CLAUSE_BREAK = /;|,? men(?![\p{L}\p{N}])|, dog(?![\p{L}\p{N}])/gu;

/** A sentence about how the provider works (»Leverandøren sender højst 4 rapporter«) sets a duty, not a limit on support. */
const PROVIDER_DUTY = new RegExp(
  String.raw`^(?:leverandøren|udføreren|medarbejder(?:en|ne)|konsulent(?:en|erne)|personalet|kontaktpersonen|ledsageren|familiebehandler(?:en|ne)|pædagog(?:en|erne)|plejefamilien|aflastningsfamilien)${E}`,
  'u',
);

/** A sentence that says the law sets the limit (»Du kan efter lovgivningen ikke få …«) quotes the law, not the kommune. */
const LAW_SAYS = new RegExp(String.raw`${B}(?:efter|ifølge|i henhold til|jf\.) (?:loven|lovgivningen|lovens regler)${E}`, 'u');

/** A cap in a sentence about the municipality's own deadlines (»svar inden for højst 4 uger«) is a promise, not a cap. */
const DEADLINE = new RegExp(String.raw`${B}(?:sagsbehandlingsti\p{L}*|svarfrist\p{L}*|frist(?:en)?|svar|besked|klage\p{L}*)${E}`, 'u');

/** Every built-in absolute holds one of these words; a sentence without any skips the patterns (most sentences). */
const ABSOLUTE_WORD = /ikke|aldrig|højst|maks|max|kun|udelukke|ingen|intet|undtag|forbeholdt|op til|indtil|serviceniveau/u;

/** A sentence about who may grant how much (»Sagsbehandleren kan selv bevilge højst 10 timer«) sets a competence, not a cap. */
const DELEGATION = new RegExp(String.raw`${B}(?:kompetence|bemyndig|delegation|delegere|selv (?:bevilge|give|tildele|træffe afgørelse))`, 'u');

/** Every prose section of a measure, in the schema's order: all but »lovhjemmel«, which lists citations. */
const PROSE_SECTIONS = ['formaal', 'indhold', 'maalgruppe', 'omfang', 'tildeling', 'levering', 'kvalitetskrav'] as const;

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »skoen-under-regel«.',
  properties: {
    sections: {
      type: 'array',
      items: { enum: PROSE_SECTIONS },
      description: 'De afsnit, reglen læser. Standard: alle afsnit med tekst undtagen »lovhjemmel«.',
    },
    absolutes: patternListOption('giu', 'Ekstra regulære udtryk (små bogstaver) for absolutte formuleringer.'),
    qualifiers: patternListOption('iu', 'Ekstra regulære udtryk (små bogstaver) for forbehold, der gør en grænse vejledende.'),
  },
} as const satisfies OptionsSchema;

export const skoenUnderRegel: Rule<Required<SkoenUnderRegelOptions>, 'skoen-under-regel'> = {
  id: 'skoen-under-regel',
  description: 'Ingen absolutte grænser, der sætter skønnet under regel, uden et forbehold som »som udgangspunkt« i samme sætning.',
  defaultSeverity: 'warning',
  defaultOptions: { sections: [...PROSE_SECTIONS], absolutes: [], qualifiers: [] },
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents, policy, options }) {
    const sections = new Set<string>(options.sections);
    const ownAbsolutes = options.absolutes.map((source): Absolute => ({
      pattern: new RegExp(source, OPTIONS_SCHEMA.properties.absolutes['x-regex-flags']),
      qualify: prefixed,
    }));
    const absolutes = [...ABSOLUTES, ...ownAbsolutes];
    const ownQualifiers = options.qualifiers.map((source) => new RegExp(source, OPTIONS_SCHEMA.properties.qualifiers['x-regex-flags']));
    const exceptions = [...EXCEPTIONS, ...ownQualifiers];
    const register = policy.register?.data;
    const reports: RuleReport[] = [];
    for (const document of documents) {
      if (document.kind !== 'foranstaltning') continue;
      let statutory: string[] | undefined; // read only for a sentence with an unqualified absolute: rarely
      for (const field of proseFieldsOf(document)) {
        if (!field.isSection || !sections.has(field.field)) continue;
        const normalized = normalizedOf(field);
        for (const sentence of sentencesOf(normalized)) {
          const text = normalized.lower.slice(sentence.start, sentence.end);
          if (ownAbsolutes.length === 0 && !ABSOLUTE_WORD.test(text)) continue;
          if (PROVIDER_DUTY.test(text) || LAW_SAYS.test(text)) continue;
          const found = unqualifiedAbsolutes(text, absolutes, exceptions);
          if (found.length === 0) continue;
          statutory ??= register ? statutoryLimitsOf(document, register) : [];
          if (statutory.some((limit) => containsWord(text, limit))) continue;
          for (const { span, absolute } of found) {
            reports.push(report(document, normalized, { start: sentence.start + span.start, end: sentence.start + span.end }, absolute));
          }
        }
      }
    }
    return reports;
  },
};

/**
 * The limits the law itself sets for the paragraphs this measure cites anywhere (`graenser` in the register,
 * e.g. »15 timer« for Barnets Lov § 89), in lower case. A measure under § 32 that caps at »15 timer« sets its own cap.
 */
function statutoryLimitsOf(document: PolicyDocument, register: Lovregister): string[] {
  const limits = new Set<string>();
  for (const field of proseFieldsOf(document)) {
    if (!field.isSection) continue;
    for (const citation of citationsOf(normalizedOf(field), lawNamesOf(register)).citations) {
      if (!citation.law) continue;
      for (const entry of entriesFor(register, citation)) {
        for (const limit of entry.graenser ?? []) if (limit.trim() !== '') limits.add(limit.trim().replace(/\s+/gu, ' ').toLocaleLowerCase('da'));
      }
    }
  }
  return [...limits];
}

/** Whether `text` holds `limit` starting at a word boundary (»15 timer« in »15 timers ledsagelse«, not in »115 timer«). */
function containsWord(text: string, limit: string): boolean {
  for (let index = text.indexOf(limit); index !== -1; index = text.indexOf(limit, index + 1)) {
    if (!/[\p{L}\p{N}]/u.test(text[index - 1] ?? '')) return true;
  }
  return false;
}

/**
 * The absolutes of one sentence that no qualifier covers. A qualifier covers its own clause (»Som udgangspunkt gives
 * op til 10 timer«); one that opens an exception also covers the clauses before it. So in »Aflastning gives typisk
 * hver anden weekend, men aldrig i skoleferierne«, »aldrig« stands unqualified in its own clause.
 */
function unqualifiedAbsolutes(text: string, absolutes: readonly Absolute[], exceptions: readonly RegExp[]): { span: Span; absolute: Absolute }[] {
  const clauses = clausesOf(text);
  const clauseTexts = clauses.map((clause) => text.slice(clause.start, clause.end));
  const qualified = clauseTexts.map((clause) => QUALIFIERS.some((qualifier) => qualifier.test(clause)));
  // An exception reaches back: every clause up to the last one that holds one is covered.
  let lastException = -1;
  clauseTexts.forEach((clause, index) => {
    if (exceptions.some((exception) => exception.test(clause))) lastException = index;
  });
  const delegates = DELEGATION.test(text);
  const deadline = DEADLINE.test(text);
  const found = absoluteMatches(text, absolutes).filter(
    ({ absolute }) => !(absolute.isCap && (delegates || deadline)) && (absolute.context?.test(text) ?? true),
  );
  // Matches are sorted by start, so one pass assigns each to its clause: linear, even with thousands of »men«.
  const clauseIndices: number[] = [];
  let clause = 0;
  for (const { span } of found) {
    while (clause < clauses.length - 1 && span.start >= (clauses[clause]?.end ?? 0)) clause++;
    clauseIndices.push(clause);
  }
  const withOther = new Set(clauseIndices.filter((_, index) => !found[index]?.absolute.isFallback));
  return found.filter(({ absolute }, index) => {
    const at = clauseIndices[index] ?? 0;
    return at > lastException && !qualified[at] && !(absolute.isFallback && withOther.has(at));
  });
}

/** The clauses of a sentence, split at »;«, »men« and », dog«; the break belongs to the clause it opens. */
function clausesOf(text: string): Span[] {
  const clauses: Span[] = [];
  let start = 0;
  for (const match of text.matchAll(CLAUSE_BREAK)) {
    if (match.index > start) clauses.push({ start, end: match.index });
    start = match.index;
  }
  clauses.push({ start, end: text.length });
  return clauses;
}

/** Every absolute phrase in a sentence, once: where two patterns overlap (»gives kun til«), the first and longest wins. */
function absoluteMatches(text: string, absolutes: readonly Absolute[]): { span: Span; absolute: Absolute }[] {
  const found: { span: Span; absolute: Absolute }[] = [];
  for (const absolute of absolutes) {
    for (const match of text.matchAll(absolute.pattern)) {
      if (match[0].length > 0) found.push({ span: { start: match.index, end: match.index + match[0].length }, absolute });
    }
  }
  found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  let end = -1;
  return found.filter(({ span }) => {
    if (span.start < end) return false;
    end = span.end;
    return true;
  });
}

function report(document: PolicyDocument, normalized: NormalizedText, span: Span, absolute: Absolute): RuleReport {
  const written = normalized.text.slice(span.start, span.end);
  const qualified = absolute.qualify(normalized.lower.slice(span.start, span.end));
  return {
    document,
    range: sourceRange(normalized, span.start, span.end),
    message: `Absolut formulering »${written}« kan sætte skønnet under regel`,
    hint: `Skriv fx »${qualified}« i stedet for »${written}«. Forbeholdet skal stå i samme sætning og samme led som grænsen (ikke adskilt af »men« eller »;«), så det er tydeligt, at der altid foretages en konkret og individuel vurdering.`,
  };
}
