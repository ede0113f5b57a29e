import { memoizeByObject } from '../memoize.js';
import { DROPPED_INVISIBLE, DROPPED_INVISIBLE_ALL } from './invisible.js';
import type { SourceText } from './prose.js';

/** Prose folded for matching, with every character still pointing back into the file. */
export interface NormalizedText {
  /** NFC; soft hyphens, zero-width characters and bidi controls gone (the text as it displays); words broken across lines re-joined; spaces,
   * quotes and dashes folded; `*` and `` ` `` emphasis and HTML comments removed; a paragraph break is "\n". */
  text: string;
  /** `text` in lower case, character for character. */
  lower: string;
  /** offsets[i] is the file offset of text[i]; offsets[text.length] is the end. */
  offsets: ArrayLike<number>;
}

const SPACE = /[\s\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033]/;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032]/;
const COMBINING = /\p{M}/u;
const LETTER = /\p{L}/u;
const LIST_MARKER = /^(?:[-*+]|\d{1,3}[.)])\s/;
/** After a hyphen at a line end, these words mean a real hyphen ("Børne- og Ungeudvalget"), not a broken word. */
const CONJUNCTIONS = /^(og|eller|til|samt)\b/;

/** Normalises prose for the rules that read it, keeping the map back to file offsets. */
export function normalizeProse(source: SourceText): NormalizedText {
  const input = source.text;
  // Output as parts joined at the end: reading back from a string being built (its last character)
  // makes V8 flatten it every time, which turned long texts quadratic.
  const parts: string[] = [];
  let last = '';
  // A typed array, not number[]: on thousands of documents the offsets are most of what is allocated.
  let offsets = new Int32Array(input.length + 1);
  let size = 0;
  const pushOffset = (offset: number): void => {
    if (size === offsets.length) {
      const grown = new Int32Array(2 * size); // NFC can lengthen a character (U+0344)
      grown.set(offsets);
      offsets = grown;
    }
    offsets[size++] = offset;
  };
  const emit = (output: string, at: number): void => {
    parts.push(output);
    last = output.at(-1) ?? last;
    for (let k = 0; k < output.length; k++) pushOffset(source.offsets[at] ?? 0);
  };
  let i = 0;
  while (i < input.length) {
    // Fast path for the common case: a run of plain letters, digits and punctuation, copied as one part.
    if (isPlain(input.charCodeAt(i))) {
      let end = i + 1;
      while (end < input.length && isPlain(input.charCodeAt(end))) end++;
      if (end < input.length && isCombining(input.charCodeAt(end))) end--; // the mark composes with the run's last character
      if (end > i) {
        parts.push(input.slice(i, end));
        last = input[end - 1] ?? '';
        for (let k = i; k < end; k++) pushOffset(source.offsets[k] ?? 0);
        i = end;
        continue;
      }
    }
    // A single space between words, the next most common case.
    if (input.charCodeAt(i) === 0x20 && !SPACE.test(input[i + 1] ?? '')) {
      emitSpace(' ', i);
      i++;
      continue;
    }
    const char = input[i] ?? '';
    if (input.startsWith('<!--', i)) {
      const close = input.indexOf('-->', i + 4);
      i = close === -1 ? input.length : close + 3;
      emitSpace(' ', i - 1);
      continue;
    }
    if (DROPPED_INVISIBLE.test(char) || char === '*' || char === '`') {
      i++;
      continue;
    }
    if ((char === '-' || DASHES.test(char)) && LETTER.test(input[i - 1] ?? '')) {
      const lineBreak = /^[ \t]*\r?\n[ \t]*(?=\p{Ll})/u.exec(input.slice(i + 1, i + 40));
      if (lineBreak && !CONJUNCTIONS.test(input.slice(i + 1 + lineBreak[0].length))) {
        i += 1 + lineBreak[0].length; // "serviceni-\nveau" as pasted from PDF is one word
        continue;
      }
    }
    if (SPACE.test(char)) {
      let end = i;
      let newlines = 0;
      while (end < input.length && SPACE.test(input[end] ?? '')) {
        if (input[end] === '\n') newlines++;
        end++;
      }
      const breaksParagraph = newlines >= 2 || (newlines === 1 && LIST_MARKER.test(input.slice(end, end + 5)));
      emitSpace(breaksParagraph ? '\n' : ' ', i);
      i = end;
      continue;
    }
    if (DASHES.test(char)) {
      emit('-', i);
      i++;
      continue;
    }
    if (DOUBLE_QUOTES.test(char)) {
      emit('"', i);
      i++;
      continue;
    }
    if (SINGLE_QUOTES.test(char)) {
      emit("'", i);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < input.length && COMBINING.test(input[end] ?? '')) end++;
    // A combining grapheme joiner (U+034F) is a mark, so it comes with the letter before it; it shows nothing.
    emit(input.slice(i, end).replace(DROPPED_INVISIBLE_ALL, '').normalize('NFC'), i);
    i = end;
  }
  pushOffset(source.offsets[input.length] ?? (size > 0 ? (offsets[size - 1] ?? 0) : 0));
  const text = parts.join('');
  const folded = text.toLocaleLowerCase('da');
  // Lower case character for character; in the rare case a character changes length (İ), fold piecewise.
  const lower =
    folded.length === text.length
      ? folded
      : [...text].map((char) => (char.toLocaleLowerCase('da').length === char.length ? char.toLocaleLowerCase('da') : char)).join('');
  return { text, lower, offsets: offsets.subarray(0, size) };

  function emitSpace(space: ' ' | '\n', at: number): void {
    if (parts.length === 0 || last === '\n' || (last === ' ' && space === ' ')) return;
    if (last === ' ' && space === '\n') {
      parts[parts.length - 1] = '\n'; // a space is always emitted as its own part
      last = '\n';
      return;
    }
    emit(space, at);
  }
}

/** normalizeProse, once per source text: every rule reads the same fields. */
export const normalizedOf: (source: SourceText) => NormalizedText = memoizeByObject(normalizeProse);

/** Printable ASCII except the characters normalisation changes or removes (`*`, `-`, `<`, `` ` ``), and Danish letters. */
function isPlain(code: number): boolean {
  return (
    (code > 0x20 && code < 0x7f && code !== 0x2a && code !== 0x2d && code !== 0x3c && code !== 0x60) ||
    code === 0xe6 ||
    code === 0xf8 ||
    code === 0xe5 ||
    code === 0xc6 ||
    code === 0xd8 ||
    code === 0xc5
  );
}

/** U+0300–U+036F and the other combining blocks, checked cheaply before the Unicode regex. */
function isCombining(code: number): boolean {
  return code >= 0x300 && (code <= 0x36f || COMBINING.test(String.fromCharCode(code)));
}

/** The file range of a range in normalised text. */
export function sourceRange(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const from = normalized.offsets[start] ?? 0;
  const last = normalized.offsets[Math.max(start, end - 1)] ?? from;
  return { start: from, end: Math.max(from, last + 1) };
}
