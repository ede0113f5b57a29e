import type { LawText, LawTextParagraph } from './law-text-model.js';
import { lookupProvision, paragraphText, type ProvisionRef } from './law-texts.js';
import { brief, paragraphChanges, sameLawText, wordChange, type TextChange } from './paragraph-changes.js';
import { paragraphKey } from './provision-scope.js';

/** How a paragraph differs between two acts: new, gone, repealed (»(Ophævet)«), or its text changed. */
export type ParagraphChangeKind = 'changed' | 'added' | 'removed' | 'repealed';

export interface ParagraphChange {
  paragraf: string;
  kind: ParagraphChangeKind;
  changes: TextChange[];
}

/** The paragraphs whose text differs between two acts of a law, in the law's order; a paragraph that only moved is not one. */
export function compareActs(from: LawText, to: LawText): ParagraphChange[] {
  const numbers = new Map<string, string>();
  for (const paragraph of [...from.paragraffer, ...to.paragraffer])
    if (!numbers.has(paragraphKey(paragraph.paragraf))) numbers.set(paragraphKey(paragraph.paragraf), paragraph.paragraf);
  return [...numbers.values()]
    .sort(compareParagraphNumbers)
    .flatMap((paragraf) => paragraphChange(paragraf, paragraphOf(from, paragraf), paragraphOf(to, paragraf)) ?? []);
}

/** How one paragraph changed from one act to the next, or undefined when its text is the same. */
export function paragraphChange(paragraf: string, before: LawTextParagraph | undefined, after: LawTextParagraph | undefined): ParagraphChange | undefined {
  const where = `§ ${paragraf}`;
  const had = before?.ophaevet ? undefined : before;
  const has = after?.ophaevet ? undefined : after;
  if (!had && has) return { paragraf, kind: 'added', changes: [{ where, kind: 'added', added: brief(paragraphText(has)) }] };
  if (had && !has) return { paragraf, kind: after ? 'repealed' : 'removed', changes: [{ where, kind: 'removed', removed: brief(paragraphText(had)) }] };
  if (!had || !has || sameLawText(paragraphText(had), paragraphText(has))) return undefined;
  const changes = paragraphChanges(had, has);
  // Parts the same but differently split into stk. and items: the paragraph as a whole says what changed.
  return {
    paragraf,
    kind: 'changed',
    changes: changes.length > 0 ? changes : [{ where, kind: 'changed', ...wordChange(paragraphText(had), paragraphText(has)) }],
  };
}

/** Whether the words of a cited provision differ between two acts (or it exists in only one of them). */
export function citedTextChanged(from: LawText, to: LawText, provision: ProvisionRef): boolean {
  const before = lookupProvision(from, provision);
  const after = lookupProvision(to, provision);
  if (before.found && after.found) return !sameLawText(before.text, after.text);
  return before.found !== after.found;
}

export function paragraphOf(text: LawText, paragraf: string): LawTextParagraph | undefined {
  const key = paragraphKey(paragraf);
  return text.paragraffer.find((paragraph) => paragraphKey(paragraph.paragraf) === key);
}

/** The law's order of paragraphs: by number, then letter (»117« before »117 a« before »118«). */
export function compareParagraphNumbers(a: string, b: string): number {
  const [numberA, letterA] = splitNumber(a);
  const [numberB, letterB] = splitNumber(b);
  return numberA - numberB || letterA.localeCompare(letterB);
}

function splitNumber(paragraf: string): [number, string] {
  const match = /^(\d+)\s*([a-zæøå]*)$/i.exec(paragraf.trim());
  return match ? [Number(match[1]), match[2]!.toLowerCase()] : [Number.MAX_SAFE_INTEGER, paragraf];
}
