import type { PersonoplysningerOptions } from '../model/generated-types.js';
import { normalizedOf, sourceRange, type NormalizedText } from '../text/normalize.js';
import { proseFieldsOf } from '../text/prose.js';
import type { OptionsSchema, Rule, RuleReport } from './rule.js';

/** A personal datum found in normalised text: where it is and what the message says. */
interface Hit {
  start: number;
  end: number;
  message: string;
  hint: string;
}

/** The kommune's own contact details, read from the `allow` option. */
interface Allowed {
  addresses: Set<string>;
  domains: string[];
  phones: Set<string>;
}

const CPR_HINT =
  'Et CPR-nummer er en fortrolig personoplysning og må aldrig stå i et serviceniveau; slet det, og få det også fjernet fra git-historikken, hvis det er sendt ind.';
const CONTACT_HINT =
  'Er det kommunens egen kontaktoplysning, så tilføj den til "allow" under "personoplysninger" i serviceniveau.config.json (»@domæne« tillader et helt domæne); ellers slet den.';

// All patterns are flat: no quantified group holds another quantifier, so matching stays linear.

/**
 * DDMMÅÅ-XXXX, DDMMÅÅXXXX or DDMMÅÅ XXXX (normalisation has turned an en dash into "-" and a no-break space into a
 * space), not inside a longer number.
 */
const CPR = /(?<!\d[-.,/]?)(\d{2})(\d{2})(\d{2})([- ]?)(\d{4})(?![-.,/]?\d)/g;
/** A group of digits right before or after, as in a number grouped by spaces ("12 150688 4321") or a row of figures. */
const DIGITS_BEFORE = /\d $/;
const DIGITS_AFTER = /^ \d/;
/** A local part starting with a letter or digit, "@", then a domain checked further in code. */
const EMAIL = /(?<![\p{L}\p{N}.%+/-])[\p{L}\p{N}][\p{L}\p{N}._%+-]{0,63}@[\p{L}\p{N}][\p{L}\p{N}.-]{0,252}/gu;
/** Eight digits, optionally grouped by spaces or hyphens ("12345678", "12 34 56 78", "1234 5678"). */
const EIGHT_DIGITS = /\d{2}[ -]?\d{2}[ -]?\d{2}[ -]?\d{2}(?![ -]?\d)/g;
const PAIRS = /^\d{2} \d{2} \d{2} \d{2}$/;
/** A country code right before the digits: "+45 ", "(+45) ", "0045". */
const COUNTRY_CODE_BEFORE = /(?:\(\+ ?45\) ?|\+ ?45[ -]?|(?<!\d)0045[ -]?)$/;
/** "tlf.", "tlf.nr.:", "telefon", "telefonnummer", "mobil", "mobilnr.", "ring på", "ring til" right before the digits. */
const PHONE_WORD_BEFORE = /(?:^|[^\p{L}])(?:(?:tlf|telefon|mobil)(?:telefon|nummer|nr)?\.?(?:[ -]?(?:nr|nummer)\.?)?:? ?|ring (?:på|til) )$/u;
/** Register numbers that may be written in pairs too: "CVR-nr. 12 34 56 78", "SE-nr.", "EAN", "DK-". */
const REGISTER_WORD_BEFORE = /(?:^|[^\p{L}])(?:(?:cvr|se|p|ean)[ .-]{0,2}(?:nr|nummer)\.?:? ?|(?:cvr|ean|dk)[.:-]? ?)$/u;
const DIGIT_BEFORE = /\d[ -]?$/;
/** How far back a country code or a word such as "telefonnummer:" is looked for. */
const CONTEXT = 30;

const OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: 'Indstillinger for reglen »personoplysninger«.',
  properties: {
    allow: {
      type: 'array',
      items: { type: 'string', minLength: 1 },
      description:
        'Tilladte e-mailadresser og telefonnumre, fx kommunens hovednummer »70 10 20 30« eller »familie@eksempel-kommune.dk«. »@eksempel-kommune.dk« tillader alle adresser på domænet.',
    },
  },
} as const satisfies OptionsSchema;

/** CPR numbers, e-mail addresses and phone numbers in any policy text, masked in the message. */
export const personoplysninger: Rule<Required<PersonoplysningerOptions>, 'personoplysninger'> = {
  id: 'personoplysninger',
  description: 'Ingen personoplysninger: CPR-numre og e-mailadresser eller telefonnumre, der ikke er kommunens egne.',
  defaultSeverity: 'error',
  defaultOptions: { allow: [] },
  optionsSchema: OPTIONS_SCHEMA,
  check({ documents, options }) {
    const allowed = allowedOf(options.allow);
    const reports: RuleReport[] = [];
    for (const document of documents) {
      if (document.kind === 'config') continue;
      for (const field of proseFieldsOf(document)) {
        const normalized = normalizedOf(field);
        const hits = [...cprNumbersIn(normalized), ...emailAddressesIn(normalized, allowed), ...phoneNumbersIn(normalized, allowed)].sort(
          (a, b) => a.start - b.start,
        );
        for (const hit of hits) reports.push({ document, range: sourceRange(normalized, hit.start, hit.end), message: hit.message, hint: hit.hint });
      }
    }
    return reports;
  },
};

