import { compareActs, paragraphChange, paragraphOf, type ParagraphChange } from './act-comparison.js';
import type { LawIndexEntry, LawText } from './law-text-model.js';
import { lawTextOf, lawTextOn, lawTextsOf } from './law-texts.js';

/** The two texts of a law compared: the one in force on the date (none when the tool has none for that day) and the newest. */
export interface LawComparison {
  law: string;
  from?: LawText;
  to: LawText;
}

/** A paragraph that changed after the date, with the first act whose text of it differs from the date's. */
export interface ParagraphChangeSince extends ParagraphChange {
  law: string;
  changedBy: LawIndexEntry;
}

export interface LawChangesSince {
  /** One per law the tool has a text of, in the order asked. */
  laws: LawComparison[];
  paragraphs: ParagraphChangeSince[];
}

/** Per law, the paragraphs whose text in the newest act differs from the act in force on `date`. */
export function lawChangesSince(laws: readonly string[], date: string): LawChangesSince {
  const comparisons: LawComparison[] = [];
  const paragraphs: ParagraphChangeSince[] = [];
  for (const law of laws) {
    const acts = lawTextsOf(law);
    const newest = acts.at(-1);
    if (!newest) continue;
    const to = lawTextOf(newest);
    const from = lawTextOn(law, date);
    comparisons.push({ law, ...(from ? { from } : {}), to });
    if (!from) continue;
    const later = acts.slice(acts.findIndex((act) => act.id === from.id) + 1);
    for (const change of compareActs(from, to)) {
      const before = paragraphOf(from, change.paragraf);
      // Changed back and forth in between does not count: the first act that differs from the date's text is the one to read.
      const changedBy = later.find((act) => paragraphChange(change.paragraf, before, paragraphOf(lawTextOf(act), change.paragraf)) !== undefined) ?? newest;
      paragraphs.push({ ...change, law, changedBy });
    }
  }
  return { laws: comparisons, paragraphs };
}
