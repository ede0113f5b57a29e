/** Why a file's bytes could not be read as a policy text. */
export interface DecodeProblem {
  /** Offset in the decoded-so-far text where the problem starts (for a position). */
  offset: number;
  /** The text before the problem, so a position can be computed. */
  before: string;
  message: string;
  hint: string;
}

export type DecodeResult = { ok: true; text: string } | { ok: false; problem: DecodeProblem };

const BOM = '\uFEFF';

/** Decodes a policy file's bytes as UTF-8 text; a BOM is dropped and CRLF is kept as written. */
export function decodeSourceText(bytes: Uint8Array): DecodeResult {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = lenientDecode(bytes.subarray(0, nul));
    return {
      ok: false,
      problem: {
        offset: before.length,
        before,
        message: 'Filen er en binær fil, ikke tekst',
        hint: 'Politikfiler skal være tekst i Markdown (.md) eller JSON (.json). Gem dokumentet som tekst i stedet for fx Word-format.',
      },
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = lenientDecode(bytes);
    const before = lenient.slice(0, firstInvalidCharacter(lenient, bytes));
    return {
      ok: false,
      problem: {
        offset: before.length,
        before,
        message: 'Filen er ikke gemt som UTF-8',
        hint: 'Gem filen med tegnsættet UTF-8 (i VS Code: klik på tegnsættet nederst til højre og vælg »Save with Encoding« → UTF-8). Æ, ø og å ser ellers forkerte ud.',
      },
    };
  }
  if (text.startsWith(BOM)) text = text.slice(1);
  if (text.trim() === '') {
    return {
      ok: false,
      problem: {
        offset: 0,
        before: '',
        message: 'Filen er tom',
        hint: 'Udfyld filen, eller opret en ny foranstaltning med »npx serviceniveau new foranstaltning <id>«.',
      },
    };
  }
  return { ok: true, text };
}

/**
 * The index in the leniently decoded text of the first U+FFFD that stands for invalid bytes. The file may also hold a
 * real U+FFFD (the bytes EF BF BD); walking the text and the bytes together tells the two apart.
 */
function firstInvalidCharacter(text: string, bytes: Uint8Array): number {
  let byte = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // the decoder drops a BOM
  for (let index = 0; index < text.length;) {
    const codePoint = text.codePointAt(index)!;
    if (codePoint === 0xfffd && !(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) return index;
    byte += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    index += codePoint < 0x10000 ? 1 : 2;
  }
  return 0;
}

function lenientDecode(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
