import type { LaesbarhedOptions } from '../model/generated-types.js';
import { sectionFields } from '../model/schema-catalog.js';
import { normalizedOf, type NormalizedText } from '../text/normalize.js';
import { proseFieldsOf, type SourceText } from '../text/prose.js';
import { sentencesOf, wordsOf } from '../text/sentences.js';
import { locate } from '../validate/locate.js';
import type { OptionsSchema, Rule, RuleReport } from './rule.js';

/** The counts behind a LIX value. */
export interface LixMeasure {
  /** words / sentences + 100 × longWords / words; 0 for a text without words. */
  lix: number;
  /** Words with at least one letter; numbers alone are not words. */
  words: number;
  /** Sentences with at least one word; paragraphs and list items end a sentence. */
  sentences: number;
  /** Words of more than six letters. */
  longWords: number;
}

/** Sections that are not prose for families: citations of the law. */
const UNMEASURED = new Set(['lovhjemmel']);

/** The readability bands commonly used with LIX, on the rounded value. */
const BANDS: readonly { below: number; name: string }[] = [
  { below: 25, name: 'meget let' },
  { below: 35, name: 'let' },
  { below: 45, name: 'middel' },
  { below: 55, name: 'svær' },
  { below: Infinity, name: 'meget svær' },
];

/** A link's address (`](https://…)`) and bare web addresses are not words a reader reads. The address stops at
 * »]« too, so a run of »](« without »)« is read once, not once per »](«. */
const ADDRESS = /\]\([^)\]\n]*\)|\b(?:https?:\/\/|www\.)[^\s]*[^\s.,;:!?)]/gi;

/**
 * A line that starts a list item as Word and web pages paste it: a bullet sign (Word's »\uF0B7« and »o« before a tab
 * among them), a dash, or »a)«, »(a)«, »(1)« before a space. normalizeProse already ends a paragraph before the
 * Markdown markers »-«, »*«, »+«, »1.« and »1)«; these it leaves inside the paragraph.
 */
const PASTED_ITEM = /^[ \t\u00A0]*(?:[•◦▪▫‣⁃●○■□►➢\u00B7\uF0A7\uF0B7]|o(?=[\t\u00A0])|(?:[–—]|\(?\p{L}\)|\(\d{1,3}\))(?=\s|$))/u;

/**
 * The section with each pasted list item on a paragraph of its own, so that it is its own sentence, as a Markdown list
 * item is: the line break before it is doubled and its marker blanked (»a)« is not a word). The section itself when it
 * has none, so the normalised text the other rules computed is reused.
 */
export function pastedListItemsApart(source: SourceText): SourceText {
  const { text } = source;
  const items: { lineStart: number; markerEnd: number }[] = [];
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const marker = PASTED_ITEM.exec(text.slice(lineStart, lineEnd));
    if (marker) items.push({ lineStart, markerEnd: lineStart + marker[0].length });
    lineStart = lineEnd + 1;
  }
  if (items.length === 0) return source;
  const breaks = items.filter((item) => item.lineStart > 0).length;
  const offsets = new Int32Array(text.length + breaks + 1);
  const parts: string[] = [];
  let read = 0;
  let written = 0;
  const copy = (end: number, blank: boolean): void => {
    parts.push(blank ? ' '.repeat(end - read) : text.slice(read, end));
    for (; read < end; read++) offsets[written++] = source.offsets[read] ?? 0;
  };
  for (const item of items) {
    copy(item.lineStart, false);
    if (item.lineStart > 0) {
      parts.push('\n'); // a second line break: a paragraph, as in Markdown
      offsets[written++] = source.offsets[item.lineStart - 1] ?? 0;
    }
    copy(item.markerEnd, true);
  }
  copy(text.length, false);
  offsets[written] = source.offsets[text.length] ?? 0;
  return { text: parts.join(''), offsets };
}

