import { isRecord, type OffsetRange, type PolicyDocument } from '../model/document.js';
import type { RammeEnhed, RammeOptions } from '../model/generated-types.js';
import { normalizedOf, sourceRange, type NormalizedText } from '../text/normalize.js';
import { proseFieldsOf } from '../text/prose.js';
import { sentencesOf, type Span } from '../text/sentences.js';
import { locate } from '../validate/locate.js';
import type { OptionsSchema, Rule, RuleReport } from './rule.js';

/** A scope the prose states in one of the frame's units: »2-5 timer om ugen«. */
interface ScopeStatement extends Span {
  unit: RammeEnhed;
  low: number;
  high: number;
}

/** A duration the prose states, in months: »i 6-12 måneder«, »op til 6 måneder«, »for 1 år ad gangen«. */
interface DurationStatement extends Span {
  low: number;
  high: number;
  upTo: boolean;
}

/** A follow-up the prose states in a sentence about follow-up: »efter 3 måneder« (first), »derefter hver 6. måned«, »hver 6. måned«. */
interface FollowUpStatement extends Span {
  kind: 'foerste' | 'derefter' | 'hver';
  months: number;
}

/** What the prose of »Omfang og varighed« states, in the forms the rule recognises. */
export interface FrameStatements {
  scopes: ScopeStatement[];
  durations: DurationStatement[];
  followUps: FollowUpStatement[];
}

/** The `ramme` block as far as it has the right types; a part the schema rejects is left out. */
interface Frame {
  omfang?: { enhed: RammeEnhed; fra: number; til: number };
  varighed?: { fra?: number; til?: number; maks?: number };
  opfoelgning?: { foerste?: number; derefter?: number };
}

const SECTION = '»Omfang og varighed«';
const HINT = 'Tallene i »ramme« er dem, opfølgningen på bevillingerne måler op imod; tekst og ramme skal sige det samme, så ret den ene af dem.';

const NUMBER_WORDS: Record<string, number> = {
  en: 1,
  et: 1,
  én: 1,
  ét: 1,
  to: 2,
  tre: 3,
  fire: 4,
  fem: 5,
  seks: 6,
  syv: 7,
  otte: 8,
  ni: 9,
  ti: 10,
  elleve: 11,
  tolv: 12,
  halvandet: 1.5,
};

/** »hver anden måned«, »hver tredje måned«. */
const ORDINAL_WORDS: Record<string, number> = { anden: 2, tredje: 3, fjerde: 4, femte: 5, sjette: 6, ottende: 8, tolvte: 12 };

