import { diffWords } from 'diff';
import { alignByKey } from '../revision/align-by-key.js';
import type { LawTextParagraph } from './law-text-model.js';
import { normalizeLawText } from './parse-law-text.js';

/**
 * What changed in one part of a paragraph (the words of a stk. or one numbered item), short enough to scan:
 * an added or removed part with its text, or a changed one with the places its words changed.
 */
export interface TextChange {
  /** The part, named as it is cited: »§ 3, stk. 1, nr. 2«. */
  where: string;
  kind: 'added' | 'removed' | 'changed';
  /** For »added«: the part's words, shortened. */
  added?: string;
  /** For »removed«: the part's words, shortened. */
  removed?: string;
  /** For »changed«: what changed, place by place. */
  edits?: WordEdit[];
  /** For »changed«: how many more places changed than `edits` shows. */
  moreEdits?: number;
}

/** One place where words were replaced, inserted (removed is "") or deleted (added is ""), each side shortened. */
export interface WordEdit {
  removed: string;
  added: string;
}

/** The edits of one changed text: a few places, and how many more there are. */
export interface WordChange {
  edits: WordEdit[];
  moreEdits?: number;
}

/** Whether two texts of the law say the same, regardless of line breaks, spacing and soft hyphens. */
export function sameLawText(a: string, b: string): boolean {
  return normalizeLawText(a) === normalizeLawText(b);
}

/** One part of a paragraph: the words of a stk. before its items, or one item. */
interface Part {
  where: string;
  text: string;
}

/**
 * The parts of a paragraph that differ between two texts of it. Parts are matched by their text, not their number,
 * so a new nr. 2 is one added item, not eight changed ones because the items after it moved down.
 */
export function paragraphChanges(before: LawTextParagraph, after: LawTextParagraph): TextChange[] {
  const changes: TextChange[] = [];
  let removed: Part[] = [];
  let added: Part[] = [];
  const flush = (): void => {
    changes.push(...pairUp(removed, added));
    removed = [];
    added = [];
  };
  for (const place of alignByKey(partsOf(before), partsOf(after), (part) => part.text)) {
    if (place.before && place.after) flush();
    else if (place.before) removed.push(place.before);
    else added.push(place.after);
  }
  flush();
  return changes;
}

/**
 * The places where one text's words differ from another's. Places a word or two apart are one place, so
 * »974 kr. årligt (2023-niveau)« → »948 kr. årligt (2022-niveau)« reads as one edit; a text mostly rewritten is one
 * edit of the whole, since a list of scattered words would not say what it now says.
 */
export function wordChange(beforeText: string, afterText: string): WordChange {
  const [before, after] = [normalizeLawText(beforeText), normalizeLawText(afterText)];
  const parts = diffWords(before, after);
  const common = parts.filter((part) => !part.added && !part.removed).reduce((sum, part) => sum + wordCount(part.value), 0);
  if (common < REWRITTEN * Math.min(wordCount(before), wordCount(after)))
    return { edits: [{ removed: brief(before, EDIT_LENGTH), added: brief(after, EDIT_LENGTH) }] };
  const edits: WordEdit[] = [];
  let open: WordEdit | undefined;
  let gap = '';
  for (const part of parts) {
    if (!part.added && !part.removed) {
      if (open && wordCount(part.value) <= JOINED_GAP) gap = part.value;
      else [open, gap] = [undefined, ''];
      continue;
    }
    if (open) [open.removed, open.added, gap] = [open.removed + gap, open.added + gap, ''];
    else edits.push((open = { removed: '', added: '' }));
    if (part.removed) open.removed += part.value;
    else open.added += part.value;
  }
  const shown: WordEdit[] = [];
  let length = 0;
  for (const edit of edits) {
    const short = { removed: brief(clean(edit.removed), EDIT_LENGTH), added: brief(clean(edit.added), EDIT_LENGTH) };
    length += short.removed.length + short.added.length;
    if (shown.length > 0 && length > SUMMARY_LENGTH) break;
    shown.push(short);
  }
  return { edits: shown, ...(edits.length > shown.length ? { moreEdits: edits.length - shown.length } : {}) };
}

/** Below this share of the shorter text's words in common a text counts as rewritten (an appended sentence is an insertion). */
const REWRITTEN = 0.5;
/** Changes at most this many words apart are one edit. */
const JOINED_GAP = 2;
/** Each side of an edit, and all the edits shown, about this long: a summary to scan, not the text. */
const EDIT_LENGTH = 80;
const SUMMARY_LENGTH = 200;

function wordCount(text: string): number {
  return text.match(/[\p{L}\d]+/gu)?.length ?? 0;
}

function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/ ([,.;:)])/g, '$1')
    .trim();
}

/** A text cut at a word to about `max` characters, for a summary line. */
export function brief(text: string, max = 100): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max);
  return `${text.slice(0, cut > max / 2 ? cut : max).trimEnd()} …`;
}

function partsOf(paragraph: LawTextParagraph): Part[] {
  const stks = paragraph.stk ?? [];
  return stks.flatMap((stk, stkIndex) => {
    const stkName = `§ ${paragraph.paragraf}${stks.length > 1 ? `, stk. ${stkIndex + 1}` : ''}`;
    const intro = stk.tekst === '' ? [] : [{ where: stkName, text: normalizeLawText(stk.tekst) }];
    return [...intro, ...(stk.numre ?? []).map((item, at) => ({ where: `${stkName}, nr. ${at + 1}`, text: normalizeLawText(item) }))];
  });
}

/**
 * Between two unchanged parts, the removed and added ones: a removed part pairs with the most similar added part
 * after the last pair (a reworded item), the rest are removed or added outright.
 */
function pairUp(removed: readonly Part[], added: readonly Part[]): TextChange[] {
  const changes: TextChange[] = [];
  let next = 0;
  for (const old of removed) {
    let best = -1;
    let bestScore = 0;
    for (let at = next; at < added.length; at++) {
      const score = similarity(old.text, added[at]!.text);
      if (score >= SIMILAR && score > bestScore) [best, bestScore] = [at, score];
    }
    if (best === -1) {
      changes.push({ where: old.where, kind: 'removed', removed: brief(old.text) });
      continue;
    }
    for (const skipped of added.slice(next, best)) changes.push({ where: skipped.where, kind: 'added', added: brief(skipped.text) });
    const target = added[best]!;
    changes.push({ where: target.where, kind: 'changed', ...wordChange(old.text, target.text) });
    next = best + 1;
  }
  for (const rest of added.slice(next)) changes.push({ where: rest.where, kind: 'added', added: brief(rest.text) });
  return changes;
}

/** Below this share of common words two parts are different parts, not one part reworded. */
const SIMILAR = 0.6;

/**
 * The share of the shorter text's words the longer one has too: a stk. that gained a sentence is still that stk.
 * (the overlap coefficient on their sets of words).
 */
function similarity(a: string, b: string): number {
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);
  const left = words(a);
  const right = words(b);
  if (Math.min(left.size, right.size) === 0) return left.size === right.size ? 1 : 0;
  let common = 0;
  for (const word of left) if (right.has(word)) common++;
  return common / Math.min(left.size, right.size);
}
