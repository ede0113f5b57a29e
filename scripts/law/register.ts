import type { Henvisning, Lovregister, Paragraf } from '../model/generated-types.js';
import { memoizeByObject } from '../memoize.js';
import type { Citation, LawName } from './parse-citations.js';

/** The laws of the register with every name they may be cited by (the same array for the same register). */
export const lawNamesOf: (register: Lovregister) => LawName[] = memoizeByObject((register) =>
  register.love.map((law) => ({ id: law.id, names: [law.navn, ...law.aliaser] })),
);

/** The register entries a citation can mean: same law and paragraph, and stk./nr. where both give one. */
export function entriesFor(register: Lovregister, citation: Pick<Citation, 'law' | 'paragraf' | 'stk' | 'nr'>): Paragraf[] {
  const paragraf = compact(citation.paragraf);
  return register.paragraffer.filter(
    (entry) =>
      entry.lov === citation.law &&
      compact(entry.paragraf) === paragraf &&
      (entry.stk === undefined || citation.stk === undefined || entry.stk === citation.stk) &&
      (entry.nr === undefined || citation.nr === undefined || entry.nr === citation.nr),
  );
}

/** Whether an entry is in force on a date (ISO strings compare as dates). */
export function inForceOn(entry: Paragraf, date: string): boolean {
  return (entry.i_kraft_fra === undefined || entry.i_kraft_fra <= date) && (entry.i_kraft_til === undefined || date <= entry.i_kraft_til);
}

/** A citation as a person writes it: »Barnets Lov § 32, stk. 1, nr. 7«. */
export function formatCitation(register: Lovregister, citation: Henvisning | Pick<Citation, 'law' | 'paragraf' | 'stk' | 'nr'>): string {
  const lawId = 'lov' in citation ? citation.lov : citation.law;
  const law = register.love.find((candidate) => candidate.id === lawId)?.navn ?? lawId ?? '';
  return `${law} § ${citation.paragraf}${citation.stk !== undefined ? `, stk. ${citation.stk}` : ''}${citation.nr !== undefined ? `, nr. ${citation.nr}` : ''}`.trim();
}

/** The entry a reference in `erstattet_af` points at, for its title. */
export function entryOf(register: Lovregister, reference: Henvisning): Paragraf | undefined {
  return entriesFor(register, { law: reference.lov, paragraf: reference.paragraf, stk: reference.stk, nr: reference.nr }).find(
    (entry) => entry.stk === reference.stk && entry.nr === reference.nr,
  );
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** An ISO date in Danish: "1. januar 2024". */
export function danishDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day}. ${MONTHS[(month ?? 1) - 1]} ${year}`;
}

/** The day after an ISO date, for "ophævet pr." (a provision in force to 31 December is repealed from 1 January). */
export function dayAfter(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function compact(paragraf: string): string {
  return paragraf.replace(/\s+/g, '');
}