// All patterns run on the normalised lower-case text, where every dash is »-« and every space one » «.
const NUMBER = String.raw`(?:\d{1,4}(?:,\d{1,2})?½?|½|${Object.keys(NUMBER_WORDS).join('|')})`;
/** »2-5«, »2 - 5«, »2 til 5«, »fra 2 til 5«, »mellem 2 og 5«, »op til 5«, »5«, not inside a word or a longer number. */
const RANGE = String.raw`(?<![\p{L}\p{N},.§-])(?:(?<upTo>op til|højst|maks(?:imalt|\.)?) )?(?:(?<between>fra|mellem) )?(?<low>${NUMBER})(?:(?<joint> ?- ?| til | og )(?<high>${NUMBER}))?`;
const WEEK = String.raw`(?:om ugen|pr\.? uge|per uge|i ugen|ugentligt?)`;
const MONTH = String.raw`(?:om måneden|pr\.? måned|per måned|i måneden|månedligt?)`;
const SCOPE_UNITS: readonly { unit: RammeEnhed; pattern: string }[] = [
  { unit: 'timer om ugen', pattern: String.raw`(?:timer|time|t\.) ${WEEK}` },
  { unit: 'timer om måneden', pattern: String.raw`(?:timer|time|t\.) ${MONTH}` },
  { unit: 'døgn om måneden', pattern: String.raw`døgn ${MONTH}` },
  { unit: 'sessioner om ugen', pattern: String.raw`(?:sessioner|session) ${WEEK}` },
  { unit: 'samtaler i alt', pattern: String.raw`(?:samtaler(?: i alt)?|samtale i alt)(?! (?:om|pr\.?|per|i) (?:ugen|uge|måneden|måned))` },
];
const SCOPE = new RegExp(String.raw`${RANGE} (?<unit>${SCOPE_UNITS.map((unit) => `(?:${unit.pattern})`).join('|')})(?![\p{L}])`, 'gu');
const SCOPE_UNIT_TESTS = SCOPE_UNITS.map(({ unit, pattern }) => ({ unit, test: new RegExp(`^(?:${pattern})$`, 'u') }));
const MONTHS = new RegExp(String.raw`${RANGE} (?:måneder|måned|mdr\.?)(?![\p{L}])`, 'gu');
const YEARS = new RegExp(String.raw`${RANGE} år(?![\p{L}])(?<perTime> ad gangen)?`, 'gu');
/** Before a number of years, the words that make it a duration; »fylder 18 år« and »under 18 år« are ages. */
const DURATION_BEFORE_YEARS = /(?:^|[^\p{L}])(?:i|for|typisk|normalt|udgangspunkt|varer|vare|bevilges|gives|efter)$/u;
/** »hver 6. måned«, »hver 3 måneder«, »hver måned«, »hvert kvartal«, »hvert halve år«, »hvert år«. */
const EVERY = new RegExp(
  String.raw`(?<![\p{L}])(?<then>(?:og )?(?:derefter|herefter|siden|så) )?(?:hver(?:t|e)? (?:(?<count>${NUMBER}|${Object.keys(ORDINAL_WORDS).join('|')})\.? (?<unit>måned|måneder|år)|(?<word>måned|kvartal|halvår|halve år|år)))(?![\p{L}])`,
  'gu',
);
/** Right before a number of months: a deadline, a phase or an interval, not a duration. */
const NOT_A_DURATION_BEFORE = /(?:^|[^\p{L}])(?:inden for|inden|senest|før|om|hver|hvert|derefter|de første|den første)(?: \p{L}+)? $/u;
/** A sentence about follow-up: »følges op«, »følger op«, »opfølgning«. */
const FOLLOW_UP_SENTENCE = /følg(?:e|er|es)? (?:\p{L}+ ){0,3}op|opfølg/u;
const EVERY_WORD_MONTHS: Record<string, number> = { måned: 1, kvartal: 3, halvår: 6, 'halve år': 6, år: 12 };

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »ramme«.',
  properties: {},
} as const satisfies OptionsSchema;

/** The numbers in a measure's `ramme` block and the prose of »Omfang og varighed« agree. */
export const ramme: Rule<RammeOptions, 'ramme'> = {
  id: 'ramme',
  description: 'Tallene i »ramme« står også i afsnittet »Omfang og varighed«, og teksten siger ikke noget andet.',
  defaultSeverity: 'error',
  defaultOptions: {},
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents }) {
    const reports: RuleReport[] = [];
    for (const document of documents) {
      if (document.kind !== 'foranstaltning' || !isRecord(document.data)) continue;
      const frame = frameOf(document.data['ramme']);
      if (!frame) continue;
      const field = proseFieldsOf(document).find((candidate) => candidate.pointer === '/omfang');
      if (!field) continue; // the schema reports a missing section
      const normalized = normalizedOf(field);
      const statements = readFrameStatements(normalized);
      const at = (span: Span): OffsetRange => sourceRange(normalized, span.start, span.end);
      const quoted = (span: Span): string => `»${normalized.text.slice(span.start, span.end)}«`;
      const report = (range: OffsetRange, message: string, hint = HINT): void => {
        reports.push({ document, range, message, hint });
      };
      if (frame.omfang) checkScope(document, frame.omfang, statements.scopes, { at, quoted, report });
      if (frame.varighed) checkDuration(document, frame.varighed, statements.durations, { at, quoted, report });
      if (frame.opfoelgning) checkFollowUp(document, frame.opfoelgning, statements.followUps, { at, quoted, report });
    }
    return reports;
  },
};

interface Reporter {
  at: (span: Span) => OffsetRange;
  quoted: (span: Span) => string;
  report: (range: OffsetRange, message: string, hint?: string) => void;
}

