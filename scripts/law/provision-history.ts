import type { LawIndexEntry } from './law-text-model.js';
import { lawTextOf, lawTextsOf, lookupProvision } from './law-texts.js';
import { sameLawText, wordChange, type WordChange } from './paragraph-changes.js';
import type { LawProvision } from './provision-scope.js';

/** A provision in one act of its law, compared with the act before. */
export interface ProvisionVersion {
  act: LawIndexEntry;
  /** »added«: in this act but not the one before (or the first act); »missing«: not in this act. */
  status: 'added' | 'unchanged' | 'changed' | 'missing';
  text?: string;
  /** Why it is missing, in lookupProvision's words (»§ 32, stk. 1 har nr. 1-8«), when there is more to say than that. */
  reason?: string;
  /** For »changed«: what changed since the act before. */
  change?: WordChange;
}

/** The provision in every act of its law the tool has, oldest first. */
export function provisionHistory(provision: LawProvision): ProvisionVersion[] {
  let previous: string | undefined;
  return lawTextsOf(provision.law).map((act): ProvisionVersion => {
    const lookup = lookupProvision(lawTextOf(act), provision);
    if (!lookup.found) {
      previous = undefined;
      return { act, status: 'missing', ...(lookup.reason ? { reason: lookup.reason } : {}) };
    }
    const before = previous;
    previous = lookup.text;
    if (before === undefined) return { act, status: 'added', text: lookup.text };
    if (sameLawText(before, lookup.text)) return { act, status: 'unchanged', text: lookup.text };
    return { act, status: 'changed', text: lookup.text, change: wordChange(before, lookup.text) };
  });
}