/** LIX of a section as the rule measures it: pasted list items apart, then normalised. */
export function lixOfSection(source: SourceText): LixMeasure {
  return lix(normalizedOf(pastedListItemsApart(source)));
}

/** LIX of normalised Danish text: words per sentence plus the percentage of words longer than six letters. */
export function lix(normalized: NormalizedText): LixMeasure {
  // Blank out addresses character for character, so the spans of sentencesOf stay valid.
  const text = normalized.text.replace(ADDRESS, (address) => ' '.repeat(address.length));
  let words = 0;
  let sentences = 0;
  let longWords = 0;
  // Most sections hold no address: then the sentences the other rules computed are reused.
  for (const sentence of sentencesOf(text === normalized.text ? normalized : { ...normalized, text })) {
    const found = wordsOf(text, sentence);
    if (found.length === 0) continue;
    sentences++;
    words += found.length;
    for (const word of found) if (word.length > 6 && lettersIn(word) > 6) longWords++;
  }
  const value = words === 0 ? 0 : words / sentences + (100 * longWords) / words;
  return { lix: value, words, sentences, longWords };
}

/** The band of a (rounded) LIX value: »meget let«, »let«, »middel«, »svær« or »meget svær«. */
export function lixBand(value: number): string {
  return BANDS.find((band) => value < band.below)?.name ?? 'meget svær';
}

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »laesbarhed«.',
  properties: {
    max: {
      type: 'number',
      minimum: 10,
      maximum: 100,
      description: 'Højeste LIX for et afsnit. Standard 50 (midt i båndet »svær«, LIX 45-54).',
    },
    minWords: {
      type: 'integer',
      minimum: 1,
      description: 'Afsnit med færre ord end dette måles ikke, fordi LIX er upålidelig på korte tekster. Standard 25.',
    },
  },
} as const satisfies OptionsSchema;

export const laesbarhed: Rule<Required<LaesbarhedOptions>, 'laesbarhed'> = {
  id: 'laesbarhed',
  description: 'Hvert afsnit er let at læse: LIX under den fastsatte grænse.',
  defaultSeverity: 'warning',
  defaultOptions: { max: 50, minWords: 25 },
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents, options }) {
    const reports: RuleReport[] = [];
    for (const document of documents) {
      if (document.kind !== 'foranstaltning' && document.kind !== 'serviceniveau') continue;
      const headings = new Map(sectionFields(document.kind).map((field) => [field.key, field.heading]));
      for (const field of proseFieldsOf(document)) {
        if (!field.isSection || UNMEASURED.has(field.field)) continue;
        const measure = lixOfSection(field);
        if (measure.words < options.minWords) continue;
        const rounded = Math.round(measure.lix);
        if (rounded <= options.max) continue;
        reports.push({
          document,
          // The section's heading in Markdown, its value in JSON.
          range: locate(document, field.pointer, { key: document.format === 'md' }),
          message: `LIX ${rounded} i afsnittet »${headings.get(field.field) ?? field.field}« er over grænsen ${formatNumber(options.max)} (${lixBand(rounded)} tekst)`,
          hint: hintFor(measure),
        });
      }
    }
    return reports;
  },
};

function hintFor(measure: LixMeasure): string {
  const sentenceLength = formatNumber(Math.round((10 * measure.words) / measure.sentences) / 10);
  const longShare = Math.round((100 * measure.longWords) / measure.words);
  return (
    `Sætningerne har i gennemsnit ${sentenceLength} ord, og ${longShare} % af ordene har mere end seks bogstaver. ` +
    'Del lange sætninger op (sigt efter 10-15 ord), skift lange ord ud med kortere hverdagsord, ' +
    'og sæt opremsninger op som en punktopstilling.'
  );
}

const LETTER = /\p{L}/u;

function lettersIn(word: string): number {
  let letters = 0;
  for (const char of word) if (LETTER.test(char)) letters++;
  return letters;
}

function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}