function checkScope(document: PolicyDocument, omfang: NonNullable<Frame['omfang']>, scopes: readonly ScopeStatement[], { at, quoted, report }: Reporter): void {
  const frameText = `${rangeText(omfang.fra, omfang.til)} ${omfang.enhed}`;
  const sameUnit = scopes.filter((scope) => scope.unit === omfang.enhed);
  const differing = sameUnit.filter((scope) => scope.low !== omfang.fra || scope.high !== omfang.til);
  for (const scope of differing) report(at(scope), `Teksten siger ${quoted(scope)}, men rammen siger ${frameText}`);
  if (differing.length > 0 || sameUnit.length > 0) return;
  report(
    locate(document, '/ramme/omfang', { key: true }),
    `Omfanget i rammen, ${frameText}, står ikke i afsnittet ${SECTION}`,
    `Skriv omfanget i teksten, fx »som udgangspunkt ${frameText}«, eller ret »ramme.omfang«. ${HINT}`,
  );
}

function checkDuration(
  document: PolicyDocument,
  varighed: NonNullable<Frame['varighed']>,
  durations: readonly DurationStatement[],
  { at, quoted, report }: Reporter,
): void {
  const upper = varighed.maks ?? varighed.til ?? varighed.fra;
  const lower = varighed.fra;
  const frameText = durationText(varighed);
  const contradicting = durations.filter(
    (duration) => (upper !== undefined && duration.high > upper) || (!duration.upTo && lower !== undefined && duration.low < lower),
  );
  for (const duration of contradicting) report(at(duration), `Teksten siger ${quoted(duration)}, men rammen siger ${frameText}`);
  if (contradicting.length > 0) return;
  const stated = new Set(durations.flatMap((duration) => (duration.upTo ? [duration.high] : [duration.low, duration.high])));
  for (const key of ['fra', 'til', 'maks'] as const) {
    const months = varighed[key];
    if (months === undefined || stated.has(months)) continue;
    // The top of »op til 6 måneder« states a `til` as well as a `maks`.
    if (key !== 'fra' && durations.some((duration) => duration.upTo && duration.high === months)) continue;
    report(
      locate(document, `/ramme/varighed/${key}`),
      `Varigheden »ramme.varighed.${key}« (${monthsText(months)}) står ikke i afsnittet ${SECTION}`,
      `Skriv varigheden i teksten, fx »i ${monthsText(months)}« eller »op til ${monthsText(months)}« (»1 år« tæller som 12 måneder), eller ret »ramme.varighed«. ${HINT}`,
    );
  }
}

function checkFollowUp(
  document: PolicyDocument,
  opfoelgning: NonNullable<Frame['opfoelgning']>,
  followUps: readonly FollowUpStatement[],
  { at, quoted, report }: Reporter,
): void {
  const contradicted = new Set<'foerste' | 'derefter'>();
  for (const followUp of followUps) {
    const key = followUp.kind === 'hver' ? (opfoelgning.derefter !== undefined ? 'derefter' : 'foerste') : followUp.kind;
    const expected = opfoelgning[key];
    if (expected === followUp.months) continue;
    // A plain »hver 6. måned« agrees with a frame that only sets the first follow-up at 6 and every 6 after.
    if (followUp.kind === 'hver' && opfoelgning.foerste === followUp.months && opfoelgning.derefter === undefined) continue;
    contradicted.add(key);
    report(
      at(followUp),
      expected === undefined
        ? `Teksten siger ${quoted(followUp)}, men rammen har ingen »ramme.opfoelgning.${key}«`
        : `Teksten siger ${quoted(followUp)}, men rammen siger ${key === 'foerste' ? `første opfølgning efter ${monthsText(expected)}` : `derefter hver ${ordinalMonth(expected)}`}`,
    );
  }
  for (const key of ['foerste', 'derefter'] as const) {
    const months = opfoelgning[key];
    if (months === undefined || contradicted.has(key)) continue;
    const isStated = followUps.some((followUp) => followUp.months === months && (followUp.kind === key || followUp.kind === 'hver'));
    if (isStated) continue;
    const example = key === 'foerste' ? `Der følges op efter ${monthsText(months)}` : `derefter hver ${ordinalMonth(months)}`;
    report(
      locate(document, `/ramme/opfoelgning/${key}`),
      `Opfølgningen »ramme.opfoelgning.${key}« (${key === 'foerste' ? `efter ${monthsText(months)}` : `hver ${ordinalMonth(months)}`}) står ikke i afsnittet ${SECTION}`,
      `Skriv opfølgningen i teksten, fx »${example}«, eller ret »ramme.opfoelgning«. ${HINT}`,
    );
  }
}

/** How far back from a number the words that decide what it is (»efter«, »inden for«, »i«) are looked for. */
const CONTEXT = 40;

