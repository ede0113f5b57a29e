/** The invisible characters a policy text may hold, by what they do; each fact about them is kept here. */

/** Controls that change the order text is displayed in: embeddings, overrides, isolates and marks. */
const BIDI_CONTROLS: Readonly<Record<string, string>> = {
  '\u202A': 'venstre-mod-højre-indlejring',
  '\u202B': 'højre-mod-venstre-indlejring',
  '\u202C': 'afslutning af retningsformatering',
  '\u202D': 'venstre-mod-højre-tilsidesættelse',
  '\u202E': 'højre-mod-venstre-tilsidesættelse',
  '\u2066': 'venstre-mod-højre-isolering',
  '\u2067': 'højre-mod-venstre-isolering',
  '\u2068': 'retningsisolering efter første tegn',
  '\u2069': 'afslutning af retningsisolering',
  '\u200E': 'venstre-mod-højre-markering',
  '\u200F': 'højre-mod-venstre-markering',
  '\u061C': 'arabisk bogstavmarkering',
};

/** Format characters that take no room and show nothing. The soft hyphen is not among them: it is a hyphenation point Danish text may hold. */
const ZERO_WIDTH: Readonly<Record<string, string>> = {
  '\u200B': 'nulbredde-mellemrum',
  '\u200C': 'nulbredde-adskiller',
  '\u200D': 'nulbredde-sammenbinder',
  '\u2060': 'ordsammenbinder',
  '\u2061': 'usynlig funktionsanvendelse',
  '\u2062': 'usynligt gangetegn',
  '\u2063': 'usynligt komma',
  '\u2064': 'usynligt plustegn',
  '\uFEFF': 'byte order mark inde i teksten',
  '\u034F': 'grafemsammenbinder',
  '\u180E': 'mongolsk vokalseparator',
};

/** Every character reported as a finding, bidi controls first: for tests and the fuzzer. */
export const REPORTED_CHARACTERS: readonly string[] = [...Object.keys(BIDI_CONTROLS), ...Object.keys(ZERO_WIDTH)];

/** What kind of invisible character one is. */
export type InvisibleKind = 'bidi' | 'zero-width';

/** Every invisible character the text folding drops, the soft hyphen included. */
// U+034F stands outside the class: a combining mark inside one reads as if it joined the character before it.
export const DROPPED_INVISIBLE = /\u034F|[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** The same characters, for replacing all of them at once. */
export const DROPPED_INVISIBLE_ALL = new RegExp(DROPPED_INVISIBLE.source, 'g');

/** The characters reported as findings: every dropped one but the soft hyphen. */
export const REPORTED_INVISIBLE = /\u034F|[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Whether a character is a bidi control or a zero-width one; undefined for any other character. */
export function invisibleKindOf(char: string): InvisibleKind | undefined {
  if (char in BIDI_CONTROLS) return 'bidi';
  if (char in ZERO_WIDTH) return 'zero-width';
  return undefined;
}

/** »U+202E (højre-mod-venstre-tilsidesættelse)«: the code and Danish name of an invisible character. */
export function describeInvisible(char: string): string {
  const code = `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
  const name = BIDI_CONTROLS[char] ?? ZERO_WIDTH[char];
  return name ? `${code} (${name})` : code;
}
