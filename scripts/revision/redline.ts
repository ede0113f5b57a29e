import { diffArrays } from 'diff';

/** A run of text in a redline: unchanged, deleted or inserted. */
export interface Segment {
  type: 'same' | 'del' | 'ins';
  text: string;
}

// Danish words with æ, ø, å; numbers with decimal commas and ranges ("1,5", "3-5", "3–5") kept whole;
// whitespace and each punctuation mark as tokens of their own.
const TOKEN = /\d+(?:[.,]\d+)*(?:[-–]\d+(?:[.,]\d+)*)?|[\p{L}\p{M}\p{N}]+|\s+|[^\s\p{L}\p{M}\p{N}]/gu;

/** Splits text into the tokens a word-level redline compares. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** A word-level redline of two texts, with adjacent runs of the same type merged. */
export function redline(before: string, after: string): Segment[] {
  const segments: Segment[] = [];
  for (const part of diffArrays(tokenize(before), tokenize(after))) {
    const type = part.added ? 'ins' : part.removed ? 'del' : 'same';
    const text = part.value.join('');
    const last = segments.at(-1);
    if (last && last.type === type) last.text += text;
    else segments.push({ type, text });
  }
  return segments.filter((segment) => segment.text.length > 0);
}
