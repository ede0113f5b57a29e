import type { PolicyDocument } from '../model/document.js';
import type { Lovregister } from '../model/generated-types.js';
import { normalizedOf } from '../text/normalize.js';
import { proseFieldsOf, type SourceText } from '../text/prose.js';
import type { LawText } from './law-text-model.js';
import { lawTextOn, lookupProvision } from './law-texts.js';
import { citationsOf } from './parse-citations.js';
import { formatCitation, lawNamesOf } from './register.js';

/** A provision a document cites, once per document, with the law it belongs to. */
export interface CitedProvision {
  law: string;
  paragraf: string;
  stk?: number;
  nr?: number;
  /** Written out: »Barnets Lov § 32, stk. 1, nr. 2«. */
  written: string;
  /** True when the measure's Lovhjemmel section cites it (its legal basis), false for a mention in another section. */
  inLovhjemmel: boolean;
}

/** The provisions a document's sections cite, with a law (citations without one are lovhjemmel's concern), in text order. */
export function citedProvisions(document: PolicyDocument, register: Lovregister): CitedProvision[] {
  return citedIn(
    proseFieldsOf(document).filter((field) => field.isSection),
    register,
  );
}

/** A section's text as values hold it, without a file behind it: a measure of a revision round. */
export interface SectionText {
  /** The section's key: `formaal`, …, `lovhjemmel`. */
  field: string;
  text: string;
}

/** Like citedProvisions, for sections read as values (a service level at a commit) rather than a loaded document. */
export function citedProvisionsOfSections(sections: readonly SectionText[], register: Lovregister): CitedProvision[] {
  const fields = sections.map((section) => ({ field: section.field, text: section.text, offsets: new Int32Array(section.text.length + 1) }));
  return citedIn(fields, register);
}

function citedIn(fields: readonly (SourceText & { field: string })[], register: Lovregister): CitedProvision[] {
  const byKey = new Map<string, CitedProvision>();
  for (const field of fields) {
    for (const citation of citationsOf(normalizedOf(field), lawNamesOf(register)).citations) {
      if (!citation.law) continue;
      const written = formatCitation(register, citation);
      const known = byKey.get(written);
      if (known) known.inLovhjemmel ||= field.field === 'lovhjemmel';
      else
        byKey.set(written, {
          law: citation.law,
          paragraf: citation.paragraf,
          ...(citation.stk !== undefined ? { stk: citation.stk } : {}),
          ...(citation.nr !== undefined ? { nr: citation.nr } : {}),
          written,
          inLovhjemmel: field.field === 'lovhjemmel',
        });
    }
  }
  return [...byKey.values()];
}

/** A provision's text as the act in force on a date prints it, for quoting; undefined when the tool has no such text. */
export interface QuotedProvision {
  written: string;
  /** The act quoted: »LBK nr 282 af 17/03/2025«, with its ELI address. */
  act: Pick<LawText, 'akt' | 'eli' | 'titel'>;
  text: string;
  /** The text in the lines the law prints it in (each stk. and numbered item on its own); `text` is them joined by spaces. */
  lines: string[];
}

export function quoteProvision(provision: CitedProvision, date: string): QuotedProvision | undefined {
  const text = lawTextOn(provision.law, date);
  if (!text) return undefined;
  const lookup = lookupProvision(text, provision);
  if (!lookup.found) return undefined;
  return { written: provision.written, act: { akt: text.akt, eli: text.eli, titel: text.titel }, text: lookup.text, lines: lookup.lines };
}