/**
 * Reads the scopes, durations and follow-ups the prose states; exported for the tests. Linear in the text: each
 * number looks back at most CONTEXT characters, and each sentence is tested for follow-up words once.
 */
export function readFrameStatements(normalized: NormalizedText): FrameStatements {
  const lower = normalized.lower;
  const sentences = sentencesOf(normalized);
  const sentenceOf = sentenceFinder(sentences, lower.length);
  const followUpSentences = new Map<number, boolean>();
  const isFollowUpSentence = (sentence: Span): boolean => {
    let is = followUpSentences.get(sentence.start);
    if (is === undefined) followUpSentences.set(sentence.start, (is = FOLLOW_UP_SENTENCE.test(lower.slice(sentence.start, sentence.end))));
    return is;
  };
  const extensions = [...lower.matchAll(/forlæng/gu)].map((match) => match.index);
  const scopes: ScopeStatement[] = [];
  for (const match of lower.matchAll(SCOPE)) {
    const range = rangeOf(match);
    const unitText = match.groups?.['unit'] ?? '';
    const unit = SCOPE_UNIT_TESTS.find(({ test }) => test.test(unitText))?.unit;
    if (!range || !unit) continue;
    scopes.push({ start: match.index, end: match.index + match[0].length, unit, ...range });
  }
  const durations: DurationStatement[] = [];
  const followUps: FollowUpStatement[] = [];
  /** The start of the first »efter N måneder« in each follow-up sentence, so a »hver« after it is the later interval. */
  const firstFollowUpIn = new Map<number, number>();
  const addTimeSpan = (match: RegExpMatchArray & { index: number }, factor: number): void => {
    const range = rangeOf(match);
    if (!range) return;
    const sentence = sentenceOf(match.index);
    const before = lower.slice(Math.max(sentence.start, match.index - CONTEXT), match.index);
    const span = { start: match.index, end: match.index + match[0].length };
    if (/(?:^|[^\p{L}])efter $/u.test(before)) {
      if (isFollowUpSentence(sentence) && range.low === range.high) {
        followUps.push({ ...span, start: span.start - 'efter '.length, kind: 'foerste', months: range.low * factor });
        if (!firstFollowUpIn.has(sentence.start)) firstFollowUpIn.set(sentence.start, span.start);
      }
      return;
    }
    // »forlænges med 3-6 måneder« is an extension, »inden for 3 måneder« a deadline: neither is the duration.
    const extension = lastBefore(extensions, match.index);
    if ((extension !== undefined && extension >= sentence.start) || NOT_A_DURATION_BEFORE.test(before)) return;
    durations.push({ ...span, low: (range.upTo ? range.high : range.low) * factor, high: range.high * factor, upTo: range.upTo });
  };
  for (const match of lower.matchAll(MONTHS)) addTimeSpan(match, 1);
  for (const match of lower.matchAll(YEARS)) {
    const before = lower.slice(Math.max(0, match.index - 20), match.index).trimEnd();
    if (match.groups?.['perTime'] !== undefined || match.groups?.['upTo'] !== undefined || DURATION_BEFORE_YEARS.test(before)) addTimeSpan(match, 12);
  }
  for (const match of lower.matchAll(EVERY)) {
    const sentence = sentenceOf(match.index);
    if (!isFollowUpSentence(sentence)) continue;
    const groups = match.groups ?? {};
    const count = groups['count'] !== undefined ? numberOf(groups['count']) : 1;
    const months =
      groups['word'] !== undefined ? EVERY_WORD_MONTHS[groups['word']] : count === undefined ? undefined : count * (groups['unit'] === 'år' ? 12 : 1);
    if (months === undefined) continue;
    const afterFirst = (firstFollowUpIn.get(sentence.start) ?? Infinity) < match.index;
    const start = match.index + (groups['then']?.length ?? 0);
    followUps.push({ start, end: match.index + match[0].length, kind: groups['then'] !== undefined || afterFirst ? 'derefter' : 'hver', months });
  }
  followUps.sort((a, b) => a.start - b.start);
  durations.sort((a, b) => a.start - b.start);
  return { scopes, durations, followUps };
}

