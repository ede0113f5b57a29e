import type { OffsetRange } from '../model/document.js';
import type { ParseProblem } from './parsed-tree.js';

/** One run of mojibake: UTF-8 bytes that were read as Windows-1252 and saved again (»Ã¸« for »ø«). */
export interface MojibakeRun extends OffsetRange {
  /** The text as it stands in the file, e.g. »Ã¸«. */
  found: string;
  /** What it most likely was, e.g. »ø«. */
  expected: string;
}

/** Windows-1252 for the bytes 0x80–0x9F; the five bytes it leaves undefined come through as the C1 control of the same value. */
const WINDOWS_1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** Character code → the byte it stands for when bytes were decoded as Windows-1252 (or as Latin-1). */
const BYTE_OF = new Map<number, number>();
for (let byte = 0x80; byte <= 0xff; byte++) BYTE_OF.set(byte, byte);
[...WINDOWS_1252_80_9F].forEach((character, index) => BYTE_OF.set(character.charCodeAt(0), 0x80 + index));

/** The characters a Danish text could have held before it was garbled: everything Windows-1252 can write. */
const PLAUSIBLE = new Set<number>([...BYTE_OF.keys()].filter((code) => code >= 0xa0));

const RIGHT_DOUBLE_QUOTE = '\u201D';

/** The lead bytes of multi-byte UTF-8 (0xC2–0xF4) as Windows-1252 shows them: »Â« to »ô«. */
const LEAD = /[\u00C2-\u00F4]/;

/**
 * Finds mojibake in decoded text: runs of characters whose Windows-1252 bytes form valid UTF-8 for a
 * character Windows-1252 could write (»Ã¦« → »æ«, »â€“« → »–«, »Â«« → »««). Also »â€« on its own, the
 * remains of »”« when the undefined byte 0x9D was dropped. Real Danish text never holds these pairs.
 */
export function findMojibakeRuns(text: string): MojibakeRun[] {
  const runs: MojibakeRun[] = [];
  const leads = new RegExp(LEAD.source, 'g');
  let index = 0;
  while (index < text.length) {
    // Jump to the next character that can start a garbled sequence; most text has none.
    leads.lastIndex = index;
    const lead = leads.exec(text);
    if (!lead) break;
    index = lead.index;
    const decoded = decodeAt(text, index);
    if (!decoded) {
      index++;
      continue;
    }
    const last = runs.at(-1);
    if (last && last.end === index) {
      last.end += decoded.length;
      last.found += text.slice(index, index + decoded.length);
      last.expected += decoded.character;
    } else {
      runs.push({ start: index, end: index + decoded.length, found: text.slice(index, index + decoded.length), expected: decoded.character });
    }
    index += decoded.length;
  }
  return runs;
}

/** Mojibake as load problems (rule `schema`, error): one per line, at the first run on it, with how many more the line has. */
export function findMojibake(text: string): ParseProblem[] {
  const lines: { first: MojibakeRun; more: number }[] = [];
  let lineStart = 0;
  let nextNewline = text.indexOf('\n');
  let lineOfLast = -1;
  for (const run of findMojibakeRuns(text)) {
    // Runs come in order, so the line start only moves forward: linear in the text.
    while (nextNewline !== -1 && nextNewline < run.start) {
      lineStart = nextNewline + 1;
      nextNewline = text.indexOf('\n', lineStart);
    }
    const last = lines.at(-1);
    if (last && lineOfLast === lineStart) last.more++;
    else lines.push({ first: run, more: 0 });
    lineOfLast = lineStart;
  }
  return lines.map(({ first, more }) => ({
    range: { start: first.start, end: first.end },
    severity: 'error',
    message: `»${shorten(visible(first.found))}« er sandsynligvis ${named(first.expected)}, der er gemt med forkert tegnsæt${more > 0 ? ` (og ${more} ${more === 1 ? 'sted' : 'steder'} mere på linjen)` : ''}`,
    hint: `Teksten er på et tidspunkt læst med et forkert tegnsæt (typisk Windows-1252, fx ved kopiering mellem programmer) og gemt igen. ${repair(first)}, eller kopiér teksten igen fra originalen, og gem filen som UTF-8.`,
  }));
}

/** The character whose UTF-8 bytes, read as Windows-1252, start at `index`; with how many characters they took. */
function decodeAt(text: string, index: number): { character: string; length: number } | undefined {
  const lead = BYTE_OF.get(text.charCodeAt(index));
  if (lead === undefined || lead < 0xc2 || lead > 0xf4) return undefined;
  const length = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
  const bytes = [lead];
  for (let offset = 1; offset < length; offset++) {
    const byte = BYTE_OF.get(text.charCodeAt(index + offset));
    if (byte === undefined || byte > 0xbf) break;
    bytes.push(byte);
  }
  if (bytes.length < length) {
    // »â€« followed by something else: »”« (E2 80 9D) whose last byte, undefined in Windows-1252, was dropped.
    return bytes.length === 2 && lead === 0xe2 && bytes[1] === 0x80 ? { character: RIGHT_DOUBLE_QUOTE, length: 2 } : undefined;
  }
  const code = codePointOf(bytes);
  if (code === undefined || !PLAUSIBLE.has(code)) return undefined;
  return { character: String.fromCodePoint(code), length };
}

/** The code point of one complete UTF-8 sequence (lead byte 0xC2–0xF4, continuation bytes checked), or undefined if it is not valid UTF-8. */
function codePointOf(bytes: readonly number[]): number | undefined {
  const [lead = 0, second = 0] = bytes;
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
  if ((lead === 0xe0 && second < 0xa0) || (lead === 0xed && second > 0x9f) || (lead === 0xf0 && second < 0x90) || (lead === 0xf4 && second > 0x8f))
    return undefined;
  const initial = bytes.length === 2 ? lead & 0x1f : bytes.length === 3 ? lead & 0x0f : lead & 0x07;
  return bytes.slice(1).reduce((code, byte) => (code << 6) | (byte & 0x3f), initial);
}

/** »et »ø««, or a name for a character that cannot be seen. */
function named(expected: string): string {
  if (expected === '\u00A0') return 'et hårdt mellemrum';
  if (expected === '\u00AD') return 'en blød bindestreg';
  return `${[...expected].length === 1 ? 'et ' : ''}»${shorten(expected)}«`;
}

/** How to put a run right by hand: replace what can be seen, or delete the »Â« before an invisible character. */
function repair(run: MojibakeRun): string {
  const invisible = run.expected === '\u00A0' || run.expected === '\u00AD';
  return invisible
    ? `Ret tegnene: slet »${shorten(visible(run.found))}« (Søg og erstat i hele filen)`
    : `Ret tegnene: erstat »${shorten(visible(run.found))}« med »${shorten(run.expected)}« i hele filen (Søg og erstat)`;
}

/** The run as an editor shows it: without the hard spaces, soft hyphens and C1 control characters that cannot be seen. */
function visible(text: string): string {
  return text.replace(/[\u0080-\u009F\u00A0\u00AD]/g, '');
}

/** A long run (a whole garbled paragraph) cut to a length a message can show. */
function shorten(text: string): string {
  return text.length > 24 ? `${text.slice(0, 23)}…` : text;
}