function cprNumbersIn(normalized: NormalizedText): Hit[] {
  const hits: Hit[] = [];
  const text = normalized.text;
  for (const match of text.matchAll(CPR)) {
    const [, day = '', month = '', , separator] = match;
    if (!isCalendarDate(Number(day), Number(month))) continue;
    const end = match.index + match[0].length;
    // Six digits and four with a space are a CPR number only on their own, not as two groups among more.
    if (separator === ' ' && (DIGITS_BEFORE.test(text.slice(Math.max(0, match.index - 2), match.index)) || DIGITS_AFTER.test(text.slice(end, end + 2))))
      continue;
    hits.push({ start: match.index, end, message: 'Et CPR-nummer står i teksten — slet det', hint: CPR_HINT });
  }
  return hits;
}

/** Day and month of a real date in some year; 29 February counts, since the year of a CPR number is ambiguous. */
function isCalendarDate(day: number, month: number): boolean {
  const daysInMonth = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

function emailAddressesIn(normalized: NormalizedText, allowed: Allowed): Hit[] {
  const hits: Hit[] = [];
  for (const match of normalized.text.matchAll(EMAIL)) {
    const at = match[0].indexOf('@');
    const local = match[0].slice(0, at);
    const domain = match[0].slice(at + 1).replace(/[.-]+$/, ''); // a full stop after the address ends the sentence
    const labels = domain.split('.');
    if (labels.length < 2 || labels.some((label) => label.length === 0) || !/^\p{L}{2,}$/u.test(labels.at(-1) ?? '')) continue;
    const address = `${local}@${domain}`.toLowerCase();
    if (isAllowedAddress(address, allowed)) continue;
    hits.push({
      start: match.index,
      end: match.index + local.length + 1 + domain.length,
      message: `E-mailadressen »${local.slice(0, 1)}…@${domain}« står i teksten — slet den, eller skriv kommunens fælles adresse`,
      hint: CONTACT_HINT,
    });
  }
  return hits;
}

function isAllowedAddress(address: string, allowed: Allowed): boolean {
  if (allowed.addresses.has(address)) return true;
  const domain = address.slice(address.indexOf('@') + 1);
  return allowed.domains.some((allowedDomain) => domain === allowedDomain || domain.endsWith(`.${allowedDomain}`));
}

/** Eight digits count as a phone number only with a country code, after a word such as "tlf.", or written in pairs. */
function phoneNumbersIn(normalized: NormalizedText, allowed: Allowed): Hit[] {
  const hits: Hit[] = [];
  for (const match of normalized.text.matchAll(EIGHT_DIGITS)) {
    const before = normalized.text.slice(Math.max(0, match.index - CONTEXT), match.index);
    const lowerBefore = normalized.lower.slice(Math.max(0, match.index - CONTEXT), match.index);
    const countryCode = COUNTRY_CODE_BEFORE.exec(before);
    if (!countryCode && DIGIT_BEFORE.test(before)) continue; // the tail of a longer number
    const isPhone = countryCode !== null || PHONE_WORD_BEFORE.test(lowerBefore) || (PAIRS.test(match[0]) && !REGISTER_WORD_BEFORE.test(lowerBefore));
    if (!isPhone) continue;
    const digits = match[0].replace(/\D/g, '');
    if (allowed.phones.has(digits)) continue;
    const start = match.index - (countryCode?.[0].length ?? 0);
    const shown = `${countryCode ? '+45 ' : ''}${digits.slice(0, 2)} ** ** **`;
    hits.push({
      start,
      end: match.index + match[0].length,
      message: `Telefonnummeret »${shown}« står i teksten — slet det, eller skriv kommunens eget nummer`,
      hint: CONTACT_HINT,
    });
  }
  return hits;
}

/** Splits the `allow` entries into addresses, "@domain" entries and phone numbers (their last eight digits after a country code). */
function allowedOf(entries: readonly string[]): Allowed {
  const allowed: Allowed = { addresses: new Set(), domains: [], phones: new Set() };
  for (const entry of entries) {
    const value = entry.trim().toLowerCase();
    if (value.startsWith('@')) allowed.domains.push(value.slice(1));
    else if (value.includes('@')) allowed.addresses.add(value);
    else {
      const digits = value.replace(/\D/g, '');
      allowed.phones.add((digits.length === 10 && digits.startsWith('45')) || (digits.length === 12 && digits.startsWith('0045')) ? digits.slice(-8) : digits);
    }
  }
  return allowed;
}