/** The sentence holding an offset, by binary search over the sorted sentences (the whole text when none does). */
function sentenceFinder(sentences: readonly Span[], length: number): (index: number) => Span {
  const whole = { start: 0, end: length };
  return (index) => {
    let low = 0;
    let high = sentences.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const sentence = sentences[middle]!;
      if (index < sentence.start) high = middle - 1;
      else if (index >= sentence.end) low = middle + 1;
      else return sentence;
    }
    return whole;
  };
}

/** The largest of sorted offsets below `index`. */
function lastBefore(offsets: readonly number[], index: number): number | undefined {
  let low = 0;
  let high = offsets.length - 1;
  let found: number | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const offset = offsets[middle]!;
    if (offset < index) {
      found = offset;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** The numbers of a RANGE match; undefined for »mellem 2« without its »og 5«, or an »og« outside »mellem … og …«. */
function rangeOf(match: RegExpMatchArray): { low: number; high: number; upTo: boolean } | undefined {
  const groups = match.groups ?? {};
  const low = numberOf(groups['low'] ?? '');
  const high = groups['high'] !== undefined ? numberOf(groups['high']) : low;
  if (low === undefined || high === undefined || high < low) return undefined;
  // »og« joins a range only in »mellem 2 og 5«, and »mellem« needs its »og«.
  if ((groups['between'] === 'mellem') !== (groups['joint'] === ' og ')) return undefined;
  const upTo = groups['upTo'] !== undefined;
  if (upTo && groups['high'] !== undefined) return undefined;
  return { low: upTo ? 0 : low, high, upTo };
}

/** »3«, »1,5«, »1½«, »½«, »seks«. */
function numberOf(text: string): number | undefined {
  if (text in NUMBER_WORDS) return NUMBER_WORDS[text];
  if (text in ORDINAL_WORDS) return ORDINAL_WORDS[text];
  const match = /^(\d*)(?:,(\d+))?(½?)$/.exec(text);
  if (!match || (match[1] === '' && match[3] === '')) return undefined;
  return Number(`${match[1] || '0'}.${match[2] ?? '0'}`) + (match[3] ? 0.5 : 0);
}

function frameOf(value: unknown): Frame | undefined {
  if (!isRecord(value)) return undefined;
  const frame: Frame = {};
  const { omfang, varighed, opfoelgning } = value;
  const unit = isRecord(omfang) ? SCOPE_UNITS.find((candidate) => candidate.unit === omfang['enhed'])?.unit : undefined;
  if (isRecord(omfang) && unit && typeof omfang['fra'] === 'number' && typeof omfang['til'] === 'number') {
    frame.omfang = { enhed: unit, fra: omfang['fra'], til: omfang['til'] };
  }
  if (isRecord(varighed)) {
    const numbers = numbersOf(varighed, ['fra', 'til', 'maks']);
    if (Object.keys(numbers).length > 0) frame.varighed = numbers;
  }
  if (isRecord(opfoelgning)) {
    const numbers = numbersOf(opfoelgning, ['foerste', 'derefter']);
    if (Object.keys(numbers).length > 0) frame.opfoelgning = numbers;
  }
  return frame;
}

function numbersOf<Key extends string>(record: Record<string, unknown>, keys: readonly Key[]): Partial<Record<Key, number>> {
  const numbers: Partial<Record<Key, number>> = {};
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'number') numbers[key] = value;
  }
  return numbers;
}

/** A number as Danish writes it: »1,5«. */
function numberText(value: number): string {
  return String(value).replace('.', ',');
}

function rangeText(from: number, to: number): string {
  return from === to ? numberText(from) : `${numberText(from)}-${numberText(to)}`;
}

function monthsText(months: number): string {
  return `${numberText(months)} ${months === 1 ? 'måned' : 'måneder'}`;
}

function ordinalMonth(months: number): string {
  return months === 1 ? 'måned' : `${numberText(months)}. måned`;
}

function durationText(varighed: NonNullable<Frame['varighed']>): string {
  const { fra, til, maks } = varighed;
  const typical =
    fra !== undefined && til !== undefined
      ? monthsText(til).replace(/^\S+/, rangeText(fra, til))
      : fra !== undefined
        ? `mindst ${monthsText(fra)}`
        : til !== undefined
          ? `op til ${monthsText(til)}`
          : undefined;
  if (maks === undefined || maks === til) return typical ?? `højst ${monthsText(maks ?? 0)}`;
  return typical ? `${typical}, højst ${monthsText(maks)}` : `højst ${monthsText(maks)}`;
}
