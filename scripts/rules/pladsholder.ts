import type { PladsholderOptions } from '../model/generated-types.js';
import { normalizedOf, sourceRange } from '../text/normalize.js';
import { proseFieldsOf } from '../text/prose.js';
import { patternListOption, type OptionsSchema, type Rule, type RuleReport } from './rule.js';

interface Placeholder {
  pattern: RegExp;
  message: (match: string) => string;
  /** For one field's normalised text: whether the match at an offset only looks like the placeholder. */
  exemptIn?: (text: string) => (index: number, match: string) => boolean;
}

/** Footnote and reference markers: »[1]«, »[12]«, »[1, 2]«, »[3-5]«, Markdown's »[^1]« and »[^note]«. */
const FOOTNOTE_MARKER = /^\[(?:\^[\p{L}\p{N}_-]{1,30}|\d{1,3}(?:[-,] ?\d{1,3}){0,9})\]$/u;

const HINT = 'Skabelonens pladsholdere og instruktioner må aldrig nå et udvalg eller en borger. Skriv kommunens egen tekst i stedet.';

/** Template leftovers from the template (seed 003) and common drafting marks. */
const PLACEHOLDERS: Placeholder[] = [
  { pattern: /\bXX\b/g, message: () => 'Pladsholderen »XX« står stadig i teksten' },
  // [instruction text], but not Markdown links [tekst](url), [tekst][ref], [ref]: url, or task boxes [ ] / [x]
  {
    pattern: /(?<!\])\[(?![ xX]\])[^\]\n]{1,300}\](?![([:])/g,
    message: (match) => `Skabelonens instruktion ${quote(match)} står stadig i teksten`,
    exemptIn: () => (_index, match) => FOOTNOTE_MARKER.test(match),
  },
  { pattern: /_{4,}/g, message: () => 'En tom skriveplads »____« står stadig i teksten', exemptIn: horizontalRulesOf },
  { pattern: /\b(?:TODO|FIXME)\b/g, message: (match) => `Arbejdsnoten »${match}« står stadig i teksten` },
  { pattern: /\blorem ipsum\b/gi, message: () => 'Fyldteksten »Lorem ipsum« står stadig i teksten' },
];

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »pladsholder«.',
  properties: {
    patterns: patternListOption('giu', 'Ekstra regulære udtryk, der også regnes som pladsholdere, fx kommunens egne skabelonord.'),
  },
} as const satisfies OptionsSchema;

export const pladsholder: Rule<Required<PladsholderOptions>, 'pladsholder'> = {
  id: 'pladsholder',
  description: 'Ingen pladsholdere fra skabelonen, fx »XX Kommune«, »[tilpasses ...]«, »____« eller »TODO«.',
  defaultSeverity: 'error',
  defaultOptions: { patterns: [] },
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents, options }) {
    const extra: Placeholder[] = options.patterns.map((source) => ({
      pattern: new RegExp(source, OPTIONS_SCHEMA.properties.patterns['x-regex-flags']),
      message: (match) => `Pladsholderen ${quote(match)} står stadig i teksten`,
    }));
    const reports: RuleReport[] = [];
    for (const document of documents) {
      if (document.kind === 'lovregister' || document.kind === 'config') continue;
      for (const field of proseFieldsOf(document)) {
        const normalized = normalizedOf(field);
        for (const placeholder of [...PLACEHOLDERS, ...extra]) {
          const isExempt = placeholder.exemptIn?.(normalized.text);
          for (const match of normalized.text.matchAll(placeholder.pattern)) {
            if (match[0].length === 0 || isExempt?.(match.index, match[0])) continue;
            reports.push({
              document,
              range: sourceRange(normalized, match.index, match.index + match[0].length),
              message: placeholder.message(match[0]),
              hint: HINT,
            });
          }
        }
      }
    }
    return reports;
  },
};

/**
 * Whether the line at an offset is a Markdown horizontal rule (only underscores), not a blank to fill in. Each line is
 * read once, however many »____« it holds; the offsets must come in increasing order, as matches do.
 */
function horizontalRulesOf(text: string): (index: number) => boolean {
  let lineEnd = -1;
  let isRule = false;
  return (index) => {
    if (index > lineEnd) {
      const start = text.lastIndexOf('\n', index) + 1;
      const end = text.indexOf('\n', index);
      lineEnd = end === -1 ? text.length : end;
      isRule = /^_+$/.test(text.slice(start, lineEnd).replace(/\s/g, ''));
    }
    return isRule;
  };
}

function quote(text: string): string {
  return `»${text.length > 60 ? `${text.slice(0, 57)}…]` : text}«`;
}
