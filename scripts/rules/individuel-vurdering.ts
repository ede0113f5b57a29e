import type { PolicyDocument } from '../model/document.js';
import type { IndividuelVurderingOptions } from '../model/generated-types.js';
import { memoizeByObject } from '../memoize.js';
import { normalizedOf, sourceRange, type NormalizedText } from '../text/normalize.js';
import { proseFieldsOf } from '../text/prose.js';
import { sentencesOf, type Span } from '../text/sentences.js';
import { locate } from '../validate/locate.js';
import { patternListOption, type OptionsSchema, type Rule, type RuleReport } from './rule.js';

/** Sentences (lower case, normalised) that state the assessment: always + individual + assessment, or the statute's own words. */
const DEFAULT_PHRASES = [
  String.raw`^(?=.*\b(?:altid|i alle sager|i hver enkelt sag|i hvert enkelt tilfælde)\b)(?=.*\bindividuel)(?=.*\bvurder)`,
  String.raw`\b(?:efter|på baggrund af|ud fra|på grundlag af) en konkret,? (?:og )?individuel vurdering\b`,
];

/** Wording in the same sentence that negates or weakens the statement, so it does not count. */
const DEFAULT_NEGATIONS = [
  String.raw`\bikke (?:altid|nødvendigvis)\b`,
  String.raw`\b(?:ikke|ingen|aldrig)(?: [^ ]+){0,3} (?:konkret|individuel)`,
  String.raw`\bkun(?: [^ ]+){0,2} (?:særlige|visse|enkelte|udvalgte) (?:tilfælde|sager)\b`,
  String.raw`\b(?:undtagelsesvis|som regel|så vidt muligt|i (?:nogle|visse|enkelte) tilfælde|når det er muligt|hvis der er tid)\b`,
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
      reports.push(...negated.map(({ normalized, sentence }) => negatedReport(document, normalized, sentence)));
      if (!stated) reports.push(missingReport(document, isFrame));
    }
    return reports;
  },
};

/** Where a document states the assessment, and which sentences negate or weaken it. */
export function findStatements(
  document: PolicyDocument,
  options: Pick<Required<IndividuelVurderingOptions>, 'phrases' | 'negations'> = individuelVurdering.defaultOptions,
): { stated: boolean; statedIn: string[]; negated: { normalized: NormalizedText; sentence: Span }[] } {
  const phrases = compiledPhrases(options.phrases);
  const negations = compiledNegations(options.negations);
  const statedIn: string[] = [];
  const negated: { normalized: NormalizedText; sentence: Span }[] = [];
  for (const field of proseFieldsOf(document)) {
    if (!field.isSection || field.field === 'lovhjemmel') continue;
    const normalized = normalizedOf(field);
    for (const sentence of sentencesOf(normalized)) {
      const text = normalized.lower.slice(sentence.start, sentence.end);
      if (!phrases.some((phrase) => phrase.test(text))) continue;
      if (negations.some((negation) => negation.test(text))) negated.push({ normalized, sentence });
      else if (!statedIn.includes(field.field)) statedIn.push(field.field);
    }
  }
  return { stated: statedIn.length > 0, statedIn, negated };
}

/** The patterns of each options list, compiled once per check rather than once per document, with the flags their schema gives. */
const compiledPhrases = memoizeByObject((sources: readonly string[]) =>
  sources.map((source) => new RegExp(source, OPTIONS_SCHEMA.properties.phrases['x-regex-flags'])),
);
const compiledNegations = memoizeByObject((sources: readonly string[]) =>
  sources.map((source) => new RegExp(source, OPTIONS_SCHEMA.properties.negations['x-regex-flags'])),
);

function negatedReport(document: PolicyDocument, normalized: NormalizedText, sentence: Span): RuleReport {
  const quoted = normalized.text.slice(sentence.start, sentence.end);
  return {
    document,
    range: sourceRange(normalized, sentence.start, sentence.end),
    message: `Udsagnet om individuel vurdering er nægtet eller svækket og tæller ikke: »${quoted.length > 80 ? `${quoted.slice(0, 77)}…` : quoted}«`,
    hint: `Loven kræver altid en konkret og individuel vurdering (Barnets Lov § 1, stk. 3). Skriv fx ${STATEMENT}`,
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
